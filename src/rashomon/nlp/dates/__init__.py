"""Temporal expressions in news text: exact character spans and TimeML values anchored on the publication date.

``find_temporal_expressions(doc, published)`` returns every date, time, duration and frequency an
article mentions, each with its span in ``doc.text``, its TIMEX3 ``value`` and ``type`` (DATE,
TIME, DURATION, SET) and a qualifier ("early", "late", "mid", "approx", ...) where the words carry
one ("early next year" -> ``2022`` qualified "early").

How
- Finding (``finding``): the regular-expression rules of ``rule_table``, built from ``word_tables``,
  propose spans; overlapping proposals are settled longest first. spaCy's DATE/TIME entities are
  evidence for the ambiguous proposals only (``ambiguous_words``), never free spans. Extents follow
  TimeML/TimeBank practice ("the third quarter", "early next year"; "on [Monday]", "[Friday]'s").
- Resolving: each rule's resolver anchors on the publication date, the tense of the governing verb
  and the story's reference time, the last calendar value it named (``article_context``).
  ``dateparser`` is not used: its search invents dates from free text ("We" -> Wednesday).
- Values: ``2022-W02``, decades ``199X``, centuries ``19XX``, ``1998-08-07TMO``, ``1998-08-07T10:00``,
  ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, vague amounts ``PXY``.

Without a publication date (``published=None``) expressions whose value needs an anchor keep
what the words say and write X for the rest where TimeML has a form for it (``XXXX-12-23``);
those that are nothing but an offset from the anchor ("yesterday", "two weeks ago") are left out.
"""

from rashomon.nlp.dates.finding import (
    TemporalExpression,
    date_mentions,
    find_temporal_expressions,
)

__all__ = ["TemporalExpression", "date_mentions", "find_temporal_expressions"]
