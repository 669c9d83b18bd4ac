#!/usr/bin/env python3
"""C-index of risk columns per cohort with percentile bootstrap 95% CIs, and the paired difference of two
models (same bootstrap resamples). numpy only. Example:

    python3 training/evaluate.py --clinical cohort/clinical.csv \
        --model random=shipped-embed.csv --model trained=trained-embed.csv --cohorts internal,external

Each --model is NAME=CSV with patient_id and dl_risk (tace dl embed's output; --column for another column).
"""
import argparse
import csv
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tace_train.metrics import concordance_index  # noqa: E402


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--clinical", required=True)
    p.add_argument("--model", action="append", required=True, help="NAME=CSV")
    p.add_argument("--column", default="dl_risk")
    p.add_argument("--cohorts", default="training,internal,external")
    p.add_argument("--time", default="os_months")
    p.add_argument("--event", default="death")
    p.add_argument("--bootstrap", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    clinical = {r["patient_id"]: r for r in read(args.clinical)}
    models = {}
    for spec in args.model:
        name, path = spec.split("=", 1)
        models[name] = {r["patient_id"]: float(r[args.column]) for r in read(path)}
    names = list(models)
    for cohort in args.cohorts.split(","):
        ids = [i for i, r in clinical.items() if r["cohort"] == cohort and all(i in m for m in models.values())]
        t = np.array([float(clinical[i][args.time]) for i in ids])
        e = np.array([float(clinical[i][args.event]) for i in ids])
        risks = {n: np.array([models[n][i] for i in ids]) for n in names}
        rng = np.random.default_rng(args.seed)
        boot = {n: [] for n in names}
        for _ in range(args.bootstrap):
            s = rng.integers(0, len(ids), len(ids))
            for n in names:
                boot[n].append(concordance_index(t[s], e[s], risks[n][s]))
        line = [f"{cohort} (n={len(ids)}, events={int(e.sum())})"]
        for n in names:
            c = concordance_index(t, e, risks[n])
            lo, hi = np.nanpercentile(boot[n], [2.5, 97.5])
            line.append(f"{n} {c:.3f} [{lo:.3f}, {hi:.3f}]")
        if len(names) == 2:
            d = np.array(boot[names[1]]) - np.array(boot[names[0]])
            c = concordance_index(t, e, risks[names[1]]) - concordance_index(t, e, risks[names[0]])
            lo, hi = np.nanpercentile(d, [2.5, 97.5])
            line.append(f"{names[1]} - {names[0]} {c:+.3f} [{lo:+.3f}, {hi:+.3f}]")
        print("; ".join(line))


if __name__ == "__main__":
    main()
