"""One article's place: the event it joins (or opens), the story of that event, and why.

The article is scored against each candidate event through the event's most recent members: the mean of
its background-corrected similarity to each (average link, so that one look-alike member cannot pull an
article in). It joins the best event at or above the event threshold within the event window. Two events
the article now connects merge when their members are, on average, as alike as an article and the event
it joins (average link between the two). Otherwise the article opens a new event, placed in the story of
the best candidate at or above the story threshold, or in a new story. Only members that can be judged
count (in another language, only the article's counterpart there), and a report of the article's own
outlet counts zero towards the event (not towards the story). The event it joined is then read through
its specific content and split if that falls in two (``cluster/split.py``); every move is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rashomon.cluster.index import EVENT_WINDOW_DAYS, ClusterIndex, EventState
from rashomon.cluster.profiles import ArticleProfile
from rashomon.cluster.similarity import ClusterModel, entity_overlap, word_cosine
from rashomon.cluster.split import SplitRule, split_event

EXPLAINED_CANDIDATES = 5
SHARED_SHOWN = 12


@dataclass(frozen=True)
class Candidate:
    event: int
    story: int
    score: float  # mean background-corrected similarity to the compared members (an outlet's own: zero)
    story_score: float  # the same mean with the article's own outlet's reports counted: for the story
    features: dict[str, float]  # what the score is made of, and what else the two share
    closest: str  # the member most like the article
    shared_entities: tuple[str, ...]
    shared_words: tuple[str, ...]
    in_event_window: bool


@dataclass
class Assignment:
    article_id: str
    event: int
    story: int
    decision: str  # joined, bridged, new event, new story
    candidates: list[Candidate]
    merged_events: list[tuple[int, int]] = field(default_factory=list)  # (gone, kept)
    merge_links: list[float] = field(default_factory=list)  # each merge's event link (members alike on average)
    moved_articles: list[tuple[str, int, int]] = field(default_factory=list)  # (article, from event, to event)
    moved_events: list[tuple[int, int, int]] = field(default_factory=list)  # (event, from story, to story)
    split_events: list[tuple[int, int, int]] = field(default_factory=list)  # (event, new event, its story)
    counterparts: list[dict] = field(default_factory=list)  # its closest in other languages: article, margin
    new_event: bool = False
    new_story: bool = False

    def explanation(self, model: ClusterModel) -> dict:
        return {"decision": self.decision, "event_threshold": model.event_threshold,
                "story_threshold": model.story_threshold, "event_window_days": EVENT_WINDOW_DAYS,
                "neighbours": model.neighbours, "background_ranks": list(model.background_ranks),
                "merged_events": self.merged_events, "split_events": self.split_events,
                "counterparts": self.counterparts,
                "merges": [{"gone": gone, "kept": kept, "link": round(link, 4)}
                           for (gone, kept), link in zip(self.merged_events, self.merge_links, strict=True)],
                "candidates": [vars(c) | {"shared_entities": list(c.shared_entities),
                                          "shared_words": list(c.shared_words)} for c in self.candidates]}


class Ids:
    """The next free event and story numbers."""

    def __init__(self, next_event: int, next_story: int):
        self.next_event, self.next_story = next_event, next_story

    def event(self) -> int:
        self.next_event += 1
        return self.next_event - 1

    def story(self) -> int:
        self.next_story += 1
        return self.next_story - 1


def score_candidates(index: ClusterIndex, profile: ArticleProfile) -> list[Candidate]:
    index.know([profile])
    scored = [_candidate(index, profile, event) for event in index.candidates(profile)]
    return sorted(scored, key=lambda c: (-c.score, c.event))


def event_score(index: ClusterIndex, article_id: str, event: EventState, story: bool = False) -> float:
    """The article's mean background-corrected similarity to the event's most recent members that can be
    judged against it: all of them in its own language, and in another language only its closest there
    (words cannot testify across languages, for or against). A report of the article's own outlet counts
    zero towards the event (``NeighbourIndex.evidence``), and as it is towards the ``story``."""
    compared = [m for m in event.compared() if index.articles.comparable(article_id, m.article_id)]
    if not compared:
        return 0.0
    judge = index.articles.similarity if story else index.articles.evidence
    return sum(judge(article_id, m.article_id) for m in compared) / len(compared)


def _candidate(index: ClusterIndex, profile: ArticleProfile, event: EventState) -> Candidate:
    articles, compared = index.articles, event.compared()
    cosines = [articles.cosine(profile.article_id, m.article_id) for m in compared]
    closest = compared[max(range(len(compared)), key=cosines.__getitem__)]
    terms, closest_terms = index.terms(profile), index.terms(closest)
    entities = sorted(profile.entities & closest.entities, key=lambda e: (-index.stats.entity_idf(e), e))
    words = sorted(set(terms) & set(closest_terms), key=lambda w: (-terms[w] * closest_terms[w], w))
    near = sum(articles.near(profile.article_id, m.article_id) for m in compared)
    around = articles.neighbourhood(profile.article_id)
    meanings = [articles.meaning(profile.article_id, m.article_id) for m in compared]
    features = {"words_mean": sum(cosines) / len(cosines), "words_max": max(cosines),
                "background": around.background,
                "meaning_mean": sum(meanings) / len(meanings), "meaning_background": around.meaning_background,
                "near_members": near, "compared_members": len(compared),
                "words_centroid": word_cosine(terms, event.centroid_terms()),
                "entities": entity_overlap(profile.entities, closest.entities, index.stats)}
    gap = event.days_from(profile)
    if gap is not None:
        features["days"] = gap
        if profile.published is None:
            features["named_day"] = 1  # the article is undated: the days are counted from a day its text names
    return Candidate(event.id, event.story, round(event_score(index, profile.article_id, event), 4),
                     round(event_score(index, profile.article_id, event, story=True), 4),
                     {k: round(v, 4) for k, v in features.items()}, closest.article_id,
                     tuple(entities[:SHARED_SHOWN]), tuple(words[:SHARED_SHOWN]),
                     event.holds(profile, EVENT_WINDOW_DAYS))


def assign(index: ClusterIndex, profile: ArticleProfile, model: ClusterModel, ids: Ids,
           split: SplitRule | None = SplitRule()) -> Assignment:
    """Place ``profile`` in the index and say where and why; with a ``split`` rule, the event it joined is
    then split if its reports do not share specific content (``cluster/split.py``)."""
    candidates = score_candidates(index, profile)
    matches = [c for c in candidates if c.in_event_window and c.score >= model.event_threshold]
    shown = candidates[:EXPLAINED_CANDIDATES]
    if matches:
        kept = index.events[matches[0].event]
        assignment = Assignment(profile.article_id, kept.id, kept.story, "joined", shown)
        index.add(kept, profile)
        _consolidate(index, kept, candidates, model, assignment)
        if split is not None:
            _split(index, kept, split, ids, assignment)
    else:
        assignment = _open_event(index, profile, model, candidates, shown, ids)
        index.add(index.events[assignment.event], profile)
    assignment.counterparts = index.articles.counterparts(profile.article_id)
    return assignment


def _consolidate(index: ClusterIndex, kept: EventState, candidates: list[Candidate], model: ClusterModel,
                 assignment: Assignment) -> None:
    """With the article in, another nearby event may now be seen as the same one: it merges when the two
    events' members are as alike on average as an article must be to join."""
    for other in candidates:
        if other.event == kept.id or other.event not in index.events or not other.in_event_window:
            continue
        candidate = index.events[other.event]
        if not kept.near(candidate, EVENT_WINDOW_DAYS):
            continue
        link = event_link(index, kept, candidate)
        if link >= model.event_threshold:
            assignment.merge_links.append(link)
            _merge(index, kept, candidate, assignment)


