"""Cox partial likelihood on a mini-batch, with the batch's own risk sets (Breslow or Efron ties)."""
import torch


def cox_partial_log_likelihood(eta, time, event, ties="efron"):
    """Log partial likelihood of linear predictors ``eta`` (shape [n]) on the subjects of one batch.

    The risk set of an event at time t is every subject of the batch with time >= t (right censoring, no
    strata, unit weights), as R survival's ``coxph``:

    * Breslow: ``sum_i event_i * (eta_i - log sum_{j: t_j >= t_i} exp(eta_j))``;
    * Efron: for d events tied at t with risk-set sum R and tied sum S, the k-th (k = 0..d-1) contributes
      ``eta_i - log(R - k / d * S)``.

    Computed in the dtype of ``eta`` (float64 to reproduce the library to 1e-8). Shifting ``eta`` by its
    maximum leaves the value unchanged and keeps ``exp`` finite.
    """
    if ties not in ("efron", "breslow"):
        raise ValueError(f"ties must be 'efron' or 'breslow', not {ties!r}")
    eta = eta.reshape(-1)
    time = time.reshape(-1).to(eta.dtype)
    event = event.reshape(-1).to(torch.bool)
    n = eta.shape[0]
    if n == 0 or not bool(event.any()):
        return eta.sum() * 0.0
    shifted = eta - eta.detach().max()
    w = torch.exp(shifted)
    at_risk = time.unsqueeze(0) >= time.unsqueeze(1)  # [i, j]: j is at risk at t_i
    risk_sum = (at_risk.to(eta.dtype) * w.unsqueeze(0)).sum(dim=1)
    if ties == "breslow":
        terms = shifted - torch.log(risk_sum)
    else:
        tied = (time.unsqueeze(0) == time.unsqueeze(1)) & event.unsqueeze(0)  # [i, j]: j an event tied with t_i
        d = tied.sum(dim=1).to(eta.dtype)
        tied_sum = (tied.to(eta.dtype) * w.unsqueeze(0)).sum(dim=1)
        before = torch.arange(n, device=eta.device).unsqueeze(0) < torch.arange(n, device=eta.device).unsqueeze(1)
        k = (tied & before).sum(dim=1).to(eta.dtype)  # rank of i among its tied events
        terms = shifted - torch.log(risk_sum - k / torch.clamp(d, min=1.0) * tied_sum)
    return terms[event].sum()


def cox_loss(risk, time, event, ties="efron"):
    """Negative Cox partial log-likelihood per event of the batch (0 for a batch without events)."""
    events = event.reshape(-1).to(torch.bool).sum()
    ll = cox_partial_log_likelihood(risk.reshape(-1), time, event, ties)
    return -ll / torch.clamp(events.to(ll.dtype), min=1.0)
