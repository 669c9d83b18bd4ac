#!/usr/bin/env python3
"""Trains a CNN on the crops of ``tace dl crops`` with the Cox partial likelihood and exports it to the model
contract. See README.md. Example (one CPU epoch, the CI smoke test):

    python3 training/train.py --crops crops/all --epochs 1 --out model/tace-cnn-trained.onnx
"""
import argparse
import json
import random
import sys
import time as clock
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tace_train.data import CropDataset, augment  # noqa: E402
from tace_train.export import export_model  # noqa: E402
from tace_train.loss import cox_loss  # noqa: E402
from tace_train.metrics import concordance_index  # noqa: E402
from tace_train.networks import build_network  # noqa: E402


def parse(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--crops", required=True, help="prefix written by tace dl crops (<prefix>.npy/.csv/.preprocessing.json)")
    p.add_argument("--out", required=True, help="ONNX file to write (manifest and golden pair beside it)")
    p.add_argument("--network", default="tace-cnn", choices=["tace-cnn", "resnet3d-10", "resnet3d-18"])
    p.add_argument("--width", type=int, default=None, help="tace-cnn: embedding width (default 16); resnet: last stage (default 128)")
    p.add_argument("--train-cohort", default="training", help="comma-separated cohort values to train on")
    p.add_argument("--val-cohort", default="internal", help="comma-separated cohort values for early stopping")
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--patience", type=int, default=15, help="epochs without a better validation C-index before stopping")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--dropout", type=float, default=0.2)
    p.add_argument("--ties", default="efron", choices=["efron", "breslow"])
    p.add_argument("--no-augment", action="store_true")
    p.add_argument("--seed", type=int, default=20240801)
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--threads", type=int, default=0, help="CPU threads (0: PyTorch's default)")
    p.add_argument("--name", default=None, help="model name in the manifest (default: the output file's stem)")
    return p.parse_args(argv)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


def predict(model, x, indices, device, batch_size):
    model.eval()
    risks = []
    with torch.no_grad():
        for start in range(0, len(indices), batch_size):
            batch = torch.from_numpy(np.ascontiguousarray(x[indices[start:start + batch_size]])).to(device)
            risks.append(model(batch)[1].reshape(-1).cpu().numpy())
    return np.concatenate(risks) if risks else np.zeros(0)


def main(argv=None):
    args = parse(argv)
    seed_everything(args.seed)
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    data = CropDataset(args.crops)
    train = data.indices(args.train_cohort.split(","))
    val = data.indices(args.val_cohort.split(","))
    if len(train) == 0:
        raise SystemExit(f"no samples with cohort {args.train_cohort} and a known outcome in {args.crops}.csv")
    extra = {} if args.width is None else ({"width2": args.width} if args.network == "tace-cnn" else {"width": args.width})
    model = build_network(args.network, data.x.shape[1], dropout=args.dropout, **extra).to(args.device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    generator = torch.Generator().manual_seed(args.seed)
    order_rng = np.random.default_rng(args.seed)
    best = {"c": -1.0, "epoch": -1, "state": None}
    history = []
    for epoch in range(args.epochs):
        started = clock.time()
        model.train()
        losses = []
        perm = order_rng.permutation(train)
        for start in range(0, len(perm), args.batch_size):
            idx = np.sort(perm[start:start + args.batch_size])
            if idx.size < 2 or data.event[idx].sum() == 0:
                continue  # no event: no risk-set contrast in this batch
            x = torch.from_numpy(np.ascontiguousarray(data.x[idx]))
            if not args.no_augment:
                x = augment(x, generator)
            x = x.to(args.device)
            t = torch.from_numpy(data.time[idx]).to(args.device)
            e = torch.from_numpy(data.event[idx]).to(args.device)
            risk = model(x)[1].reshape(-1)
            loss = cox_loss(risk.double(), t, e, args.ties)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(float(loss))
        monitor = val if len(val) > 0 else train
        c = concordance_index(data.time[monitor], data.event[monitor], predict(model, data.x, monitor, args.device, args.batch_size))
        history.append({"epoch": epoch + 1, "loss": float(np.mean(losses)) if losses else float("nan"), "cIndex": c, "seconds": clock.time() - started})
        print(f"epoch {epoch + 1}: loss {history[-1]['loss']:.4f}, {'validation' if len(val) else 'training'} C-index {c:.4f} ({history[-1]['seconds']:.1f} s)", flush=True)
        if c > best["c"]:
            best = {"c": c, "epoch": epoch + 1, "state": {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}}
        elif epoch + 1 - best["epoch"] >= args.patience:
            print(f"early stop: no better validation C-index since epoch {best['epoch']}", flush=True)
            break
    model.load_state_dict(best["state"])
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    golden = np.ascontiguousarray(data.x[(val if len(val) else train)[:1]])
    name = args.name or Path(args.out).stem
    export_model(model.cpu(), data.manifest, args.out, golden, model_name=name)
    with open(args.out[: -len(".onnx")] + ".training.json", "w", encoding="utf-8") as f:
        json.dump({"args": vars(args), "bestEpoch": best["epoch"], "bestValidationCIndex": best["c"], "history": history,
                   "torch": torch.__version__, "numpy": np.__version__, "samples": {"train": int(len(train)), "validation": int(len(val))}}, f, indent=2)
    print(f"{args.out}: best epoch {best['epoch']}, validation C-index {best['c']:.4f}")


if __name__ == "__main__":
    main()
