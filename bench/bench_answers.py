"""Instant answers on the dev set: the engine against a plain BM25 baseline, and latency.

    .venv/bin/python bench/bench_answers.py [--devset bench/answers_devset.yaml] [--show-misses]

Uses a temporary SQLite database (or the DATABASE_URL one), loads the knowledge packs and
indexes them through the same signal the site uses. Prints Recall@1, Recall@3 and MRR@10
for both, how often the engine is (rightly) not confident, and latency p50/p99 per query.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
# Written blind, after the dev set; printed as a summary to show how far the dev-set figures carry.
REAL_QUESTIONS = REPO.parent / "shared" / "eval" / "real_questions_dev.yaml"
EXTRA_SETS = ("answers_holdout.yaml", "answers_blind2.yaml")
sys.path.insert(0, str(REPO))


def setup_django() -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ["ASKWELL_DATA_DIR"] = tempfile.mkdtemp(prefix="askwell-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "askwell.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0, skip_checks=True)
    call_command("loadcontent", verbosity=0, skip_checks=True)
    from askwell.answers.sync import index_topics

    index_topics()


def metrics(rankings: list[list[str]], labels: list[list[str]]) -> dict[str, float]:
    r1 = r3 = mrr = 0.0
    for ranked, wanted in zip(rankings, labels, strict=True):
        for position, key in enumerate(ranked[:10], start=1):
            if key in wanted:
                r1 += position == 1
                r3 += position <= 3
                mrr += 1.0 / position
                break
    n = max(1, len(labels))
    return {"Recall@1": r1 / n, "Recall@3": r3 / n, "MRR@10": mrr / n}


def baseline_ranker() -> Any:
    """Plain BM25 over one field (title, keywords, summary, body): no lexicon, no spelling."""
    from askwell.answers.ranking import CorpusStats, Document, QueryPlan, QueryTerm, content_stems, score
    from askwell.knowledge.models import Topic

    documents = [
        Document(id=t.pk, key=t.slug, kind="topic", title="", synonyms="", url="", source="knowledge",
                 body="\n".join([t.title, " ".join(t.keywords), t.summary, t.body_text]))
        for t in Topic.objects.published()
    ]
    stats = CorpusStats.of(documents)

    def rank(query: str) -> list[str]:
        terms = [QueryTerm(s, s, 1.0, i) for i, s in enumerate(content_stems(query))]
        plan = QueryPlan(text=query, truncated=False, terms=terms, corrected_query=None, groups=len(terms))
        scored = [(score(plan, d, stats), d.key) for d in documents]
        return [key for value, key in sorted(scored, key=lambda p: (-p[0], p[1])) if value > 0]

    return rank


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def evaluate(path: Path, rank: Any) -> dict[str, Any]:
    """Run one question set through the engine and the baseline ranker `rank`."""
    import yaml

    return evaluate_set(yaml.safe_load(path.read_text(encoding="utf-8")), rank)


def real_questions(path: Path) -> dict[str, Any]:
    """../shared/eval/real_questions_dev.yaml in the project's set format (ok: [] is off-topic)."""
    import yaml

    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        "questions": [{"q": item["q"], "answers": item["ok"], "src": item.get("src", "?")}
                      for item in items if item["ok"]],
        "off_topic": [item["q"] for item in items if not item["ok"]],
        "floors": [(item["q"], item["level_floor"]) for item in items if item.get("level_floor")],
    }


