"""Reading and fetching inputs into Pages: ``files`` (text, HTML, and the containers), ``dumps`` (JSONL),
``warc``, ``feeds`` (RSS/Atom), ``web`` (URLs, safely); ``preparation`` extracts and fingerprints Pages
over the cores; ``session`` is the ingest runner, which stores each article once, batch by batch."""
