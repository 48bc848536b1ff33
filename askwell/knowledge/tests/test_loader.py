"""`loadcontent` is idempotent, follows edits, unpublishes removals and never half-loads."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from askwell.knowledge.loader import load_content
from askwell.knowledge.models import Article, Pack, Status, Topic
from askwell.knowledge.packfiles import PackError
from askwell.knowledge.signals import topics_changed
from askwell.knowledge.tests.helpers import edit, tiny_content

pytestmark = pytest.mark.django_db


def test_it_loads_topics_with_rendered_bodies_and_sources(tmp_path: Path) -> None:
    report = load_content(tiny_content(tmp_path))
    assert sorted(report.created) == ["faq/tiny-question", "tiny/alpha", "tiny/beta"]
    alpha = Topic.objects.get(slug="tiny/alpha")
    assert alpha.status == Status.PUBLISHED
    assert '<a href="/tiny-pack/second/#tiny-beta">the beta topic</a>' in alpha.body_html
    assert '<sup class="cite"><a href="#source-src-one"' in alpha.body_html
    assert "<table>" in alpha.body_html
    assert "[^" not in alpha.body_text
    assert list(alpha.sources.values_list("key", flat=True)) == ["src-one"]


def test_it_changes_nothing_when_run_twice(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    load_content(content)
    before = {t.slug: (t.pk, t.body_html) for t in Topic.objects.filter(slug__startswith="tiny/")}
    updated_at = Article.objects.get(slug="second", pack__slug="tiny-pack").updated_at
    report = load_content(content)
    assert not report.changed
    assert report.unchanged == 3
    after = {t.slug: (t.pk, t.body_html) for t in Topic.objects.filter(slug__startswith="tiny/")}
    assert after == before
    assert Article.objects.get(slug="second", pack__slug="tiny-pack").updated_at == updated_at


def test_an_edited_file_updates_its_topic(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    load_content(content)
    edit(content / "tiny-pack" / "second.yaml", "Beta comes second.", "Beta now comes later.")
    report = load_content(content)
    assert report.updated == ["tiny/beta"]
    assert "Beta now comes later." in Topic.objects.get(slug="tiny/beta").body_text


def test_a_removed_topic_is_unpublished_not_deleted(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    load_content(content)
    (content / "tiny-pack" / "second.yaml").unlink()
    edit(content / "tiny-pack" / "index.yaml", " See [the beta topic](topic:tiny/beta).", "")
    report = load_content(content)
    assert report.unpublished == ["tiny/beta"]
    beta = Topic.objects.get(slug="tiny/beta")
    assert beta.status == Status.UNPUBLISHED
    assert not Topic.objects.published().filter(slug="tiny/beta").exists()
    assert Article.objects.get(slug="second", pack__slug="tiny-pack").status == Status.UNPUBLISHED


def test_a_restored_topic_is_published_again(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    load_content(content)
    saved = (content / "tiny-pack" / "second.yaml").read_text()
    (content / "tiny-pack" / "second.yaml").unlink()
    edit(content / "tiny-pack" / "index.yaml", " See [the beta topic](topic:tiny/beta).", "")
    load_content(content)
    (content / "tiny-pack" / "second.yaml").write_text(saved)
    load_content(content)
    assert Topic.objects.published().filter(slug="tiny/beta").exists()


def test_a_malformed_pack_leaves_loaded_content_untouched(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    load_content(content)
    edit(content / "tiny-pack" / "second.yaml", "Beta comes second.", "Changed text.")
    edit(content / "tiny-pack" / "index.yaml", "[src-one]", "[src-missing]")
    out = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("loadcontent", content_dir=content, stdout=out)
    assert "nothing already loaded was changed" in str(caught.value)
    assert "content/tiny-pack/index.yaml:" in str(caught.value)
    assert "Beta comes second." in Topic.objects.get(slug="tiny/beta").body_text


def test_it_announces_changed_topics_on_commit(tmp_path: Path, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    received: list[dict[str, object]] = []

    def listener(sender: object, **kwargs: object) -> None:
        received.append(kwargs)

    topics_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            load_content(tiny_content(tmp_path))
    finally:
        topics_changed.disconnect(listener)
    assert received and sorted(received[0]["changed"]) == ["faq/tiny-question", "tiny/alpha", "tiny/beta"]  # type: ignore[arg-type]


def test_the_command_prints_a_summary(tmp_path: Path) -> None:
    out = StringIO()
    call_command("loadcontent", content_dir=tiny_content(tmp_path), stdout=out)
    assert "3 topic(s) created" in out.getvalue()


def test_a_pack_must_say_which_subjects_it_covers(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    edit(content / "tiny-pack" / "pack.yaml", "covers: [cramp, widget]\n", "")
    with pytest.raises(PackError) as raised:
        load_content(content)
    assert "missing 'covers'" in str(raised.value)


def test_a_packs_subjects_are_stored_for_the_scope_of_instant_answers(tmp_path: Path) -> None:
    load_content(tiny_content(tmp_path))
    assert Pack.objects.get(slug="tiny-pack").covers == ["cramp", "widget"]


def test_topics_take_their_articles_question_types_unless_they_name_their_own(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    article = next(p for p in (content / "tiny-pack").glob("*.yaml") if p.name != "pack.yaml")
    article.write_text(article.read_text().replace("\ntopics:", "\nanswers: [cause]\ntopics:", 1))
    load_content(content)
    topics = Topic.objects.filter(article__pack__slug="tiny-pack", article__slug=yaml_slug(article))
    assert topics.exists()
    assert all(topic.answers == ["cause"] for topic in topics)


def test_an_unknown_question_type_is_refused(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    article = next(p for p in (content / "tiny-pack").glob("*.yaml") if p.name != "pack.yaml")
    article.write_text(article.read_text().replace("\ntopics:", "\nanswers: [gossip]\ntopics:", 1))
    with pytest.raises(PackError) as raised:
        load_content(content)
    assert "unknown question types" in str(raised.value)


def yaml_slug(path: Path) -> str:
    import yaml

    return str(yaml.safe_load(path.read_text())["slug"])


def test_whom_a_topic_is_written_for_is_stored(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    alpha = "  - slug: tiny/alpha\n"
    edit(content / "tiny-pack" / "index.yaml", alpha, alpha + "    for_whom: [pregnancy]\n")
    load_content(content)
    assert Topic.objects.get(slug="tiny/alpha").for_whom == ["pregnancy"]
    assert Topic.objects.get(slug="tiny/beta").for_whom == []


def test_someone_the_reader_cannot_tell_is_refused_as_whom_a_topic_is_for(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    alpha = "  - slug: tiny/alpha\n"
    edit(content / "tiny-pack" / "index.yaml", alpha, alpha + "    for_whom: [teenager]\n")
    with pytest.raises(PackError) as raised:
        load_content(content)
    assert "unknown people" in str(raised.value)
