"""Harrell's concordance index."""
import numpy as np


def concordance_index(time, event, risk):
    """Harrell's C: over pairs (i, j) with t_i < t_j and an event at t_i, the share where risk_i > risk_j
    (risk ties count 1/2), as survival::concordance with a higher risk meaning a shorter survival."""
    time = np.asarray(time, dtype=np.float64)
    event = np.asarray(event, dtype=bool)
    risk = np.asarray(risk, dtype=np.float64)
    comparable = event[:, None] & (time[:, None] < time[None, :])
    if not comparable.any():
        return float("nan")
    diff = risk[:, None] - risk[None, :]
    concordant = ((diff > 0) + 0.5 * (diff == 0))[comparable].sum()
    return float(concordant / comparable.sum())
