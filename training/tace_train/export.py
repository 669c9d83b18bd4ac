"""Export to the model contract of @tace/imaging (``checkModelContract``):

* one float32 input ``image`` [N, C, D, H, W] with a dynamic batch axis, the manifest's sample shape;
* outputs ``embedding`` [N, k] and ``risk`` [N, 1];
* opset 17 (the highest PyTorch 1.13 writes), batch norm folded into the convolutions;
* ``<stem>.preprocessing.json``: the manifest of the crops the network was trained on (renamed);
* the golden pair ``<stem>.golden-{input,embedding,risk}.npy``: PyTorch's float32 outputs on real crops,
  which onnxruntime must reproduce within 1e-5.
"""
import copy
import json

import numpy as np
import torch

from .networks import fold_batch_norm

OPSET = 17


def export_model(model, manifest, path, golden_input, model_name="tace-cnn-trained"):
    """Folds batch norm on a copy of ``model``, writes ``path`` (.onnx), its manifest and the golden pair;
    returns PyTorch's outputs on ``golden_input`` (float32 numpy [n, C, D, H, W])."""
    if not path.endswith(".onnx"):
        raise ValueError(f"{path} must end in .onnx")
    stem = path[: -len(".onnx")]
    net = fold_batch_norm(copy.deepcopy(model).cpu().float())
    golden_input = np.ascontiguousarray(golden_input, dtype=np.float32)
    example = torch.from_numpy(golden_input)
    with torch.no_grad():
        torch.onnx.export(
            net,
            example,
            path,
            input_names=["image"],
            output_names=["embedding", "risk"],
            dynamic_axes={"image": {0: "N"}, "embedding": {0: "N"}, "risk": {0: "N"}},
            opset_version=OPSET,
            do_constant_folding=True,
        )
        embedding, risk = net(example)
    out = dict(manifest)
    out.update({"model": model_name, "input": "image", "outputs": {"embedding": "embedding", "risk": "risk"}})
    with open(f"{stem}.preprocessing.json", "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    np.save(f"{stem}.golden-input.npy", golden_input)
    np.save(f"{stem}.golden-embedding.npy", embedding.numpy().astype(np.float32))
    np.save(f"{stem}.golden-risk.npy", risk.numpy().astype(np.float32).reshape(-1, 1))
    return embedding.numpy(), risk.numpy()
