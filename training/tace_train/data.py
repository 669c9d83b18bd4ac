"""The crops written by ``tace dl crops`` (``<prefix>.npy`` + ``<prefix>.csv``), read with numpy only, and the
training augmentation."""
import csv
import json
import math

import numpy as np
import torch
import torch.nn.functional as F


class CropDataset:
    """The samples of a crop export: ``x`` float32 [S, C, ...], and per sample ``patient_id``, ``time``,
    ``event`` and ``cohort`` (failed patients, ``row`` = -1, are left out)."""

    def __init__(self, prefix):
        self.x = np.load(f"{prefix}.npy", mmap_mode="r")
        with open(f"{prefix}.preprocessing.json", encoding="utf-8") as f:
            self.manifest = json.load(f)
        rows = []
        with open(f"{prefix}.csv", newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if int(float(r["row"])) >= 0:
                    rows.append(r)
        rows.sort(key=lambda r: int(float(r["row"])))
        if [int(float(r["row"])) for r in rows] != list(range(self.x.shape[0])):
            raise ValueError(f"{prefix}.csv rows do not index {prefix}.npy's {self.x.shape[0]} samples")
        self.patient_id = np.array([r["patient_id"] for r in rows])
        self.time = np.array([_number(r["time"]) for r in rows])
        self.event = np.array([_number(r["event"]) for r in rows])
        self.cohort = np.array([r["cohort"] for r in rows])

    def indices(self, cohorts):
        """Samples whose cohort is one of ``cohorts`` and whose outcome is known."""
        keep = np.isin(self.cohort, list(cohorts)) & np.isfinite(self.time) & np.isfinite(self.event)
        return np.flatnonzero(keep)


def _number(text):
    try:
        return float(text)
    except ValueError:
        return float("nan")


def augment(x, generator, flip=True, max_rotation_deg=10.0, intensity_scale=0.05, intensity_shift=0.02):
    """Random flips of the in-plane axes (x, y), a small rotation about the z axis (trilinear, border values)
    and intensity jitter ``x * (1 + N(0, scale^2)) + N(0, shift^2)`` per sample and channel; ``x`` is a batch
    [N, C, D, H, W]; ``generator`` a seeded ``torch.Generator``."""
    n, c = x.shape[0], x.shape[1]
    if flip:
        for axis in (4, 3):  # W = x, H = y
            mask = torch.rand(n, generator=generator) < 0.5
            if mask.any():
                x = x.clone()
                x[mask] = torch.flip(x[mask], dims=(axis,))
    if max_rotation_deg > 0:
        angle = (torch.rand(n, generator=generator) * 2 - 1) * math.radians(max_rotation_deg)
        cos, sin = torch.cos(angle), torch.sin(angle)
        theta = torch.zeros(n, 3, 4, dtype=x.dtype)
        theta[:, 0, 0], theta[:, 0, 1] = cos, -sin
        theta[:, 1, 0], theta[:, 1, 1] = sin, cos
        theta[:, 2, 2] = 1
        grid = F.affine_grid(theta, list(x.shape), align_corners=False)
        x = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
    if intensity_scale > 0 or intensity_shift > 0:
        scale = 1 + intensity_scale * torch.randn(n, c, 1, 1, 1, generator=generator, dtype=x.dtype)
        shift = intensity_shift * torch.randn(n, c, 1, 1, 1, generator=generator, dtype=x.dtype)
        x = x * scale + shift
    return x
