"""The guided check's questions and the words for every fact value, from data/questions.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_FILE = Path(__file__).resolve().parent / "data" / "questions.yaml"


@dataclass(frozen=True)
class Questions:
    labels: dict[str, dict[str, str]]
    choices: dict[str, list[str]]
    durations: list[dict[str, str]]
    persistence: list[dict[str, str]]
    easing: list[dict[str, str]]
    causes: dict[str, dict[str, str]]
    spasm_types: dict[str, dict[str, str]]

    def label(self, group: str, value: object) -> str:
        """The words for one value; an unknown value is shown readably rather than dropped."""
        text = str(value)
        return self.labels.get(group, {}).get(text, text.replace("_", " ").capitalize())

    def options(self, choice_list: str, label_group: str | None = None) -> list[tuple[str, str]]:
        group = label_group or choice_list
        return [(value, self.label(group, value)) for value in self.choices[choice_list]]


@cache
def questions() -> Questions:
    data: dict[str, Any] = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return Questions(
        labels={group: {str(k): str(v) for k, v in values.items()} for group, values in data["labels"].items()},
        choices={name: [str(v) for v in values] for name, values in data["choices"].items()},
        durations=[{k: str(v) for k, v in row.items()} for row in data["durations"]],
        persistence=[{k: str(v) for k, v in row.items()} for row in data["persistence"]],
        easing=[{k: str(v) for k, v in row.items()} for row in data["easing"]],
        causes={k: {kk: str(vv) for kk, vv in v.items()} for k, v in data["causes"].items()},
        spasm_types={k: {kk: str(vv) for kk, vv in v.items()} for k, v in data["spasm_types"].items()},
    )
