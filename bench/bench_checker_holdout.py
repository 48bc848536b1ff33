"""Held-out benchmark for the spasm checker engine.

Runs every vignette in bench/vignettes_holdout.yaml (written blind to the engine,
from the specification only) through askwell.medical.check.check and reports:
triage exact match, safe rate (at or above the expected level), under-triage
(each case listed), over-triage, top-3 cause hit rate, spasm-type accuracy and
every miss.

    .venv/bin/python bench/bench_checker_holdout.py [--json]
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "askwell.settings")

import yaml  # noqa: E402

LEVELS = ["self_care", "see_doctor", "urgent", "emergency"]  # least to most urgent
RANK = {name: i for i, name in enumerate(LEVELS)}


def load_check():
    try:
        from askwell.medical.check import check
    except Exception:
        # The engine may need Django configured (settings, app registry).
        import django

        django.setup()
        from askwell.medical.check import check
    return check


def pct(n, d):
    return f"{n}/{d} = {100.0 * n / d:.1f}%" if d else "n/a"


def main(argv):
    check = load_check()
    data = yaml.safe_load((ROOT / "bench" / "vignettes_holdout.yaml").read_text())
    cases = data["vignettes"]

    exact = safe = over = 0
    under = []
    cause_scored = cause_hits = 0
    type_ok = 0
    misses = []
    rows = []

    for v in cases:
        out = check(text=v["text"]).to_dict()
        got = (out.get("triage") or {}).get("level")
        exp = v["expected_triage"]
        got_type = out.get("spasm_type")
        got_causes = [c.get("id") for c in (out.get("causes") or [])]
        top3 = got_causes[:3]
        reasons = (out.get("triage") or {}).get("reasons") or []

        problems = []
        if got == exp:
            exact += 1
        g, e = RANK.get(got, -1), RANK[exp]
        if g >= e:
            safe += 1
        if g < e:
            under.append((v, got, reasons))
            problems.append(f"UNDER-triage {got} < {exp}")
        elif g > e:
            over += 1
            problems.append(f"over-triage {got} > {exp}")

        exp_causes = v.get("expected_causes") or []
        hit = None
        if exp_causes:
            cause_scored += 1
            hit = bool(set(exp_causes) & set(top3))
            cause_hits += hit
            if not hit:
                problems.append(f"causes {top3} lack any of {exp_causes}")

        t_ok = got_type == v.get("expected_type")
        type_ok += t_ok
        if not t_ok:
            problems.append(f"type {got_type!r} != {v.get('expected_type')!r}")

        row = {"id": v["id"], "expected": exp, "got": got, "causes_top3": top3,
               "cause_hit": hit, "type": got_type, "type_ok": t_ok, "problems": problems}
        rows.append(row)
        if problems:
            misses.append((v, row))

    n = len(cases)
    if "--json" in argv:
        print(json.dumps({"n": n, "rows": rows}, indent=1))
        return 0

    print(f"Held-out spasm-checker benchmark: {n} vignettes\n")
    print(f"triage exact match     {pct(exact, n)}")
    print(f"safe (>= expected)     {pct(safe, n)}")
    print(f"under-triage           {len(under)}")
    print(f"over-triage            {pct(over, n)}")
    print(f"top-3 cause hit        {pct(cause_hits, cause_scored)}  (cases with expected causes)")
    print(f"spasm-type accuracy    {pct(type_ok, n)}")

    by_level = {}
    for r in rows:
        s = by_level.setdefault(r["expected"], [0, 0])
        s[0] += r["got"] == r["expected"]
        s[1] += 1
    print("\nexact match by expected level:")
    for lvl in reversed(LEVELS):
        if lvl in by_level:
            print(f"  {lvl:<11} {pct(*by_level[lvl])}")

    print(f"\nUNDER-TRIAGED CASES ({len(under)}):")
    for v, got, reasons in under:
        print(f"- {v['id']}: got {got}, expected {v['expected_triage']}")
        print(f"    text: {v['text']}")
        print(f"    rule: {v['rationale']}")
        if reasons:
            print(f"    engine reasons: {reasons}")

    print(f"\nMISSES ({len(misses)} cases with at least one miss):")
    for v, row in misses:
        print(f"- {v['id']}: " + "; ".join(row["problems"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
