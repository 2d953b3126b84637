"""Quote groups as a reader sees them (issue 25): indirect speech is not put in quotation marks, and
"changes: speaker" is flagged only when both speakers are known and differ."""

from __future__ import annotations

import io

import sqlalchemy as sa
from rich.console import Console

from rashomon import reads
from rashomon.align.differences import Rendering, differences
from rashomon.cli.render import quotes as render_quotes
from rashomon.store import schema
from tests.built import SPEAKER, build

SAID = "NATO never promised not to expand"


def _rendering(speaker: str | None) -> Rendering:
    return Rendering("a1", None, None, speaker, SAID, 0, len(SAID), frozenset())


def _drawn(groups) -> str:
    console = Console(width=80, file=io.StringIO(), highlight=False, color_system=None)
    render_quotes.quote_groups(console, groups)
    return console.file.getvalue()


def test_quote_groups_speaker_changes_only_when_both_are_known_and_differ():
    first = _rendering("A")
    assert differences(first, _rendering("B"), "A") == ["speaker"]
    assert differences(first, _rendering(None), "A") == []
    assert differences(first, _rendering("B"), None) == []
    assert differences(first, _rendering("A"), "A") == []


def test_quote_groups_headed_unknown_speaker_is_not_flagged_speaker(store, settings, tmp_path):
    built = build(store, settings, tmp_path)
    with store.transaction() as connection:
        connection.execute(sa.update(schema.quote_groups).values(speaker_entity_id=None))
    (group,) = reads.quote_groups(store)
    assert group.speaker is None and [r.speaker for r in group.renderings] == [SPEAKER, SPEAKER]
    assert group.flags == ((), ())
    drawn = _drawn([group])
    assert drawn.startswith("unknown speaker: 2 renderings\n") and "changes" not in drawn
    assert built.group == group.id


def test_quote_groups_indirect_renderings_are_labelled_not_quoted(store, settings, tmp_path):
    build(store, settings, tmp_path)  # both attributions indirect, no quotation marks in either text
    (group,) = reads.quote_groups(store)
    assert [r.kind for r in group.renderings] == ["indirect", "indirect"]
    assert group.as_dict()["renderings"][0]["kind"] == "indirect"
    drawn = " ".join(_drawn([group]).split())
    assert f"indirect: {SAID}" in drawn and "“" not in drawn and "”" not in drawn


def test_quote_groups_direct_renderings_are_quoted(seeded):
    groups = reads.quote_groups(seeded)
    direct = [(g, r) for g in groups for r in g.renderings if r.kind == "direct"]
    assert direct
    for _, rendering in direct:
        quotations = reads.article(seeded, rendering.article_id).annotations["quotations"]
        assert any(start <= rendering.start and rendering.end <= end for start, end in quotations)
    drawn = " ".join(_drawn(groups).split())
    for _, rendering in direct:
        assert f"“{rendering.text.split()[0]}" in drawn
    for group, rendering in ((g, r) for g in groups for r in g.renderings if r.kind != "direct"):
        assert f"{rendering.kind}: {rendering.text.split()[0]}" in drawn
