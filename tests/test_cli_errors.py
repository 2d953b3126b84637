"""Errors that name what is wrong: a store that is not there, an unknown label, an ambiguous id prefix, a URL
scheme rashomon does not fetch. Each was a silent or misleading answer before."""

import json

from tests.conftest import PAGES


def test_cli_errors_a_read_command_never_creates_a_store(cli, tmp_path):
    missing = tmp_path / "typo" / "stroe.db"
    for command in (("stories",), ("articles",), ("quotes",), ("entities",), ("why", "abc")):
        result = cli(*command, "--db", str(missing))
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: no store at {missing}: nothing has been ingested there")
    assert not missing.exists() and not missing.parent.exists()
    assert "$RASHOMON_DB" in cli("stories", "--help").stdout


def test_cli_errors_an_unknown_label_lists_the_valid_ones_and_gpe_reads_as_place(cli):
    cli("ingest", str(PAGES / "stoltenberg.html"))
    cli("analyze")
    unknown = cli("entities", "--label", "FOO")
    assert unknown.exit_code == 1
    assert unknown.stderr.replace("\n", " ").startswith(
        "Error: label 'FOO': not a kind of entity rashomon keeps (one of EVENT, FAC, NORP, ORG, PERSON, PLACE;")
    places = json.loads(cli("entities", "--label", "PLACE", "--json").stdout)
    assert places and json.loads(cli("entities", "--label", "gpe", "--json").stdout) == places


def test_cli_errors_an_ambiguous_id_prefix_lists_the_matches(cli, tmp_path):
    dump = tmp_path / "many.jsonl"
    dump.write_text("".join(json.dumps({"title": f"Report {i}", "text": f"Report number {i} of many."}) + "\n"
                            for i in range(40)))
    cli("ingest", str(dump))
    ids = [a["id"] for a in json.loads(cli("articles", "--json", "--limit", "100").stdout)]
    prefix = next(p for p in "0123456789abcdef" if sum(i.startswith(p) for i in ids) > 1)
    result = cli("show", prefix)
    assert result.exit_code == 1
    message = result.stderr.replace("\n", " ")
    assert message.startswith(f"Error: '{prefix}' is the start of more than one article id: ")
    assert all(i in message for i in sorted(i for i in ids if i.startswith(prefix))[:2])
    unique = next(i for i in ids if sum(j.startswith(i[:3]) for j in ids) == 1)
    assert cli("show", unique[:3]).exit_code == 0  # three characters are enough when they are unique


def test_cli_errors_an_unsupported_url_scheme_is_rejected_by_name(cli):
    result = cli("ingest", "ftp://example.com/x", "--json")
    assert result.exit_code == 1
    (rejected,) = json.loads(result.stdout)["rejections"]
    assert rejected["input"] == "ftp://example.com/x"
    assert rejected["reason"].startswith("unsupported URL scheme 'ftp'")
