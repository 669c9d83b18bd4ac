"""The networks: the shipped model's family (TACE CNN) and 3D ResNet-10/18.

Both map ``image`` [N, C, D, H, W] to ``(embedding [N, k], risk [N, 1])`` as the model contract wants.
Convolutions may be followed by batch normalisation while training; :func:`fold_batch_norm` folds every
BatchNorm3d into its convolution before export (the contract forbids BatchNormalization nodes).
"""
import torch
from torch import nn


class ConvBN(nn.Module):
    """Conv3d, optionally followed by BatchNorm3d (folded into the convolution by :meth:`fold`)."""

    def __init__(self, cin, cout, kernel, stride=1, padding=0, batch_norm=True):
        super().__init__()
        self.conv = nn.Conv3d(cin, cout, kernel, stride=stride, padding=padding, bias=not batch_norm)
        self.bn = nn.BatchNorm3d(cout) if batch_norm else nn.Identity()

    def forward(self, x):
        return self.bn(self.conv(x))

    def fold(self):
        if isinstance(self.bn, nn.BatchNorm3d):
            self.conv = torch.nn.utils.fusion.fuse_conv_bn_eval(self.conv, self.bn)
            self.bn = nn.Identity()


class TaceCnn(nn.Module):
    """The shipped model's family (``buildTaceCnn`` of @tace/imaging, ``src/deep/networks/tace-cnn.ts``):

    image [N, C, S, S, S] -> Conv3d(C->w1, 3, pad 1) -> ReLU -> MaxPool(2) -> Conv3d(w1->w2, 3, pad 1) -> ReLU
    -> GlobalAveragePool -> Flatten -> embedding [N, w2] -> Linear(w2->1) -> risk [N, 1].

    With ``batch_norm`` a BatchNorm3d follows each convolution while training (folded at export), and
    ``dropout`` is applied to the embedding before the risk head while training.
    """

    def __init__(self, in_channels=2, width1=8, width2=16, batch_norm=True, dropout=0.0):
        super().__init__()
        self.conv1 = ConvBN(in_channels, width1, 3, padding=1, batch_norm=batch_norm)
        self.conv2 = ConvBN(width1, width2, 3, padding=1, batch_norm=batch_norm)
        self.pool = nn.MaxPool3d(2, 2)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(width2, 1)
        self.embedding_size = width2

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = torch.relu(self.conv2(x))
        embedding = torch.flatten(torch.mean(x, dim=(2, 3, 4), keepdim=True), 1)
        return embedding, self.head(self.dropout(embedding))


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride, batch_norm=True):
        super().__init__()
        self.conv1 = ConvBN(cin, cout, 3, stride=stride, padding=1, batch_norm=batch_norm)
        self.conv2 = ConvBN(cout, cout, 3, padding=1, batch_norm=batch_norm)
        self.shortcut = (
            ConvBN(cin, cout, 1, stride=stride, batch_norm=batch_norm) if stride != 1 or cin != cout else None
        )

    def forward(self, x):
        out = self.conv2(torch.relu(self.conv1(x)))
        return torch.relu(out + (x if self.shortcut is None else self.shortcut(x)))


class ResNet3d(nn.Module):
    """3D ResNet in torchvision's ``r3d_18`` layout (stem 3x7x7 stride (1, 2, 2), four stages of basic blocks,
    widths w/8, w/4, w/2, w), as ``buildResNet3d18`` of @tace/imaging; ``depth`` 10 (one block per stage) or
    18 (two). ``width`` 512 is torchvision's; 64 or 128 suit a few hundred patients."""

    def __init__(self, in_channels=2, depth=18, width=128, batch_norm=True, dropout=0.0):
        super().__init__()
        if depth not in (10, 18):
            raise ValueError(f"depth must be 10 or 18, not {depth}")
        blocks = 1 if depth == 10 else 2
        stem = width // 8
        self.stem = ConvBN(in_channels, stem, (3, 7, 7), stride=(1, 2, 2), padding=(1, 3, 3), batch_norm=batch_norm)
        layers, cin = [], stem
        for stage in range(4):
            cout = stem << stage
            for block in range(blocks):
                layers.append(BasicBlock(cin, cout, 2 if stage > 0 and block == 0 else 1, batch_norm))
                cin = cout
        self.layers = nn.Sequential(*layers)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(cin, 1)
        self.embedding_size = cin

    def forward(self, x):
        x = self.layers(torch.relu(self.stem(x)))
        embedding = torch.flatten(torch.mean(x, dim=(2, 3, 4), keepdim=True), 1)
        return embedding, self.head(self.dropout(embedding))


def build_network(name, in_channels, **kwargs):
    """``'tace-cnn'``, ``'resnet3d-10'`` or ``'resnet3d-18'``."""
    if name == "tace-cnn":
        return TaceCnn(in_channels, **kwargs)
    if name in ("resnet3d-10", "resnet3d-18"):
        return ResNet3d(in_channels, depth=int(name.split("-")[1]), **kwargs)
    raise ValueError(f"unknown network {name!r} (tace-cnn, resnet3d-10, resnet3d-18)")


def fold_batch_norm(model):
    """Folds every BatchNorm3d into its convolution (eval statistics), in place; returns the model."""
    model.eval()
    for module in model.modules():
        if isinstance(module, ConvBN):
            module.fold()
    return model
