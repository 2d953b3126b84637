"""How stories, events and clustering reasons look in the terminal (titles are untrusted: plain Text only)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from rich.console import Console
from rich.table import Table
from rich.text import Text

_BARS = " ▁▂▃▄▅▆▇█"


def story_record(row) -> dict:
    return {"story": row.story, "events": row.events, "articles": row.articles, "outlets": row.outlets,
            "first": row.first, "last": row.last}


def stories_table(console: Console, rows: Sequence) -> None:
    table = Table(title=f"{len(rows)} stor{'y' if len(rows) == 1 else 'ies'}", title_justify="left")
    for name in ("story", "events", "articles", "outlets", "first", "last"):
        table.add_column(name, justify="right" if name in ("events", "articles", "outlets") else "left")
    for row in rows:
        table.add_row(str(row.story), str(row.events), str(row.articles), str(row.outlets),
                      str(row.first or "–"), str(row.last or "–"))
    console.print(table)


def story_record_detail(story_id: int, rows: Sequence) -> dict:
    events: dict[int, list] = defaultdict(list)
    for row in rows:
        events[row.event_id].append({"article": row.id, "outlet": row.outlet, "published": row.published,
                                     "title": row.title})
    return {"story": story_id, "events": [{"event": event, "articles": articles} for event, articles in events.items()],
            "coverage": coverage([row.published for row in rows])}


def coverage(days: Sequence[date | None]) -> dict[str, int]:
    """Articles per publication day, from the first to the last (undated ones under "undated")."""
    counts = Counter(day for day in days if day is not None)
    result: dict[str, int] = {}
    if counts:
        day, last = min(counts), max(counts)
        while day <= last:
            result[day.isoformat()] = counts.get(day, 0)
            day += timedelta(days=1)
    undated = sum(day is None for day in days)
    if undated:
        result["undated"] = undated
    return result


def story_detail(console: Console, record: dict) -> None:
    console.print(Text(f"Story {record['story']}: {len(record['events'])} events", style="bold"))
    for event in record["events"]:
        table = Table(title=f"event {event['event']}", title_justify="left")
        for name in ("published", "outlet", "article", "title"):
            table.add_column(name)
        for article in event["articles"]:
            table.add_row(str(article["published"] or "–"), article["outlet"] or "–", article["article"],
                          Text(article["title"] or ""))
        console.print(table)
    console.print(Text("Coverage over time (articles a day):"))
    dated = {day: count for day, count in record["coverage"].items() if day != "undated"}
    if dated:
        top = max(dated.values())
        bars = "".join(_BARS[round(8 * count / top)] if count else "·" for count in dated.values())
        console.print(Text(f"{min(dated)} {bars} {max(dated)}  (peak {top})"))
    if record["coverage"].get("undated"):
        console.print(Text(f"{record['coverage']['undated']} undated"))


def why_detail(console: Console, explained: dict) -> None:
    console.print(Text(f"{explained['article']}: event {explained['event']}, story {explained['story']} — "
                       f"{explained['decision']}", style="bold"))
    console.print(Text(f"joins an event at probability ≥ {explained['event_threshold']} (within "
                       f"{explained['event_window_days']} days); a story at ≥ {explained['story_threshold']}"))
    table = Table(title="candidates weighed", title_justify="left")
    for name in ("event", "story", "probability", "words: centroid", "best", "mean", "vector", "entities", "days",
                 "shared entities", "shared words"):
        table.add_column(name)
    for c in explained["candidates"]:
        features = c["features"]
        days = f"{round(2.718281828 ** features['log_days'] - 1)}" if features["dated"] else "–"
        words = [f"{features[k]:.2f}" if k in features else "–" for k in ("words_centroid", "words_max", "words")]
        table.add_row(str(c["event"]), str(c["story"]), f"{c['probability']:.3f}", *words,
                      f"{features['vector']:.2f}", f"{features['entities']:.2f}", days,
                      Text(", ".join(c["shared_entities"])), Text(", ".join(c["shared_words"])))
    console.print(table if explained["candidates"] else Text("no candidates: the first article of its kind"))
    for move in explained["moves"]:
        console.print(Text(f"moved from event {move['from_event']} to {move['to_event']} when article "
                           f"{move['because']} bridged them"))


def story_scores(console: Console, scores: dict) -> None:
    systems = [name for name, value in scores.items() if isinstance(value, dict) and "bcubed" in value]
    table = Table(title=f"Clustering at the {scores['level']} level, {scores['articles']} articles",
                  title_justify="left")
    for name in ("system", "B-cubed P", "B-cubed R", "B-cubed F1", "ARI", "clusters"):
        table.add_column(name)
    for name in systems:
        value = scores[name]
        table.add_row(name, *(f"{value['bcubed'][k]:.3f}" for k in ("precision", "recall", "f1")),
                      f"{value['ari']:.3f}", f"{value['clusters']} (gold {value['gold_clusters']})")
    console.print(table)
