"""`rashomon export`: every kind of record as JSONL and CSV, on the analyzed seeds and on a store built by hand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from rashomon import reads, samples
from rashomon.entities import entity_id
from rashomon.ingest.session import ingest
from rashomon.pipeline.runner import analyze
from rashomon.reads.export_formats import FORMULA_STARTS, WRITERS, neutralised
from rashomon.reads.export_schema import KIND_NAMES, SCHEMAS, docs_section
from rashomon.settings import Settings
from rashomon.store import Store
from tests.built import SPEAKER, build

DOCS = Path(__file__).parent.parent / "docs" / "export.md"
KINDS = tuple(SCHEMAS)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> str:
    """The five seed articles, ingested and analyzed once for the module (export only reads)."""
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    settings = Settings.load(environ={}, db=db)
    store = Store.open(db)
    ingest(store, [str(path) for path in samples.seed_paths()], settings)
    analyze(store, settings)
    store.close()
    return db


@pytest.fixture
def seeds(seeds_db):
    store = Store.open(seeds_db)
    yield store
    store.close()


def _export(cli, db: str, kind: str, fmt: str, tmp_path: Path) -> str:
    path = tmp_path / f"{kind}.{fmt}"
    result = cli("export", "--db", db, "--kind", kind, "--format", fmt, "-o", str(path))
    assert (result.exit_code, result.stdout) == (0, "")
    assert not path.with_name(path.name + ".partial").exists()
    return path.read_bytes().decode("utf-8")  # as written: CSV rows end in CR LF


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def _csv(text: str) -> tuple[list[str], list[list[str]]]:
    assert text.startswith("\ufeff")
    header, *rows = csv.reader(io.StringIO(text[1:], newline=""))
    return header, rows


def _cell_holds(cell: str, value) -> bool:
    """A CSV cell read back as the JSONL value it was written from."""
    if value is None:
        return cell == ""
    if isinstance(value, (list, dict)):
        return json.loads(cell) == value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return cell == value or (value.startswith(FORMULA_STARTS) and cell == "'" + value)
    return type(value)(cell) == value


def _members(kind: str, record: dict) -> list[dict]:
    field = SCHEMAS[kind].members
    return record[field] if field else [{}]


@pytest.mark.parametrize("kind", KINDS)
def test_export_every_kind_parses_back_with_exactly_its_fields_in_jsonl_and_csv(cli, seeds, seeds_db, tmp_path,
                                                                               kind):
    schema = SCHEMAS[kind]
    records = _jsonl(_export(cli, seeds_db, kind, "jsonl", tmp_path))
    assert records, f"the analyzed seeds have {kind}"
    for record in records:
        if kind == "articles":  # the metadata's keys are fields of the line, as ingest reads them
            stored = reads.article(seeds, record["id"]).article.metadata
            assert set(record) == set(schema.names()) - {"metadata"} | set(stored)
        else:
            assert set(record) == set(schema.names())
        for member in (record[schema.members] if schema.members else []):
            assert set(member) == set(schema.member_names())
    header, rows = _csv(_export(cli, seeds_db, kind, "csv", tmp_path))
    assert header == list(schema.csv_columns())
    expected = [(record, member) for record in records for member in _members(kind, record)]
    assert len(rows) == len(expected)
    for row, (record, member) in zip(rows, expected, strict=True):
        values = {**{name: record.get(name) for name in schema.names()}, **member}
        if kind == "articles":
            values["metadata"] = {k: v for k, v in record.items() if k not in schema.names()}
        assert all(_cell_holds(cell, values[name]) for cell, name in zip(row, header, strict=True)), row


def test_export_every_span_gives_back_the_words_of_its_article(cli, seeds_db, tmp_path):
    texts = {a["id"]: a["text"] for a in _jsonl(_export(cli, seeds_db, "articles", "jsonl", tmp_path))}
    for quote in _jsonl(_export(cli, seeds_db, "quotes", "jsonl", tmp_path)):
        for role in ("content", "cue", "source"):
            assert " … ".join(texts[quote["article"]][s:e] for s, e in quote[f"{role}_spans"]) == quote[role]
    for entity in _jsonl(_export(cli, seeds_db, "entities", "jsonl", tmp_path)):
        assert all(texts[m["article"]][m["start"]:m["end"]] == m["text"] for m in entity["mentions"])
    for group in _jsonl(_export(cli, seeds_db, "quote-groups", "jsonl", tmp_path)):
        assert all(texts[r["article"]][r["start"]:r["end"]] == r["text"] for r in group["renderings"])
    for story in _jsonl(_export(cli, seeds_db, "stories", "jsonl", tmp_path)):
        assert all((m["start"], m["end"]) == (0, len(texts[m["article"]])) for m in story["members"])


def test_export_quotes_csv_is_one_row_per_attribution_with_its_articles_outlet_and_date(cli, seeds, seeds_db,
                                                                                       tmp_path):
    header, rows = _csv(_export(cli, seeds_db, "quotes", "csv", tmp_path))
    quotes = reads.quotes(seeds)
    assert len(rows) == len(quotes) > 50
    by_column = [dict(zip(header, row, strict=True)) for row in rows]
    assert [(r["article"], int(r["index"])) for r in by_column] == [
        (q.attribution.article_id, q.attribution.index) for q in quotes]
    assert [(r["outlet"], r["published"], r["speaker"]) for r in by_column] == [
        (q.outlet or "", q.published.isoformat() if q.published else "", q.speaker or "") for q in quotes]
    assert _export(cli, seeds_db, "attributions", "csv", tmp_path) == _export(cli, seeds_db, "quotes", "csv", tmp_path)
    on_stdout = cli("export", "--db", seeds_db, "--kind", "quotes", "--format", "csv")
    written = _export(cli, seeds_db, "quotes", "csv", tmp_path)
    assert written.count("\r\n") >= len(rows) + 1
    assert on_stdout.exit_code == 0 and on_stdout.stdout == written.replace("\r\n", "\n")  # (click's reading)


def test_export_quotes_csv_of_a_built_store_holds_outlet_date_and_words(cli, store, settings, tmp_path):
    built = build(store, settings, tmp_path)
    header, rows = _csv(_export(cli, settings.db, "quotes", "csv", tmp_path))
    speaker = entity_id("PERSON", SPEAKER)
    assert [dict(zip(header, row, strict=True)) for row in rows] == [
        {"article": built.first.id, "outlet": "Example Wire", "published": "2021-12-23",
         "title": "NATO never promised", "index": "0", "kind": "indirect", "speaker": "Jens Stoltenberg",
         "speaker_entity": speaker, "source": "Jens Stoltenberg", "cue": "said",
         "content": "NATO never promised not to expand", "confidence": "0.9", "spoken_on": "",
         "content_spans": "[[22, 55]]", "cue_spans": "[[17, 21]]", "source_spans": "[[0, 16]]"},
        {"article": built.second.id, "outlet": "Example Herald", "published": "2021-12-25",
         "title": "Second report", "index": "0", "kind": "indirect", "speaker": "Jens Stoltenberg",
         "speaker_entity": speaker, "source": "Jens Stoltenberg", "cue": "told reporters",
         "content": "NATO has never promised not to expand", "confidence": "0.9", "spoken_on": "",
         "content_spans": "[[37, 74]]", "cue_spans": "[[17, 31]]", "source_spans": "[[0, 16]]"}]


def test_export_csv_neutralises_formulas_in_untrusted_text(cli, store, settings, tmp_path):
    build(store, settings, tmp_path, outlet='=HYPERLINK("http://evil.example","click")', title="+SUM(1,2)",
          speaker="@Ana Lopez")
    header, rows = _csv(_export(cli, settings.db, "quotes", "csv", tmp_path))
    first = dict(zip(header, rows[0], strict=True))
    assert first["outlet"] == '\'=HYPERLINK("http://evil.example","click")'
    assert (first["title"], first["speaker"], first["source"]) == ("'+SUM(1,2)", "'@Ana Lopez", "'@Ana Lopez")
    header, rows = _csv(_export(cli, settings.db, "articles", "csv", tmp_path))
    assert dict(zip(header, rows[0], strict=True))["text"].startswith("'@Ana Lopez said NATO")
    assert not any(cell.startswith(FORMULA_STARTS) for row in rows for cell in row)
    (line, _) = _jsonl(_export(cli, settings.db, "quotes", "jsonl", tmp_path))
    assert (line["outlet"], line["title"]) == ('=HYPERLINK("http://evil.example","click")', "+SUM(1,2)")


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_export_a_cell_starting_like_a_formula_gets_an_apostrophe(text):
    assert neutralised(text) == "'" + text


def test_export_other_cells_are_left_as_they_are():
    assert [neutralised(text) for text in ("NATO", " =1", "'quoted", "1-2", "")] == [
        "NATO", " =1", "'quoted", "1-2", ""]


def test_export_articles_jsonl_ingested_again_adds_nothing_and_elsewhere_keeps_the_ids(cli, seeds_db, tmp_path):
    exported = tmp_path / "all.jsonl"
    assert cli("export", "--db", seeds_db, "--format", "jsonl", "-o", str(exported)).exit_code == 0
    again = json.loads(cli("ingest", str(exported), "--db", seeds_db, "--json").stdout)
    assert (again["added"], again["unchanged"]) == (0, 5)
    elsewhere = str(tmp_path / "elsewhere.db")
    assert json.loads(cli("ingest", str(exported), "--db", elsewhere, "--json").stdout)["added"] == 5
    records = _jsonl(exported.read_text(encoding="utf-8"))
    copy = Store.open(elsewhere)
    copied = {a.id: a.text for a in reads.articles(copy).articles}
    copy.close()
    assert copied == {record["id"]: record["text"] for record in records}


def test_export_articles_to_stdout_by_default(cli, seeds, seeds_db):
    result = cli("export", "--db", seeds_db)
    assert result.exit_code == 0
    assert [record["text"] for record in _jsonl(result.stdout)] == [a.text for a in reads.articles(seeds).articles]


def test_export_quote_groups_are_those_quote_groups_shows_with_its_changes(cli, seeds, seeds_db, tmp_path):
    exported = _jsonl(_export(cli, seeds_db, "quote-groups", "jsonl", tmp_path))
    shown = reads.as_json(reads.quote_groups(seeds))
    assert len(exported) == len(shown) > 0
    assert [(g["group"], g["speaker"], g["articles"]) for g in exported] == [
        (g["id"], g["speaker"], g["articles"]) for g in shown]
    assert [[(r["article"], r["start"], r["end"], r["text"], r["changes"]) for r in g["renderings"]]
            for g in exported] == [[(r["article"], r["span"][0], r["span"][1], r["text"], r["changes"])
                                    for r in g["renderings"]] for g in shown]


def test_export_events_and_stories_are_those_the_read_side_lists(cli, seeds, seeds_db, tmp_path):
    stories = _jsonl(_export(cli, seeds_db, "stories", "jsonl", tmp_path))
    assert sorted((s["story"], s["events"], s["articles"], s["outlets"], s["first"], s["last"]) for s in stories) \
        == sorted((s.story, s.events, s.articles, s.outlets, s.first and s.first.isoformat(),
                   s.last and s.last.isoformat()) for s in reads.stories(seeds))
    events = _jsonl(_export(cli, seeds_db, "events", "jsonl", tmp_path))
    listed = {e["event"]: [a["article"] for a in e["articles"]]
              for s in stories for e in reads.story(seeds, s["story"]).as_dict()["events"]}
    assert {e["event"]: [m["article"] for m in e["members"]] for e in events} == listed
    assert sum(e["articles"] for e in events) == sum(s["articles"] for s in stories) == 5
    header, rows = _csv(_export(cli, seeds_db, "stories", "csv", tmp_path))
    assert len(rows) == 5 and header[:6] == ["story", "events", "articles", "outlets", "first", "last"]


def test_export_unknown_kind_or_format_lists_the_valid_ones(cli, seeds_db):
    kind = cli("export", "--db", seeds_db, "--kind", "people")
    assert kind.exit_code == 1 and kind.stderr == (
        "Error: --kind 'people': not a kind of record rashomon exports (one of articles, entities, attributions, "
        "quotes, quote-groups, events, stories)\n")
    fmt = cli("export", "--db", seeds_db, "--format", "xlsx")
    assert fmt.exit_code == 1 and fmt.stderr == "Error: --format 'xlsx': not an export format (one of jsonl, csv)\n"


def test_export_from_a_store_that_does_not_exist_is_an_error_and_writes_nothing(cli, tmp_path):
    missing, output = tmp_path / "missing.db", tmp_path / "out.csv"
    result = cli("export", "--db", str(missing), "--kind", "quotes", "--format", "csv", "-o", str(output))
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: no store at {missing}: nothing has been ingested")
    assert not missing.exists() and not output.exists()


def test_export_to_a_folder_that_does_not_exist_names_the_output(cli, seeds_db, tmp_path):
    output = tmp_path / "nowhere" / "quotes.csv"
    result = cli("export", "--db", seeds_db, "--kind", "quotes", "--format", "csv", "-o", str(output))
    assert result.exit_code == 1
    assert result.stderr == f"Error: --output {output}: cannot be written (No such file or directory)\n"


def test_export_docs_hold_every_kind_and_its_field_table():
    docs = DOCS.read_text(encoding="utf-8")
    assert docs_section() in docs, ("docs/export.md is out of date: paste in "
                                    "rashomon.reads.export_schema.docs_section()")
    assert [line[4:] for line in docs.splitlines() if line.startswith("### ")] == list(SCHEMAS)
    assert all(f"`{kind}`" in docs for kind in KIND_NAMES)


def test_export_csv_columns_are_unique_in_every_kind():
    for schema in SCHEMAS.values():
        assert len(set(schema.csv_columns())) == len(schema.csv_columns()), schema.kind


def test_export_progress_counts_every_record_it_writes(seeds):
    for kind, schema in SCHEMAS.items():
        ticks, stream = [], io.StringIO()
        written = WRITERS["csv"](schema, reads.export_rows(seeds, kind), stream, lambda: ticks.append(1))
        assert written == len(ticks) == reads.export_count(seeds, kind) > 0, kind


def test_export_help_says_the_kinds_and_where_the_output_goes(cli):
    shown = " ".join(cli("export", "--help").stdout.replace("│", " ").split())
    assert "articles, entities, attributions, quotes, quote-groups, events, stories" in shown
    assert "(default: stdout)" in shown
