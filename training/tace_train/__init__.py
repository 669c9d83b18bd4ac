"""Training recipe for the TACE deep-learning arm (PyTorch + numpy only).

Crops come from ``tace dl crops`` (the library's own preprocessing); the trained network is exported to
ONNX under the model contract that ``checkModelContract`` of @tace/imaging enforces.
"""
