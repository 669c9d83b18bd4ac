"""Export equality: a network exported by tace_train/export.py meets @tace/imaging's model contract, and
onnxruntime-node reproduces PyTorch's outputs on the golden input to 1e-5 (checked by checkModelContract's
golden.reproduced rule, run through training/tests/check_contract.ts with node). Skips with a message when
node/npx or the workspace's node_modules are absent."""
import json
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tace_train.export import export_model  # noqa: E402
from tace_train.loss import cox_loss  # noqa: E402
from tace_train.networks import build_network  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = json.loads((ROOT / "packages" / "imaging" / "models" / "tace-cnn-v1.preprocessing.json").read_text())
HAVE_NODE = shutil.which("npx") is not None and (ROOT / "packages" / "imaging" / "node_modules").exists()


def check_contract(path):
    out = subprocess.run(
        ["npx", "tsx", "--conditions=@tace/source", "training/tests/check_contract.ts", path],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    if out.stdout.strip() == "":
        raise AssertionError(f"check_contract.ts failed: {out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def trained_a_little(name, crop, **kwargs):
    """A network after three Cox steps (so batch-norm statistics and weights are not at their init)."""
    torch.manual_seed(7)
    net = build_network(name, 2, **kwargs)
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    g = torch.Generator().manual_seed(3)
    for _ in range(3):
        x = torch.rand(8, 2, crop, crop, crop, generator=g)
        t = torch.rand(8, generator=g, dtype=torch.float64) * 10
        e = (torch.rand(8, generator=g) < 0.7).double()
        loss = cox_loss(net(x)[1].reshape(-1).double(), t, e)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return net


@unittest.skipUnless(HAVE_NODE, "node/npx or the workspace node_modules are absent: export equality not checked")
class ExportContractTest(unittest.TestCase):
    def export_and_check(self, name, crop, **kwargs):
        net = trained_a_little(name, crop, **kwargs)
        manifest = dict(SHIPPED, cropSize=[crop, crop, crop])
        golden = np.random.default_rng(5).random((2, 2, crop, crop, crop), dtype=np.float32)
        with tempfile.TemporaryDirectory() as tmp:
            path = str(Path(tmp) / f"{name}.onnx")
            _, risk = export_model(net, manifest, path, golden, model_name=name)
            # PyTorch with batch norm (eval) and the folded copy agree before export too
            with torch.no_grad():
                net.eval()
                unfolded = net(torch.from_numpy(golden))[1].numpy()
            self.assertLessEqual(float(np.abs(unfolded - risk).max()), 1e-5)
            report = check_contract(path)
        self.assertEqual(report["violations"], [])
        self.assertLessEqual(report["goldenMaxDifference"], 1e-5)
        print(f"\n{name}: onnxruntime vs PyTorch, max scaled difference {report['goldenMaxDifference']:.2e}")

    def test_tace_cnn_meets_the_contract(self):
        self.export_and_check("tace-cnn", 32)

    def test_resnet3d_10_meets_the_contract(self):
        self.export_and_check("resnet3d-10", 16, width=32)


if __name__ == "__main__":
    unittest.main()
