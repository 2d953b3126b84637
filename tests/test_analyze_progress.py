"""`analyze` shows every phase's progress (annotate, quote groups, clustering, comparing) and closes with
what it made."""

from __future__ import annotations

from rashomon import samples
from rashomon.cli.render.runs import what_analyze_made
from rashomon.ingest.session import ingest
from rashomon.pipeline.runner import analyze


class Phase:
    """A progress that records what it is told: the work added, the items advanced, the phases opened."""

    def __init__(self, verb: str = "annotating", total: int = 0):
        self.verb, self.total, self.advanced = verb, total, 0
        self.phases: list[Phase] = []

    def add_work(self, amount: int) -> None:
        self.total += amount

    def advance(self, item: str = "") -> None:
        self.advanced += 1

    def phase(self, verb: str, total: int) -> Phase:
        opened = Phase(verb, total)
        self.phases.append(opened)
        return opened


def test_every_phase_of_analyze_has_a_bar_that_reaches_its_total(store, settings):
    ingest(store, [str(p) for p in samples.seed_paths()], settings)
    shown = Phase()
    report = analyze(store, settings, shown)
    assert (shown.total, shown.advanced) == (5, 5)
    assert [phase.verb for phase in shown.phases] == ["grouping quotes", "clustering", "comparing events"]
    grouping, clustering, comparing = shown.phases
    assert grouping.total == grouping.advanced > 0  # one step per attribution, each cut and placed
    assert (clustering.total, clustering.advanced) == (5, 5)
    assert comparing.total == comparing.advanced == report.compared["events"]


def test_a_second_analyze_opens_empty_phases(seeded, settings):
    shown = Phase()
    analyze(seeded, settings, shown)
    assert [(phase.total, phase.advanced) for phase in shown.phases] == [(0, 0), (0, 0), (0, 0)]


def test_the_closing_line_says_what_analyze_made(store, settings):
    ingest(store, [str(p) for p in samples.seed_paths()], settings)
    report = analyze(store, settings)
    made = what_analyze_made(report)
    events, stories = report.clusters["new_events"], report.clusters["new_stories"]
    assert f"5 articles clustered: {events} new events in {stories} new stor" in made
    assert f"quote units placed in quote groups ({report.quote_groups} new)" in made
    assert f"{report.compared['events']} events compared" in made
    assert report.quote_groups > 0 and events >= 2


def test_the_closing_line_is_empty_when_nothing_new_was_made(seeded, settings):
    assert what_analyze_made(analyze(seeded, settings)) == ""


def test_version_names_the_package(cli):
    from rashomon import __version__

    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.startswith(f"rashomon {__version__} (Python 3.")
