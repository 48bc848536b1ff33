"""Score the symptom checker on bench/vignettes.yaml and time it.

Run from the repository root:  python bench/bench_checker.py [--verbose]

Prints triage exact-match rate, safe rate (at or above the expected level), the
under-triage count, the over-triage rate, the top-3 cause hit rate, spasm-type
accuracy, and per-call latency (p50/p99) of check() and triage_text(), in-process.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import yaml  # noqa: E402

from askwell.medical import check, triage_text  # noqa: E402
from askwell.medical.vocabulary import TRIAGE_LEVELS  # noqa: E402

VIGNETTES = REPO_ROOT / "bench" / "vignettes.yaml"
TIMING_ROUNDS = 20


@dataclass
class Scores:
    total: int = 0
    exact: int = 0
    safe: int = 0
    under: list[str] = field(default_factory=list)
    over: list[str] = field(default_factory=list)
    cause_hits: int = 0
    cause_misses: list[str] = field(default_factory=list)
    type_hits: int = 0
    type_misses: list[str] = field(default_factory=list)

    def rate(self, count: int) -> float:
        return count / self.total if self.total else 0.0


def load_vignettes(path: Path = VIGNETTES) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return list(yaml.safe_load(handle)["vignettes"])


def urgency(level: str) -> int:
    """Higher is more urgent."""
    return len(TRIAGE_LEVELS) - TRIAGE_LEVELS.index(level)


def score(vignettes: list[dict[str, Any]]) -> Scores:
    scores = Scores()
    for case in vignettes:
        result = check(case["text"])
        got, expected = result.triage.level, case["expected_triage"]
        scores.total += 1
        scores.exact += got == expected
        scores.safe += urgency(got) >= urgency(expected)
        if urgency(got) < urgency(expected):
            scores.under.append(f"{case['id']}: expected {expected}, got {got}")
        elif urgency(got) > urgency(expected):
            scores.over.append(f"{case['id']}: expected {expected}, got {got}")
        top3 = [c.id for c in result.causes[:3]]
        if set(top3) & set(case["expected_causes"]):
            scores.cause_hits += 1
        else:
            scores.cause_misses.append(f"{case['id']}: expected {case['expected_causes']}, "
                                       f"got {top3}")
        if result.spasm_type == case["expected_type"]:
            scores.type_hits += 1
        else:
            scores.type_misses.append(f"{case['id']}: expected {case['expected_type']}, "
                                      f"got {result.spasm_type}")
    return scores


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def time_calls(texts: list[str]) -> tuple[list[float], list[float]]:
    for text in texts:  # warm the caches: data files load once per process
        check(text)
    check_ms: list[float] = []
    triage_ms: list[float] = []
    for _ in range(TIMING_ROUNDS):
        for text in texts:
            start = time.perf_counter()
            check(text)
            check_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            triage_text(text)
            triage_ms.append((time.perf_counter() - start) * 1000)
    return check_ms, triage_ms


def main(argv: list[str]) -> int:
    vignettes = load_vignettes()
    scores = score(vignettes)
    check_ms, triage_ms = time_calls([case["text"] for case in vignettes])
    print(f"vignettes:               {scores.total}")
    print(f"triage exact-match rate: {scores.rate(scores.exact):.1%}")
    print(f"safe rate (>= expected): {scores.rate(scores.safe):.1%}")
    print(f"under-triage count:      {len(scores.under)}")
    print(f"over-triage rate:        {scores.rate(len(scores.over)):.1%}")
    print(f"top-3 cause hit rate:    {scores.rate(scores.cause_hits):.1%}")
    print(f"spasm-type accuracy:     {scores.rate(scores.type_hits):.1%}")
    print(f"check() latency:         p50 {percentile(check_ms, 0.5):.3f} ms, "
          f"p99 {percentile(check_ms, 0.99):.3f} ms")
    print(f"triage_text() latency:   p50 {percentile(triage_ms, 0.5):.3f} ms, "
          f"p99 {percentile(triage_ms, 0.99):.3f} ms")
    if "--verbose" in argv or scores.under:
        for title, rows in (("UNDER-TRIAGE", scores.under), ("over-triage", scores.over),
                            ("cause misses", scores.cause_misses),
                            ("type misses", scores.type_misses)):
            if rows:
                print(f"\n{title}:")
                for row in rows:
                    print(f"  {row}")
    return 1 if scores.under else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
