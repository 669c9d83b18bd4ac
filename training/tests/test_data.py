"""Augmentation: seeded, shape-preserving, each part doing what it says; C-index and the crop reader."""
import csv
import json
import sys
import tempfile
import unittest
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tace_train.data import CropDataset, augment  # noqa: E402


class AugmentTest(unittest.TestCase):
    def setUp(self):
        self.x = torch.rand(6, 2, 8, 8, 8, generator=torch.Generator().manual_seed(0))

    def test_seeded(self):
        a = augment(self.x, torch.Generator().manual_seed(4))
        b = augment(self.x, torch.Generator().manual_seed(4))
        self.assertTrue(torch.equal(a, b))
        self.assertEqual(a.shape, self.x.shape)

    def test_flips_only_permute_voxels(self):
        out = augment(self.x, torch.Generator().manual_seed(1), max_rotation_deg=0, intensity_scale=0, intensity_shift=0)
        for s in range(6):
            options = [self.x[s], self.x[s].flip(3), self.x[s].flip(2), self.x[s].flip(2).flip(3)]
            self.assertTrue(any(torch.equal(out[s], o) for o in options))

    def test_zero_rotation_is_identity_and_jitter_is_affine_per_channel(self):
        same = augment(self.x, torch.Generator(), flip=False, max_rotation_deg=1e-12, intensity_scale=0, intensity_shift=0)
        self.assertLess(float((same - self.x).abs().max()), 1e-5)
        jit = augment(self.x, torch.Generator().manual_seed(2), flip=False, max_rotation_deg=0)
        for s in range(6):
            for c in range(2):
                a = np.polyfit(self.x[s, c].flatten().numpy(), jit[s, c].flatten().numpy(), 1)
                fitted = a[0] * self.x[s, c] + a[1]
                self.assertLess(float((fitted - jit[s, c]).abs().max()), 1e-5)


class CropDatasetTest(unittest.TestCase):
    def test_reads_a_crop_export_and_leaves_out_failed_patients(self):
        with tempfile.TemporaryDirectory() as tmp:
            prefix = str(Path(tmp) / "crops")
            np.save(f"{prefix}.npy", np.arange(2 * 2 * 4 * 4 * 4, dtype=np.float32).reshape(2, 2, 4, 4, 4))
            Path(f"{prefix}.preprocessing.json").write_text(json.dumps({"version": 1}))
            with open(f"{prefix}.csv", "w", newline="") as f:
                w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC)
                w.writerow(["row", "patient_id", "sample", "time", "event", "cohort", "error"])
                w.writerow([0, "a", 0, 3.5, 1, "training", ""])
                w.writerow([-1, "b", -1, 2, 0, "training", "no portal-venous"])
                w.writerow([1, "c", 0, "NA", "NA", "external", ""])
            data = CropDataset(prefix)
            self.assertEqual(list(data.patient_id), ["a", "c"])
            self.assertEqual(list(data.indices(["training", "external"])), [0])  # c has no outcome
            self.assertEqual(data.x.shape, (2, 2, 4, 4, 4))


if __name__ == "__main__":
    unittest.main()
