"""The pack reader refuses malformed packs with a message naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from askwell.knowledge.packfiles import PackError, read_pack
from askwell.knowledge.tests.helpers import edit, tiny_content


def problems_of(content: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        read_pack(content / "tiny-pack")
    return caught.value.problems


def test_it_reads_a_valid_pack(tmp_path: Path) -> None:
    pack = read_pack(tiny_content(tmp_path) / "tiny-pack")
    assert pack.slug == "tiny-pack"
    assert [t.slug for t in pack.topics()] == ["tiny/alpha", "faq/tiny-question", "tiny/beta"]
    assert pack.content_hash


def test_it_names_file_and_line_for_a_missing_slug(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "second.yaml", "  - slug: tiny/beta\n", "  - \n")
    edit(content / "tiny-pack" / "second.yaml", "    title: Beta topic", "  - title: Beta topic")
    problems = problems_of(content)
    assert any(p.startswith("content/tiny-pack/second.yaml:11:") and "missing 'slug'" in p for p in problems), problems


def test_it_refuses_a_duplicate_slug(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "second.yaml", "slug: tiny/beta", "slug: tiny/alpha")
    problems = problems_of(content)
    assert any("duplicate topic slug 'tiny/alpha'" in p and "index.yaml:" in p for p in problems), problems


def test_it_refuses_a_topic_without_a_source(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "second.yaml", "    sources: [src-one, src-two]\n", "")
    edit(content / "tiny-pack" / "second.yaml", "[^src-two]", "")
    problems = problems_of(content)
    assert any("second.yaml:10:" in p and "has no sources" in p for p in problems), problems


def test_it_refuses_a_source_id_that_is_not_defined(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "second.yaml", "[src-one, src-two]", "[src-one, src-nowhere]")
    problems = problems_of(content)
    assert any("'src-nowhere', which pack.yaml does not define" in p for p in problems), problems


def test_it_refuses_a_citation_missing_from_the_topic_sources(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "index.yaml", "Alpha comes first.[^src-one]", "Alpha comes first.[^src-two]")
    problems = problems_of(content)
    assert any("cites [^src-two] in its body but not in its sources list" in p for p in problems), problems


def test_it_refuses_a_missing_reviewer(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "second.yaml", "reviewed_by: ed\n", "")
    problems = problems_of(content)
    assert any(p.startswith("content/tiny-pack/second.yaml:1:") and "missing 'reviewed_by'" in p for p in problems)


def test_it_refuses_an_unknown_reviewer(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "second.yaml", "reviewed_by: ed", "reviewed_by: nobody")
    assert any("reviewer 'nobody' is not defined" in p for p in problems_of(content))


def test_it_refuses_a_missing_or_malformed_review_date(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "second.yaml", "last_reviewed: 2026-11-01\n", "")
    edit(content / "tiny-pack" / "index.yaml", "next_review: 2027-05-01", "next_review: soon")
    problems = problems_of(content)
    assert any("second.yaml" in p and "missing 'last_reviewed'" in p for p in problems), problems
    assert any("index.yaml" in p and "'next_review' must be a date" in p for p in problems), problems


def test_it_refuses_a_next_review_before_the_last(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "second.yaml", "next_review: 2027-05-01", "next_review: 2025-01-01")
    assert any("next_review must come after last_reviewed" in p for p in problems_of(content))


def test_it_refuses_a_broken_internal_link(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "index.yaml", "(topic:tiny/beta)", "(topic:tiny/gamma)")
    problems = problems_of(content)
    assert any("index.yaml:" in p and "links to topic:tiny/gamma, which does not exist" in p for p in problems)


def test_it_reports_invalid_yaml_with_its_line(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "second.yaml", "title: Second article", "title: [unclosed")
    problems = problems_of(content)
    assert any(p.startswith("content/tiny-pack/second.yaml:") and "invalid YAML" in p for p in problems), problems


def test_it_refuses_a_source_defined_twice(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "pack.yaml", "  - id: src-two", "  - id: src-one")
    edit(content / "tiny-pack" / "second.yaml", "[src-one, src-two]", "[src-one]")
    edit(content / "tiny-pack" / "second.yaml", "[^src-two]", "")
    edit(content / "tiny-pack" / "index.yaml", "[src-two]", "[src-one]")
    edit(content / "tiny-pack" / "index.yaml", "It is.[^src-two]", "It is.")
    assert any("pack.yaml:" in p and "duplicate source id 'src-one'" in p for p in problems_of(content))


def test_it_reads_the_questions_each_topic_answers_from_asks_yaml(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    (content / "tiny-pack" / "asks.yaml").write_text(
        'tiny/alpha:\n  - "how do I   stop alpha"\n  - what is alpha\n', encoding="utf-8")
    pack = read_pack(content / "tiny-pack")
    asks = {topic.slug: topic.asks for topic in pack.topics()}
    assert asks["tiny/alpha"] == ["how do I stop alpha", "what is alpha"]
    assert asks["tiny/beta"] == []


def test_asks_yaml_changes_the_pack_hash(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    before = read_pack(content / "tiny-pack").content_hash
    (content / "tiny-pack" / "asks.yaml").write_text("tiny/alpha: [what is alpha]\n", encoding="utf-8")
    assert read_pack(content / "tiny-pack").content_hash != before


def test_asks_yaml_may_only_name_the_packs_topics(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    (content / "tiny-pack" / "asks.yaml").write_text(
        "tiny/nowhere: [what is it]\ntiny/alpha: what is alpha\n", encoding="utf-8")
    problems = problems_of(content)
    assert any("'tiny/nowhere', which the pack does not have" in p for p in problems)
    assert any("'tiny/alpha' must list questions" in p for p in problems)
