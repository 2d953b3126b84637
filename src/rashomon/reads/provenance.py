"""Where a story's accounts came from: the origins each cites, the origins its quotes tie it to, and which
articles copy passages of which."""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.provenance import trace
from rashomon.reads.story_texts import StoryTexts, load_story
from rashomon.store import Store, compared

EXCERPT = 160


@dataclass(frozen=True)
class Provenance(StoryTexts):
    citations: tuple  # OriginCitation
    ties: tuple  # OriginTie
    copies: tuple  # PassageCopy

    def origins(self) -> list[dict]:
        """Each origin named in the story: who cites it, and who is tied to it by shared quotes."""
        found: dict[tuple[str, str], dict] = {}
        for c in self.citations:
            entry = found.setdefault((c.origin_name, c.kind), {"origin": c.origin_name, "kind": c.kind,
                                                                "cited_by": [], "tied": []})
            if c.span.article_id not in entry["cited_by"]:
                entry["cited_by"].append(c.span.article_id)
        for t in self.ties:
            found[(t.origin_name, t.kind)]["tied"].append(t.article_id)
        return list(found.values())

    def tie_reason(self, tie) -> str:
        """"same quotes as the dpa interview reported by Sputnik and 'title' (id)"."""
        name = tie.origin_name if tie.origin_name.startswith("The ") else f"the {tie.origin_name}"
        origin = f"{name} interview" if tie.kind == "interview" else name
        return f"same quotes as {origin} reported by {' and '.join(self.columns[a] for a in tie.via)}"

    def as_dict(self) -> dict:
        """``{"story", "articles": [{"article", "column", "published"}], "origins": [{"origin", "kind",
        "cited_by", "tied"}], "citations": [{"article", "origin", "kind", "span", "text"}], "ties": [{"article",
        "origin", "kind", "via", "quote_groups", "spans", "reason"}], "copies": [{"original", "copy",
        "directed", "words", "passages": [{"original_span", "copy_span", "words", "text"}]}]}``."""
        def span(s):
            return [s.start, s.end]
        return {
            "story": self.story,
            "articles": self.articles_dict(),
            "origins": self.origins(),
            "citations": [{"article": c.span.article_id, "origin": c.origin_name, "kind": c.kind,
                           "span": span(c.span), "text": self.words(c.span)} for c in self.citations],
            "ties": [{"article": t.article_id, "origin": t.origin_name, "kind": t.kind, "via": list(t.via),
                      "quote_groups": list(t.quote_groups), "spans": [span(s) for s in t.spans],
                      "reason": self.tie_reason(t)} for t in self.ties],
            "copies": [{"original": c.original_id, "copy": c.copy_id, "directed": c.directed, "words": c.words,
                        "passages": [{"original_span": span(p.first), "copy_span": span(p.second), "words": p.words,
                                      "text": self.words(p.first)[:EXCERPT]} for p in c.passages]}
                       for c in self.copies]}


def provenance(store: Store, story: int) -> Provenance:
    """The origins cited in a story's articles, the ties their shared quotes make, and copied passages."""
    with store.read() as connection:
        loaded = load_story(connection, story)
        outlets = compared.outlet_names(connection)
    found = trace(loaded.articles, outlets)
    return Provenance(**vars(loaded.texts), citations=found.citations, ties=found.ties, copies=found.copies)
