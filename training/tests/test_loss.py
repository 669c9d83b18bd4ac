"""The mini-batch Cox loss against @tace/survival's coxph partial log-likelihood (fixtures/cox/cox.json, made by
make_cox_fixture.ts), Efron and Breslow, to 1e-8 in float64; and the risk-set and gradient behaviour."""
import json
import sys
import unittest
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tace_train.loss import cox_loss, cox_partial_log_likelihood  # noqa: E402
from tace_train.metrics import concordance_index  # noqa: E402

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "cox" / "cox.json").read_text())


class CoxLikelihoodTest(unittest.TestCase):
    def setUp(self):
        self.time = torch.tensor(FIXTURE["time"], dtype=torch.float64)
        self.event = torch.tensor(FIXTURE["event"], dtype=torch.float64)
        self.x = torch.tensor(FIXTURE["x"], dtype=torch.float64)

    def check(self, ties):
        ref = FIXTURE[ties]
        eta = self.x @ torch.tensor(ref["beta"], dtype=torch.float64)
        got = float(cox_partial_log_likelihood(eta, self.time, self.event, ties))
        self.assertLessEqual(abs(got - ref["loglik"]), 1e-8, f"{ties}: {got} vs {ref['loglik']}")
        at_zero = float(cox_partial_log_likelihood(torch.zeros(len(self.time), dtype=torch.float64), self.time, self.event, ties))
        self.assertLessEqual(abs(at_zero - ref["loglikInitial"]), 1e-8)

    def test_efron_equals_coxph(self):
        self.check("efron")

    def test_breslow_equals_coxph(self):
        self.check("breslow")

    def test_order_and_shift_invariant(self):
        eta = self.x @ torch.tensor(FIXTURE["efron"]["beta"], dtype=torch.float64)
        perm = torch.randperm(len(eta), generator=torch.Generator().manual_seed(1))
        for ties in ("efron", "breslow"):
            a = float(cox_partial_log_likelihood(eta, self.time, self.event, ties))
            b = float(cox_partial_log_likelihood(eta[perm] + 50.0, self.time[perm], self.event[perm], ties))
            self.assertLessEqual(abs(a - b), 1e-9)

    def test_gradient_is_zero_at_the_coxph_estimate(self):
        for ties in ("efron", "breslow"):
            beta = torch.tensor(FIXTURE[ties]["beta"], dtype=torch.float64, requires_grad=True)
            cox_partial_log_likelihood(self.x @ beta, self.time, self.event, ties).backward()
            self.assertLess(float(beta.grad.abs().max()), 1e-6)

    def test_a_batch_uses_its_own_risk_sets_and_no_event_gives_zero(self):
        idx = torch.arange(0, 20)
        eta = torch.linspace(-1, 1, 20, dtype=torch.float64)
        whole = float(cox_partial_log_likelihood(eta, self.time[idx], self.event[idx], "breslow"))
        # by hand: each event's risk set within the batch
        t, e = self.time[idx].numpy(), self.event[idx].numpy()
        hand = sum(eta[i] - np.log(np.exp(eta.numpy()[t >= t[i]]).sum()) for i in range(20) if e[i] == 1)
        self.assertLessEqual(abs(whole - float(hand)), 1e-12)
        self.assertEqual(float(cox_loss(eta, self.time[idx], torch.zeros(20))), 0.0)


class ConcordanceTest(unittest.TestCase):
    def test_hand_worked(self):
        # pairs (i event, t_i < t_j): (0,1) (0,2) (0,3) (2,3): risks 4>3 yes, 4>2 yes, 4>1 yes, 2>1 yes; tie counts 1/2
        self.assertEqual(concordance_index([1, 2, 3, 4], [1, 0, 1, 0], [4, 3, 2, 1]), 1.0)
        self.assertEqual(concordance_index([1, 2, 3, 4], [1, 0, 1, 0], [1, 1, 1, 1]), 0.5)


if __name__ == "__main__":
    unittest.main()