def _split(index: ClusterIndex, event: EventState, rule: SplitRule, ids: Ids, assignment: Assignment) -> None:
    """The joined event falls apart by specific content: every move is recorded, the article's own too."""
    moves = split_event(index, event, rule, ids.event)
    for opened in dict.fromkeys(to for _, to in moves):
        assignment.split_events.append((event.id, opened, event.story))
    for article_id, to in moves:
        if article_id == assignment.article_id:
            assignment.event = to
        else:
            assignment.moved_articles.append((article_id, event.id, to))


def event_link(index: ClusterIndex, first: EventState, second: EventState) -> float:
    """The mean background-corrected similarity between the two events' most recent members."""
    pairs = [(a.article_id, b.article_id) for a in first.compared() for b in second.compared()]
    return sum(index.articles.evidence(a, b) for a, b in pairs) / len(pairs)


def _open_event(index: ClusterIndex, profile: ArticleProfile, model: ClusterModel, candidates: list[Candidate],
                shown: list[Candidate], ids: Ids) -> Assignment:
    related = sorted((c for c in candidates if c.story_score >= model.story_threshold),
                     key=lambda c: (-c.story_score, c.event))
    if related:
        story, decision, new_story = related[0].story, "new event", False
    else:
        story, decision, new_story = ids.story(), "new story", True
    event = index.new_event(ids.event(), story)
    return Assignment(profile.article_id, event.id, story, decision, shown, new_event=True, new_story=new_story)


def _merge(index: ClusterIndex, kept: EventState, gone: EventState, assignment: Assignment) -> None:
    """The article reports both events as one: they are one event, and their stories one story."""
    if gone.story != kept.story:
        for event_id in sorted(index.stories[gone.story]):
            if event_id != gone.id:
                assignment.moved_events.append((event_id, gone.story, kept.story))
                index.move_event(index.events[event_id], kept.story)
    assignment.merged_events.append((gone.id, kept.id))
    assignment.moved_articles += [(member.article_id, gone.id, kept.id) for member in gone.members]
    assignment.decision = "bridged"
    index.merge_events(kept, gone)
