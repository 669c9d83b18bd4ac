#!/bin/sh
# CI step of the training recipe (issue 25): the Python unit tests (Cox loss against @tace/survival's coxph,
# export equality through onnxruntime-node), then one epoch on 40 synthetic patients through the real
# pipeline (tace synth -> tace dl crops -> training/train.py -> checkModelContract).
# Needs Debian's python3-torch and python3-numpy (apt-get install -y python3-torch python3-numpy);
# skips with a message when they cannot be imported. Run from the repository root.
set -eu
PY=${PYTHON:-/usr/bin/python3}
if ! "$PY" -c 'import torch, numpy' 2>/dev/null; then
  echo "training: SKIPPED, $PY cannot import torch and numpy (apt-get install -y python3-torch python3-numpy)"
  exit 0
fi
"$PY" -c 'import torch, numpy; print(f"training: torch {torch.__version__}, numpy {numpy.__version__}")'
(cd training && "$PY" -m unittest discover -s tests -t . -v)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tace() { npx tsx --conditions=@tace/source packages/cli/src/bin.ts "$@"; }
tace synth --out "$work/cohort" --patients 24,8,8
tace dl crops --manifest "$work/cohort/manifest.csv" --clinical "$work/cohort/clinical.csv" --out "$work/crops"
start=$(date +%s)
"$PY" training/train.py --crops "$work/crops" --epochs 1 --batch-size 8 --threads 2 --out "$work/model/tace-cnn-ci.onnx"
echo "training: one epoch + export in $(( $(date +%s) - start )) s"
npx tsx --conditions=@tace/source training/tests/check_contract.ts "$work/model/tace-cnn-ci.onnx"
tace dl embed --manifest "$work/cohort/manifest.csv" --model "$work/model/tace-cnn-ci.onnx" --out "$work/embed.csv" --threads 2
