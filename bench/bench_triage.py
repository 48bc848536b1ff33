"""Score triage on any health question: bench/triage_devset.yaml (and the real questions).

Run from the repository root:  python bench/bench_triage.py [--verbose] [--set PATH]

Prints, overall and per kind (emergency, urgent, everyday) and per category with misses:
exact level, under-triage count, over-triage rate, emergencies called emergencies; the
targets of the safety issue; and triage latency (p50/p99 per text, in process). Also
scores the level floors of ../shared/eval/real_questions_dev.yaml (red flags stated by
real people) when that file is present.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import yaml  # noqa: E402

from askwell.medical import triage_text  # noqa: E402
from askwell.medical.vocabulary import TRIAGE_LEVELS  # noqa: E402

DEVSET = REPO_ROOT / "bench" / "triage_devset.yaml"
# Sets written blind by helpers who never saw the rules; each header records its one blind
# run. Printed a line each after the development set, so `make bench` shows all of them.
HELD_OUT = tuple(REPO_ROOT / "bench" / f"triage_blind{n}.yaml" for n in range(2, 34))
REAL_QUESTIONS = REPO_ROOT.parent / "shared" / "eval" / "real_questions_dev.yaml"
TIMING_ROUNDS = 5
TARGETS = {
    "emergencies under-triaged": ("==", 0),
    "under-triage overall": ("<=", 0.01),
    "exact level": (">=", 0.85),
    "everyday over-triaged": ("<=", 0.15),
    "triage p99 ms": ("<=", 2.0),
}


def urgency(level: str) -> int:
    """Higher is more urgent."""
    return len(TRIAGE_LEVELS) - TRIAGE_LEVELS.index(level)


@dataclass
class Tally:
    total: int = 0
    exact: int = 0
    under: list[str] = field(default_factory=list)
    over: list[str] = field(default_factory=list)
    emergencies: int = 0
    emergencies_called: int = 0

    def add(self, expected: str, got: str, line: str) -> None:
        self.total += 1
        self.exact += expected == got
        if urgency(got) < urgency(expected):
            self.under.append(line)
        elif urgency(got) > urgency(expected):
            self.over.append(line)
        if expected == "emergency":
            self.emergencies += 1
            self.emergencies_called += got == "emergency"

    def rate(self, count: int) -> float:
        return count / self.total if self.total else 0.0

    def summary(self) -> str:
        text = (f"n={self.total:4d}  exact {self.rate(self.exact):.3f}  under {len(self.under):3d} "
                f"({self.rate(len(self.under)):.3f})  over {self.rate(len(self.over)):.3f}")
        if self.emergencies:
            text += f"  emergencies called emergency {self.emergencies_called}/{self.emergencies}"
        return text


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return list(yaml.safe_load(handle))


def score(cases: list[dict[str, Any]]) -> tuple[Tally, dict[str, Tally], dict[str, Tally]]:
    overall, by_kind, by_category = Tally(), defaultdict(Tally), defaultdict(Tally)
    for case in cases:
        result = triage_text(case["text"])
        line = (f"{case['level']:>10} -> {result.level:<10} [{case.get('category', '')}] "
                f"{case['text'][:110]!r}  rules={sorted(result.rule_ids)}")
        for tally in (overall, by_kind[case.get("kind", "?")], by_category[case.get("category", "?")]):
            tally.add(case["level"], result.level, line)
    return overall, dict(by_kind), dict(by_category)


def latency(texts: list[str]) -> tuple[float, float]:
    timings = []
    for _ in range(TIMING_ROUNDS):
        for text in texts:
            started = time.perf_counter()
            triage_text(text)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.99) - 1]


def real_question_floors(verbose: bool) -> None:
    if not REAL_QUESTIONS.exists():
        print(f"(no {REAL_QUESTIONS}; real-question floors skipped)")
        return
    cases = load(REAL_QUESTIONS)
    floors = [case for case in cases if case.get("level_floor")]
    under = []
    for case in floors:
        got = triage_text(case["q"]).level
        if urgency(got) < urgency(case["level_floor"]):
            under.append(f"{case['level_floor']:>10} -> {got:<10} {case['q'][:110]!r}")
    print(f"real questions with a stated red flag: {len(floors)}, under-triaged {len(under)}")
    for line in under if verbose else under[:10]:
        print("   ", line)


def check_targets(figures: dict[str, float]) -> list[str]:
    failed = []
    for name, (op, target) in TARGETS.items():
        value = figures[name]
        ok = value == target if op == "==" else value <= target if op == "<=" else value >= target
        print(f"  {'ok  ' if ok else 'MISS'} {name}: {value:.3f} (target {op} {target})")
        if not ok:
            failed.append(name)
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="print every miss, not only under-triage")
    parser.add_argument("--set", type=Path, default=DEVSET, help="the labelled set to score")
    args = parser.parse_args()
    cases = load(args.set)
    overall, by_kind, by_category = score(cases)
    print(f"triage on {args.set.relative_to(REPO_ROOT) if args.set.is_relative_to(REPO_ROOT) else args.set}")
    print(f"  overall    {overall.summary()}")
    for kind in ("emergency", "urgent", "everyday"):
        if kind in by_kind:
            print(f"  {kind:<10} {by_kind[kind].summary()}")
    print("  categories with a miss:")
    for category, tally in sorted(by_category.items()):
        if tally.exact < tally.total:
            print(f"    {category:<28} {tally.summary()}")
    print("  under-triaged:")
    for line in overall.under:
        print("   ", line)
    if args.verbose:
        print("  over-triaged:")
        for line in overall.over:
            print("   ", line)
    p50, p99 = latency([case["text"] for case in cases])
    print(f"  latency per text: p50 {p50:.2f} ms, p99 {p99:.2f} ms (in process, {TIMING_ROUNDS} rounds)")
    everyday = by_kind.get("everyday", Tally())
    figures = {
        "emergencies under-triaged": float(len(by_kind.get("emergency", Tally()).under)),
        "under-triage overall": overall.rate(len(overall.under)),
        "exact level": overall.rate(overall.exact),
        "everyday over-triaged": everyday.rate(len(everyday.over)),
        "triage p99 ms": p99,
    }
    print("  targets:")
    check_targets(figures)
    real_question_floors(args.verbose)
    if args.set == DEVSET:
        print("held-out sets (blind until their first run, recorded in each header):")
        for path in HELD_OUT:
            if path.exists():
                held_overall, held_kinds, _ = score(load(path))
                everyday_over = held_kinds.get("everyday", Tally())
                print(f"  {path.name:<22} {held_overall.summary()}  everyday over "
                      f"{everyday_over.rate(len(everyday_over.over)):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
