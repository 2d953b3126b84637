"""The schema of every kind of record `rashomon export` writes: each field's name, type and meaning.

One table per kind, the single source that the exporter's rows, the CSV header and docs/export.md are checked
against. A kind whose records have members (an entity's mentions, a group's renderings, an event's or a story's
articles) lists them in ``members``: a list in JSONL, one CSV row per member (see ``csv_columns``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # as docs/export.md says it: "string", "integer", "date or null", "list of [start, end]", …
    meaning: str


@dataclass(frozen=True)
class Schema:
    kind: str
    line: str  # what one JSONL line is
    fields: tuple[Field, ...]
    members: str | None = None  # the field holding the list of members, each with ``member_fields``
    member_fields: tuple[Field, ...] = ()
    spread: str | None = None  # an object field whose keys JSONL writes as fields of the line itself

    def names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)

    def member_names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.member_fields)

    def csv_columns(self) -> tuple[str, ...]:
        """The CSV header: the record's own fields (its list of members left out), then each member's."""
        return tuple(name for name in self.names() if name != self.members) + self.member_names()


_ARTICLE = Field("article", "string", "id of the article (the `id` of its line in the articles export)")
_OUTLET = Field("outlet", "string or null", "the outlet that published the article")
_PUBLISHED = Field("published", "date or null", "the article's publication date, YYYY-MM-DD")
_TITLE = Field("title", "string or null", "the article's title")
_WHOLE_START = Field("start", "integer", "0: an article is placed as a whole")
_WHOLE_END = Field("end", "integer", "the length of the article's text: the span it rests on is [start, end)")
_FIRST = Field("first", "date or null", "the earliest publication date among its articles")
_LAST = Field("last", "date or null", "the latest publication date among its articles")

ARTICLES = Schema("articles", "one stored article, in the schema `rashomon ingest` reads back", (
    Field("id", "string", "rashomon's id of the article (16 hex digits); `article` in the other kinds is this id"),
    _OUTLET,
    Field("url", "string or null", "the article's canonical URL"),
    _PUBLISHED,
    _TITLE,
    Field("text", "string", "the stored text: every [start, end) of every export counts characters in it, from 0"),
    Field("authors", "list of strings", "the bylines"),
    Field("language", "string or null", "the detected language, an ISO 639-1 code"),
    Field("copy_of", "string or null", "id of the earlier article that this one copies, exactly or nearly"),
    Field("copy_similarity", "number or null", "1 for an exact copy, else the estimated Jaccard similarity of "
                                                 "their word 5-grams"),
    Field("revision", "integer", "the number of this version: a changed page at a known URL is a new revision"),
    Field("origin", "string", "the input it was read from: a path, a URL, or a dump's path:line"),
    Field("metadata", "object", "what else the input said that rashomon keeps as it was (a dump's other fields, "
                                "a page's description); in JSONL its keys are fields of the line itself"),
), spread="metadata")

ENTITIES = Schema("entities", "one canonical entity and every mention of it", (
    Field("entity", "string", "the entity's id"),
    Field("label", "string", "what it is: PERSON, ORG, PLACE, NORP (a nationality or group), FAC or EVENT"),
    Field("name", "string", "its canonical name"),
    Field("articles", "integer", "how many articles mention it"),
    Field("mentions", "list of mentions", "where it is mentioned, article by article, in text order"),
), members="mentions", member_fields=(
    _ARTICLE,
    Field("start", "integer", "where the mention starts in the article's text"),
    Field("end", "integer", "where it ends (the character after its last)"),
    Field("text", "string", "the words of the mention, text[start:end]"),
    Field("kind", "string", "name, description (\"the Secretary General\") or pronoun"),
))

_SPANS = "list of [start, end]"
ATTRIBUTIONS = Schema("attributions", "one attribution: who said what, where the article says it", (
    _ARTICLE,
    _OUTLET,
    _PUBLISHED,
    _TITLE,
    Field("index", "integer", "its number within the article, in text order"),
    Field("kind", "string", "direct (quoted), indirect (reported) or mixed"),
    Field("speaker", "string or null", "the canonical name of the speaker; null when the source is not a "
                                       "resolved speaker (no source, or one that names no one rashomon knows)"),
    Field("speaker_entity", "string or null", "the speaker's entity id (as in the entities export)"),
    Field("source", "string", "the words naming the source as the article gives them (\"\" when none); "
                              "pieces joined by \" … \""),
    Field("cue", "string", "the words that mark the speech (\"said\", \"according to\"); pieces joined by \" … \""),
    Field("content", "string", "what was said, as the article words it; pieces joined by \" … \""),
    Field("confidence", "number or null", "how likely the source is right, from 0 to 1; null: not judged "
                                          "(no source to judge)"),
    Field("spoken_on", "string or null", "when the words were spoken, as a TimeML value, when the text says"),
    Field("content_spans", _SPANS, "the characters of `content` in the article's text, piece by piece"),
    Field("cue_spans", _SPANS, "the characters of `cue`"),
    Field("source_spans", _SPANS, "the characters of `source`"),
))

QUOTE_GROUPS = Schema("quote-groups", "one utterance rendered in two or more articles, with every rendering", (
    Field("group", "integer", "the group's id"),
    Field("speaker", "string or null", "the canonical name of the speaker the group is credited to"),
    Field("speaker_entity", "string or null", "that speaker's entity id"),
    Field("articles", "integer", "how many articles render it"),
    Field("renderings", "list of renderings", "each article's wording, the earliest published first"),
), members="renderings", member_fields=(
    _ARTICLE,
    _OUTLET,
    _PUBLISHED,
    Field("attribution", "integer", "the `index` of the attribution it belongs to, in that article"),
    Field("start", "integer", "where the rendering starts in the article's text"),
    Field("end", "integer", "where it ends"),
    Field("text", "string", "the rendering's words, text[start:end]"),
    Field("rendering_speaker", "string or null", "the speaker this article credits"),
    Field("similarity", "number or null", "how alike it is to the group's first rendering (cosine of sentence "
                                          "vectors)"),
    Field("changes", "list of strings", "what it changes from the first rendering: negation, number, name, "
                                        "speaker"),
))

EVENTS = Schema("events", "one event (articles on one happening) and its articles", (
    Field("event", "integer", "the event's id"),
    Field("story", "integer", "the id of the story it belongs to"),
    Field("articles", "integer", "how many articles it has"),
    _FIRST,
    _LAST,
    Field("members", "list of articles", "its articles, oldest first (undated last)"),
), members="members", member_fields=(_ARTICLE, _OUTLET, _PUBLISHED, _TITLE, _WHOLE_START, _WHOLE_END))

STORIES = Schema("stories", "one story (events that belong together) and its articles, event by event", (
    Field("story", "integer", "the story's id"),
    Field("events", "integer", "how many events it has"),
    Field("articles", "integer", "how many articles it has"),
    Field("outlets", "integer", "how many different outlets published them (articles without outlet not counted)"),
    _FIRST,
    _LAST,
    Field("members", "list of articles", "its articles with their event, event by event, oldest first"),
), members="members", member_fields=(
    Field("event", "integer", "the event the article is in"),
    _ARTICLE, _OUTLET, _PUBLISHED, _TITLE, _WHOLE_START, _WHOLE_END))

SCHEMAS = {schema.kind: schema for schema in (ARTICLES, ENTITIES, ATTRIBUTIONS, QUOTE_GROUPS, EVENTS, STORIES)}
ALIASES = {"quotes": "attributions"}
KIND_NAMES = ("articles", "entities", "attributions", "quotes", "quote-groups", "events", "stories")
FORMATS = ("jsonl", "csv")


def markdown_table(schema: Schema) -> str:
    """The field table docs/export.md shows for a kind (a test checks the docs hold it verbatim)."""
    def rows(fields: tuple[Field, ...], prefix: str = "") -> list[str]:
        return [f"| `{prefix}{f.name}` | {f.type} | {f.meaning} |" for f in fields]

    prefix = f"{schema.members}[]." if schema.members else ""
    return "\n".join(["| field | type | meaning |", "|---|---|---|", *rows(schema.fields),
                      *rows(schema.member_fields, prefix)])


def docs_section() -> str:
    """Every kind's heading, line and field table, as docs/export.md holds them (regenerate it from this)."""
    return "\n".join(f"### {schema.kind}\n\nOne line: {schema.line}.\n\n{markdown_table(schema)}\n"
                     for schema in SCHEMAS.values())
