"""One ingest run: inputs → pages → articles, deduplicated and stored in batched transactions.

A batch is committed whole or not at all, so an interrupted run (Ctrl-C, kill -9) keeps every
committed batch, and running it again adds only what is missing: identities make writes idempotent.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from rashomon.dedupe import NearCopyIndex, copy_edge, find_original, from_bytes
from rashomon.errors import InputError
from rashomon.extract.identity import is_web_url
from rashomon.extract.outlets import OutletNames
from rashomon.extract.page_dates import Dateline, nearest
from rashomon.ingest import dumps, files, sidecars
from rashomon.ingest.feeds import parse_feed
from rashomon.ingest.preparation import Prepared, prepared, worker_count
from rashomon.ingest.web import Fetcher
from rashomon.pipeline.interrupts import InterruptWatch
from rashomon.records import Article, Page, Rejection
from rashomon.settings import Settings
from rashomon.store import Batches, Connection, Store, writes
from rashomon.store.stage_io import ingest as stored


class Progress(Protocol):
    def add_work(self, amount: int) -> None: ...
    def advance(self, origin: str) -> None: ...


class _Silent:
    def add_work(self, amount: int) -> None:
        pass

    def advance(self, origin: str) -> None:
        pass


@dataclass
class IngestReport:
    counts: Counter = field(default_factory=Counter)  # added, revised, unchanged, copies, rejected, title_only
    rejections: list[Rejection] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    interrupted: bool = False

    @property
    def failed(self) -> bool:
        return bool(self.rejections) or self.interrupted

    def as_dict(self) -> dict:
        return {
            **{key: self.counts[key] for key in ("added", "revised", "unchanged", "copies", "rejected",
                                                 "title_only")},
            "feed_entries_already_seen": self.counts["feed_entries_already_seen"],
            "interrupted": self.interrupted,
            "rejections": [{"input": r.origin, "reason": r.reason, "stage": r.stage}
                           for r in self.rejections],
        }


def ingest(store: Store, inputs: Iterable[str], settings: Settings, progress: Progress | None = None, *,
           outlet: str | None = None, published: date | None = None) -> IngestReport:
    """Ingest every input (paths, folders, URLs, feeds, dumps, WARCs) into ``store``.

    ``outlet`` and ``published`` are what the caller knows of every input of this run: they fill what
    a page does not state itself (a sidecar or the page's own metadata wins; see ``rashomon.extract``).
    """
    defaults = {key: value for key, value in (("outlet", outlet), ("published", published)) if value}
    session = _Session(store, settings, progress or _Silent(), defaults)
    return session.run(list(inputs))


@dataclass
class _Batch:
    counts: Counter = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    size: int = 0


class _Session:
    def __init__(self, store: Store, settings: Settings, progress: Progress, defaults: dict):
        self.store = store
        self.settings = settings
        self.progress = progress
        self.defaults = defaults
        self.report = IngestReport()
        self.outlets: OutletNames | None = None
        self.dates: list[date] = []  # publication dates of this run's articles
        self.open_datelines: list[Prepared] = []  # articles whose dateline waits for a year
        self.fetcher: Fetcher | None = None
        self.index: NearCopyIndex | None = None
        self.workers = 1
        self._store_files = store.files()  # a folder being ingested may hold the store: never read it

    def run(self, inputs: list[str]) -> IngestReport:
        work = sum(_estimate(value) for value in inputs)
        self.progress.add_work(work)
        self.workers = worker_count(self.settings, work)
        self.fetcher = Fetcher(self.settings)
        try:
            with self.store.batches() as batches:
                self._run_batches(batches, inputs)
        finally:
            self.fetcher.close()
        return self.report

    def _run_batches(self, batches: Batches, inputs: list[str]) -> None:
        connection = batches.connection
        self.index = NearCopyIndex.from_fingerprints(stored.fingerprints(connection),
                                                     self.settings.near_duplicate_threshold,
                                                     self.settings.minhash_permutations)
        self.outlets = OutletNames.load(self.settings.outlets, stored.outlet_names(connection))
        batches.commit()
        batch = _Batch()
        try:
            with InterruptWatch() as interrupts:
                for item in prepared(self._items(connection, inputs), self.settings, self.workers):
                    interrupts.check()
                    self._handle(connection, item, batch)
                    self.progress.advance(item.origin)
                    if batch.size >= self.settings.batch_size:
                        interrupts.check()
                        self._commit(batches, batch)
                        batch = _Batch()
                for item in self._datelines_completed():
                    self._store(connection, item, batch)
                interrupts.check()
                self._commit(batches, batch)
        except KeyboardInterrupt:
            batches.rollback()
            self.report.interrupted = True

    def _commit(self, batches: Batches, batch: _Batch) -> None:
        batches.commit()
        self.report.counts.update(batch.counts)
        self.report.rejections.extend(batch.rejections)
        self.report.article_ids.extend(batch.article_ids)

    # -- turning inputs into pages ------------------------------------------------------------

    def _items(self, connection: Connection, inputs: list[str]) -> Iterator[Page | Rejection]:
        for item in self._inputs(connection, inputs):
            yield dataclasses.replace(item, defaults=self.defaults) if isinstance(item, Page) else item

    def _inputs(self, connection: Connection, inputs: list[str]) -> Iterator[Page | Rejection]:
        for value in inputs:
            if is_web_url(value):
                yield from self._from_url(connection, value)
            elif (scheme := _SCHEME.match(value)) and len(scheme.group(1)) > 1:  # not a drive letter (C:)
                yield Rejection(value, f"unsupported URL scheme {scheme.group(1).lower()!r}: rashomon fetches "
                                       "http:// and https:// pages, and reads files and folders by path")
            else:
                yield from self._from_path(connection, Path(value))

    def _from_path(self, connection: Connection, path: Path) -> Iterator[Page | Rejection]:
        if path.is_dir():
            for child in files.files_under(path):
                if child.resolve() not in self._store_files and not sidecars.is_sidecar(child):
                    yield from self._from_path(connection, child)
        elif sidecars.is_sidecar(path):
            described = path.with_name(path.name[:-len(sidecars.SUFFIX)])
            yield Rejection(str(path), f"a sidecar: it is read with {described.name} (ingest that file)")
        elif files.is_feed_file(path):
            try:
                page = Page(origin=str(path), kind="feed", body=files.read_bytes(path))
            except InputError as error:
                yield Rejection(error.origin, error.reason, error.stage)
                return
            yield from self._from_feed(connection, page)
        else:
            yield from files.pages_from_file(path)

    def _from_url(self, connection: Connection, url: str) -> Iterator[Page | Rejection]:
        try:
            page = self.fetcher.fetch(url)
        except InputError as error:
            yield Rejection(error.origin, error.reason, error.stage)
            return
        if page.kind == "feed":
            yield from self._from_feed(connection, page)
        else:
            yield page

    def _from_feed(self, connection: Connection, page: Page) -> Iterator[Page | Rejection]:
        try:
            feed = parse_feed(page)
        except InputError as error:
            yield Rejection(error.origin, error.reason, error.stage)
            return
        if feed.broken:
            read = f"{len(feed.entries)} entr{'y' if len(feed.entries) == 1 else 'ies'}"
            yield Rejection(page.origin, f"feed breaks off: {feed.broken}; the {read} before the break "
                                         "were read, any after it are lost")
        seen = stored.seen_feed_entries(connection, feed.name)
        new = [entry for entry in feed.entries if entry.key not in seen]
        self.report.counts["feed_entries_already_seen"] += len(feed.entries) - len(new)
        self.progress.add_work(len(new))
        for entry in new:
            try:
                fetched = self.fetcher.fetch(entry.link)
            except InputError as error:
                yield Rejection(error.origin, error.reason, error.stage)
                continue
            fields = {"title": entry.title, "published": entry.published, "authors": entry.authors,
                      "feed": feed.name, "feed_entry": entry.key}
            yield Page(origin=entry.link, kind="html" if fetched.kind == "feed" else fetched.kind,
                       body=fetched.body, url=fetched.url, fetched_at=fetched.fetched_at,
                       fields={k: v for k, v in fields.items() if v})

    # -- storing ------------------------------------------------------------------------------

    def _handle(self, connection: Connection, item: Prepared, batch: _Batch) -> None:
        batch.size += 1
        if item.rejection is not None:
            writes.save_rejection(connection, item.rejection)
            batch.counts["rejected"] += 1
            batch.rejections.append(item.rejection)
            return
        if item.article.published is None and "dateline" in item.article.metadata:
            self.open_datelines.append(item)  # stored at the end, with the year of this run's dates
            return
        self._store(connection, item, batch)

    def _store(self, connection: Connection, item: Prepared, batch: _Batch) -> None:
        article = self._named(item.article)
        if article.published is not None:
            self.dates.append(article.published)
        if article.metadata.get("text_is_title"):
            batch.counts["title_only"] += 1
        outcome, stored = writes.save_article(connection, article)
        batch.counts[outcome] += 1
        batch.article_ids.append(stored.id)
        if outcome != "unchanged":
            self._fingerprint(connection, stored, item.minhash, outcome, batch)
        if "feed_entry" in item.fields:
            writes.mark_feed_entry(connection, item.fields["feed"], item.fields["feed_entry"],
                                   item.origin, stored.id)

    def _named(self, article: Article) -> Article:
        """The article under its outlet's one name; the name as the input gave it kept in the metadata."""
        name = self.outlets.name(article.outlet)
        if name == article.outlet:
            return article
        return dataclasses.replace(article, outlet=name,
                                   metadata={**article.metadata, "outlet_as_given": article.outlet})

    def _datelines_completed(self) -> Iterator[Prepared]:
        """Articles whose dateline has no year and whose text names no full date: dated in the year that
        puts them nearest the median of this run's publication dates, said so in the metadata (left
        undated when no article of the run has a date)."""
        for item in self.open_datelines:
            article = item.article
            month, day = article.metadata["dateline"]
            start, end = article.metadata["published_from_text"]
            published = nearest(Dateline(month, day, None, start, end), self.dates)
            if published is not None:
                source = (f"the dateline {article.text[start:end]!r}, in the year nearest the "
                          f"{len(self.dates)} other dated articles of this ingest")
                article = dataclasses.replace(article, published=published,
                                              metadata={**article.metadata, "published_from": source})
            yield dataclasses.replace(item, article=article)

    def _fingerprint(self, connection: Connection, article: Article, minhash_bytes: bytes | None,
                     outcome: str, batch: _Batch) -> None:
        minhash = from_bytes(minhash_bytes) if minhash_bytes is not None else None
        if minhash is not None:
            writes.save_fingerprint(connection, article.id, minhash_bytes)
        if outcome == "added":
            exact = stored.exact_copies(connection, article.content_hash, excluding=article.id)
            match = find_original(article, exact, minhash, self.index)
            if match is not None:
                root = stored.copy_root(connection, match.original_id)
                writes.save_copy_edge(connection, copy_edge(article, match, root))
                batch.counts["copies"] += 1
        if minhash is not None:
            self.index.add(article.id, minhash)


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):/")


def _estimate(value: str) -> int:
    """Rough amount of work in one input, for the progress bar."""
    if is_web_url(value):
        return 1
    path = Path(value)
    if path.is_dir():
        return sum(_estimate(str(child)) for child in files.files_under(path))
    if path.is_file() and files.has_suffix(path, files.DUMP_SUFFIXES):
        try:
            return dumps.count_lines(path)
        except OSError:
            return 1
    return 0 if files.is_feed_file(path) else 1
