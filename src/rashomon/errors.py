"""The one exception tree of rashomon.

    RashomonError                  every error rashomon raises on purpose
    ├── InputError                 an input that cannot be used; becomes a Rejection record
    │   ├── UnreadableInput        binary data, broken encoding, missing file
    │   ├── EmptyInput             nothing but whitespace
    │   ├── MalformedRecord        a dump line that is not a usable JSON object
    │   ├── NoArticleFound         HTML without an article in it
    │   ├── FetchError             the web did not give us the page
    │   │   ├── BlockedAddress     private, loopback or link-local address refused
    │   │   └── ResponseTooLarge   over the size cap
    │   └── FeedError              a feed that does not parse
    ├── StoreError                 the store cannot be opened or migrated
    ├── NotFound                   a looked-up record does not exist
    ├── BadQuery                   a question asked in a way the read side cannot answer (unknown sort key)
    ├── ModelMissing               a model's pip package is not installed
    ├── SettingError               a setting has a value that cannot be used
    └── StageTableError            the stage table does not hold together: a stage lacks an input

Every InputError knows the input it is about (``origin``) and says what is wrong
in words a person understands (``reason``); ``str(error)`` joins both.
"""

from __future__ import annotations


class RashomonError(Exception):
    """Base class of every error rashomon raises on purpose."""


class InputError(RashomonError):
    """An input that cannot be used. Ingest turns it into a Rejection and goes on."""

    stage = "ingest"

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class UnreadableInput(InputError):
    """The bytes are not text we can read: binary data, a broken encoding, a missing file."""


class EmptyInput(InputError):
    """The input holds no text at all, or only whitespace."""


class MalformedRecord(InputError):
    """A line of a JSONL dump that is not a JSON object with the fields we need."""


class NoArticleFound(InputError):
    """An HTML page from which no article text could be extracted."""

    stage = "extract"


class FetchError(InputError):
    """A URL that could not be fetched: HTTP error, timeout, too many redirects."""


class BlockedAddress(FetchError):
    """A URL that resolves to a private, loopback or link-local address."""


class ResponseTooLarge(FetchError):
    """A response over the configured size cap."""


class FeedError(InputError):
    """An RSS or Atom feed that does not parse."""


class StoreError(RashomonError):
    """The store cannot be opened, migrated or written."""


class NotFound(RashomonError):
    """A record asked for by id, prefix or URL does not exist (or is ambiguous)."""


class BadQuery(RashomonError):
    """A read asked in a way that cannot be answered: an unknown sort key, an empty search."""


class ModelMissing(RashomonError):
    """A model rashomon needs is not installed; the message names the pip package to install."""


class SettingError(RashomonError):
    """A setting whose value cannot be used."""


class StageTableError(RashomonError):
    """The pipeline's stage table is inconsistent: a stage requires what no earlier stage produces."""