def evaluate_set(devset: dict[str, Any], rank: Any) -> dict[str, Any]:
    from askwell.answers.search import answer

    questions = [item["q"] for item in devset["questions"]]
    labels = [list(item["answers"]) for item in devset["questions"]]
    off_topic = list(devset.get("off_topic", []))
    engine_rankings: list[list[str]] = []
    confident: list[bool] = []
    latencies: list[float] = []
    for question in questions:
        started = time.perf_counter()
        result = answer(question, limit=10)
        latencies.append((time.perf_counter() - started) * 1000)
        engine_rankings.append([a["topic"] for a in result["answers"]])
        confident.append(bool(result["confident"]))
    off_confident = []
    for question in off_topic:
        started = time.perf_counter()
        off_confident.append(bool(answer(question)["confident"]))
        latencies.append((time.perf_counter() - started) * 1000)
    baseline_rankings = [rank(question) for question in questions]
    pairs = zip(engine_rankings, labels, strict=True)
    right_top = [bool(ranked[:1]) and ranked[0] in wanted for ranked, wanted in pairs]
    right_confident = sum(c and r for c, r in zip(confident, right_top, strict=True))
    return {
        "questions": questions, "labels": labels, "off_topic": off_topic, "rankings": engine_rankings,
        "engine": metrics(engine_rankings, labels), "baseline": metrics(baseline_rankings, labels),
        "confident": confident, "off_confident": off_confident, "right_confident": right_confident,
        "latencies": latencies,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devset", default=str(REPO / "bench" / "answers_devset.yaml"))
    parser.add_argument("--also", nargs="*", default=[str(REPO / "bench" / name) for name in EXTRA_SETS],
                        help="further question sets to summarise (default: the held-out and blind sets)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    setup_django()
    from askwell.answers.search import answer

    answer("warm-up query")  # builds the in-process state once, as a running server has
    rank = baseline_ranker()  # built once: it reads every topic
    result = evaluate(Path(args.devset), rank)
    engine, baseline = result["engine"], result["baseline"]
    confident, off_confident, latencies = result["confident"], result["off_confident"], result["latencies"]

    print(f"dev set: {len(result['questions'])} answerable questions, {len(result['off_topic'])} off-topic")
    print(f"{'':14}{'engine':>10}{'BM25 baseline':>16}")
    for name in ("Recall@1", "Recall@3", "MRR@10"):
        print(f"{name:14}{engine[name]:>10.3f}{baseline[name]:>16.3f}")
    print(f"confident on answerable: {sum(confident)}/{len(confident)}"
          f" (of which top answer right: {result['right_confident']})")
    print(f"confident on off-topic:  {sum(off_confident)}/{len(off_confident)} (lower is better)")
    all_confident = sum(confident) + sum(off_confident)
    print(f"confident answers: coverage {sum(confident) / max(1, len(confident)):.3f} of answerable, "
          f"precision {result['right_confident'] / max(1, all_confident):.3f} (right top answer among all confident, "
          f"off-topic included)")
    print(f"latency per query (in process, incl. triage): p50 {statistics.median(latencies):.2f} ms, "
          f"p99 {percentile(latencies, 0.99):.2f} ms, max {max(latencies):.2f} ms")
    if args.show_misses:
        for question, ranked, wanted in zip(result["questions"], result["rankings"], result["labels"], strict=True):
            if not ranked or ranked[0] not in wanted:
                print(f"  miss: {question!r}: got {ranked[:3]}, wanted {wanted}")
        for question, flag in zip(result["off_topic"], off_confident, strict=True):
            if flag:
                print(f"  confident off-topic: {question!r}")

    print_real_questions(rank)

    extra = [Path(name) for name in args.also if Path(name).exists()]
    if extra:
        print()
        print("generalisation: sets written without seeing the engine (see each file's header for its history)")
        print(f"{'set':24}{'n':>5}{'R@1':>7}{'R@3':>7}{'MRR':>7}  {'BM25 R@1':>8}{'R@3':>7}{'MRR':>7}"
              f"{'conf. cov':>10}{'prec.':>7}")
        for path in extra:
            other = evaluate(path, rank)
            e, b = other["engine"], other["baseline"]
            every_confident = sum(other["confident"]) + sum(other["off_confident"])
            print(f"{path.stem:24}{len(other['questions']):>5}{e['Recall@1']:>7.3f}{e['Recall@3']:>7.3f}"
                  f"{e['MRR@10']:>7.3f}  {b['Recall@1']:>8.3f}{b['Recall@3']:>7.3f}{b['MRR@10']:>7.3f}"
                  f"{sum(other['confident']) / max(1, len(other['confident'])):>10.3f}"
                  f"{other['right_confident'] / max(1, every_confident):>7.3f}")


def print_real_questions(rank: Any) -> None:
    """The real consumer questions nobody on the project wrote (development half)."""
    from askwell.answers.search import answer
    from askwell.medical.vocabulary import TRIAGE_LEVELS

    if not REAL_QUESTIONS.exists():
        print(f"(no {REAL_QUESTIONS}: real questions skipped)")
        return
    data = real_questions(REAL_QUESTIONS)
    result = evaluate_set(data, rank)
    e, b = result["engine"], result["baseline"]
    every_confident = sum(result["confident"]) + sum(result["off_confident"])
    under = [q for q, floor in data["floors"]
             if TRIAGE_LEVELS.index(answer(q)["triage"]["level"]) > TRIAGE_LEVELS.index(floor)]
    print()
    print(f"real questions (development half, {REAL_QUESTIONS.name}): {len(result['questions'])} answerable, "
          f"{len(result['off_topic'])} out of scope, {len(data['floors'])} with a stated red flag")
    print(f"{'':14}{'engine':>10}{'BM25 baseline':>16}")
    for name in ("Recall@1", "Recall@3", "MRR@10"):
        print(f"{name:14}{e[name]:>10.3f}{b[name]:>16.3f}")
    print(f"confident answers: coverage {sum(result['confident']) / max(1, len(result['confident'])):.3f}, "
          f"precision {result['right_confident'] / max(1, every_confident):.3f}; "
          f"out of scope answered confidently: {sum(result['off_confident'])}; red flags under-triaged: {len(under)}")
    by_source: dict[str, list[int]] = {}
    for item, ranked in zip(data["questions"], result["rankings"], strict=True):
        tally = by_source.setdefault(item["src"], [0, 0])
        tally[0] += 1
        tally[1] += bool(ranked[:1]) and ranked[0] in item["answers"]
    print("  R@1 per source: " + ", ".join(f"{src} {right}/{n}" for src, (n, right) in sorted(by_source.items())))


if __name__ == "__main__":
    main()
