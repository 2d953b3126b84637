import json

from rashomon import samples
from tests.conftest import PAGES


def test_cli_ingest_reports_and_exit_status_says_something_failed(cli, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("Stoltenberg said NATO never promised not to expand eastwards.")
    (tmp_path / "in" / "empty.txt").write_text(" \n")
    result = cli("ingest", str(tmp_path / "in"))
    assert result.exit_code == 1
    assert "1 added, 0 revised, 0 already stored, 0 linked as copies, 1 rejected" in result.stdout
    assert "empty: no text, only whitespace" in result.stdout

    listed = cli("rejections", "--json")
    assert listed.exit_code == 0
    assert [(r["input"], r["stage"], r["reason"], r["times"]) for r in json.loads(listed.stdout)] == [
        (str(tmp_path / "in" / "empty.txt"), "ingest", "empty: no text, only whitespace", 1)]


def test_cli_ingest_json_and_rerun_adds_nothing(cli):
    seeds = [str(path) for path in samples.seed_paths()]
    first = cli("ingest", *seeds, "--json")
    assert first.exit_code == 0 and json.loads(first.stdout)["added"] == 5
    second = json.loads(cli("ingest", *seeds, "--json").stdout)
    assert (second["added"], second["unchanged"]) == (0, 5)


def test_cli_articles_filters(cli):
    cli("ingest", *[str(path) for path in samples.seed_paths()], str(PAGES / "stoltenberg.html"))
    everything = json.loads(cli("articles", "--json").stdout)
    assert len(everything) == 6
    december = json.loads(cli("articles", "--since", "2021-12-02", "--until", "2021-12-31", "--json").stdout)
    # 002's dateline "December 24 –" counts since issue 25
    assert sorted(a["published"] for a in december) == ["2021-12-23", "2021-12-23", "2021-12-23", "2021-12-24"]
    wire = json.loads(cli("articles", "--outlet", "example wire", "--json").stdout)
    assert [a["title"] for a in wire] == ["Stoltenberg says NATO never promised not to expand"]
    assert len(json.loads(cli("articles", "--language", "en", "--json").stdout)) == 6
    assert json.loads(cli("articles", "--language", "ru", "--json").stdout) == []
    table = cli("articles")
    assert "6 articles" in table.stdout and "Stoltenberg says NATO never promised" in table.stdout


def test_cli_bad_date_option_is_explained(cli):
    result = cli("articles", "--since", "23/12/2021")
    assert result.exit_code == 1
    assert result.stderr == "Error: --since '23/12/2021': expected a date as YYYY-MM-DD\n"


def test_cli_show_by_prefix_and_unknown_id(cli):
    cli("ingest", str(PAGES / "stoltenberg.html"))
    (article,) = json.loads(cli("articles", "--json").stdout)
    shown = cli("show", article["id"][:6])
    assert shown.exit_code == 0
    assert "Example Wire" in shown.stdout and "Washington Treaty" in shown.stdout
    as_json = json.loads(cli("show", article["id"], "--json").stdout)
    assert as_json["revision"] == 1 and as_json["copies"] == []
    missing = cli("show", "ffffffff")
    assert missing.exit_code == 1 and missing.stderr == "Error: no article with id or URL 'ffffffff'\n"


def test_cli_show_escapes_markup_in_article_text(cli, tmp_path):
    (tmp_path / "markup.txt").write_text("[bold red]Not markup[/bold red] and [link=http://x]x[/link] stay literal.")
    cli("ingest", str(tmp_path / "markup.txt"))
    (article,) = json.loads(cli("articles", "--json").stdout)
    assert "[bold red]Not markup[/bold red]" in cli("show", article["id"]).stdout


def test_cli_export_jsonl_reads_back_without_duplicates(cli, tmp_path):
    cli("ingest", *[str(path) for path in samples.seed_paths()])
    exported = tmp_path / "export.jsonl"
    assert cli("export", "--format", "jsonl", "-o", str(exported)).exit_code == 0
    lines = [json.loads(line) for line in exported.read_text().splitlines()]
    assert len(lines) == 5 and {"id", "outlet", "url", "published", "title", "text"} <= set(lines[0])
    again = json.loads(cli("ingest", str(exported), "--json").stdout)
    assert again["added"] == 0 and again["unchanged"] == 5
    wrong = cli("export", "--format", "xml")
    assert wrong.exit_code == 1 and wrong.stderr == "Error: --format 'xml': not an export format (one of jsonl, csv)\n"


def test_cli_demo_builds_a_fresh_store(cli, tmp_path):
    db = tmp_path / "demo.db"
    for _ in range(2):
        result = cli("demo", "--db", str(db))
        assert result.exit_code == 0
        assert "5 added" in result.stdout and "5 articles" in result.stdout


def test_cli_store_that_is_not_a_database(cli, tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("this is not sqlite")
    result = cli("articles", "--db", str(bogus))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: store {bogus}: not a usable database (file is not a database)")


def test_cli_analyze_entities_and_show_annotations(cli):
    cli("ingest", *[str(path) for path in samples.seed_paths()])
    first = cli("analyze", "--json")
    assert first.exit_code == 0 and json.loads(first.stdout)["annotated"] == 5
    assert json.loads(cli("analyze", "--json").stdout)["annotated"] == 0
    people = {row["name"]: row["articles"] for row in json.loads(cli("entities", "--label", "person", "--json").stdout)}
    assert people["Jens Stoltenberg"] == 5 and people["Vladimir Putin"] == 5
    (article,) = [a for a in json.loads(cli("articles", "--json").stdout) if a["published"] == "2021-12-01"]
    shown = json.loads(cli("show", article["id"], "--json").stdout)["annotations"]
    assert {"text": "several days ago", "value": "PAST_REF"}.items() <= shown["dates"][0].items()
    table = cli("show", article["id"]).stdout
    assert "Dates and what they mean" in table and "Vladimir Putin" in table


def test_cli_eval_dates_on_a_small_gold_file(cli, tmp_path):
    text = "The talks were held on Friday, and will resume next week."
    gold = {"id": "d1", "published": "1998-08-07", "text": text, "timexes": [
        {"start": text.index("Friday"), "end": text.index("Friday") + 6, "type": "DATE", "value": "1998-08-07"},
        {"start": text.index("next week"), "end": text.index("next week") + 9, "type": "DATE", "value": "1998-W33"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    scores = json.loads(cli("eval", "dates", str(path), "--json").stdout)
    assert scores["value"]["f1"] == 1.0 and scores["strict"]["f1"] == 1.0
    missing = cli("eval", "dates", str(tmp_path / "nope.jsonl"))
    assert missing.exit_code == 1 and missing.stderr == f"Error: {tmp_path / 'nope.jsonl'}: no such file\n"


def test_cli_quotes_and_quote_groups(cli):
    cli("ingest", *[str(path) for path in samples.seed_paths()])
    cli("analyze")
    putin = json.loads(cli("quotes", "--speaker", "putin", "--kind", "direct", "--json").stdout)
    assert any("Not a single inch to the East" in q["content"][0]["text"] for q in putin)
    assert all(q["speaker"] == "Vladimir Putin" and q["kind"] == "direct" for q in putin)
    first = putin[0]["content"][0]
    article = json.loads(cli("show", putin[0]["article"], "--json").stdout)
    assert article["text"][first["span"][0]:first["span"][1]] == first["text"]
    groups = json.loads(cli("quote-groups", "--speaker", "stoltenberg", "--json").stdout)
    assert len(groups) == 4 and all(g["articles"] == 2 for g in groups)
    shown = cli("quote-groups").stdout
    assert "We cannot change this with a few quotes" in shown and "[-" in shown and "{+" in shown
    wrong = cli("quotes", "--kind", "verbatim")
    assert wrong.exit_code == 1 and wrong.stderr == "Error: --kind 'verbatim': expected direct, indirect or mixed\n"


def test_cli_quotes_carry_their_confidence_and_filter_on_it(cli):
    cli("ingest", *[str(path) for path in samples.seed_paths()])
    cli("analyze")
    everything = json.loads(cli("quotes", "--json").stdout)
    judged = [q["confidence"] for q in everything if q["source"]]
    assert judged and all(0.3 <= c <= 1 for c in judged)
    assert all(q["confidence"] is None for q in everything if not q["source"])
    cut = sorted(judged)[len(judged) // 2]
    kept = json.loads(cli("quotes", "--min-confidence", str(cut), "--json").stdout)
    assert all(q["confidence"] is None or q["confidence"] >= cut for q in kept)
    assert len(kept) == len(everything) - sum(c < cut for c in judged)
    assert "trust" in cli("quotes").stdout
