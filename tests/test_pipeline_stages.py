"""The stage table: checked before a run, so that a stage never starts without what it needs."""

import dataclasses

import pytest

from rashomon import reads
from rashomon.errors import StageTableError
from rashomon.pipeline import stages
from rashomon.pipeline.runner import analyze
from rashomon.pipeline.stages import STAGES, Stage, check_stages


def _without(name):
    return tuple(stage for stage in STAGES if stage.name != name)


def _replaced(name, **changes):
    return tuple(dataclasses.replace(stage, **changes) if stage.name == name else stage for stage in STAGES)


def test_pipeline_stages_the_table_holds_together():
    check_stages(STAGES)
    assert [stage.name for stage in STAGES] == ["annotate", "entities", "quote_groups", "clusters", "facts"]


@pytest.mark.parametrize("table, message", [
    (_without("annotate"), "stage 'entities' requires 'mentions', 'name_chains', 'attributions', which no earlier "
                           "stage produces"),
    (_without("entities"), "stage 'annotate' lacks a writer: what it produces would not be stored"),
    (_replaced("clusters", requires=("vectors", "facts")), "stage 'clusters' requires 'facts'"),
    (_replaced("quote_groups", produces=("dates",)), "stage 'quote_groups' produces 'dates', which an earlier stage "
                                                     "already produces"),
    (_replaced("clusters", write=None), "stage 'clusters' lacks a writer"),
    (_replaced("quote_groups", read=None), "stage 'quote_groups' lacks a reader"),
    ((*STAGES, Stage("late", print, requires=("events",), produces=("late",), scope="article")),
     "stage 'late' runs per article but comes after a corpus stage"),
    ((*STAGES, STAGES[-1]), f"two stages are called '{STAGES[-1].name}'"),
])
def test_pipeline_stages_an_inconsistent_table_names_the_stage_and_what_it_lacks(table, message):
    with pytest.raises(StageTableError, match=message.replace("(", r"\(")):
        check_stages(table)


def test_pipeline_stages_analyze_refuses_to_start_and_touches_nothing(store, settings, tmp_path):
    from rashomon.ingest.session import ingest

    (tmp_path / "a.txt").write_text("Stoltenberg said NATO never promised not to expand.")
    ingest(store, [str(tmp_path / "a.txt")], settings)
    with pytest.raises(StageTableError, match="stage 'clusters' requires 'facts'"):
        analyze(store, settings, stages=_replaced("clusters", requires=("vectors", "facts")))
    (article,) = reads.articles(store).articles
    assert reads.article(store, article.id).annotations is None


def test_pipeline_stages_the_cli_says_which_stage_lacks_what(cli, monkeypatch, tmp_path):
    monkeypatch.setattr(stages, "STAGES", _replaced("clusters", requires=("vectors", "facts")))
    result = cli("analyze")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: stage 'clusters' requires 'facts', which no earlier stage produces"
