"""Publication dates as pages, feeds and dumps write them."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime


def parse_published(value: str | None) -> date | None:
    """An ISO date or datetime, or an RFC 822 date as feeds write it; None when neither."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
