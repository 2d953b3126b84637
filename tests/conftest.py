"""Shared fixtures: real SQLite stores in tmp folders, the real CLI, a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.settings import Settings
from rashomon.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = FIXTURES / "pages"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.load(environ={}, db=str(tmp_path / "store.db"))


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = Store.open(settings.db)
    yield opened
    opened.close()


@pytest.fixture
def seeded(store: Store, settings: Settings) -> Store:
    """A store holding the five seed articles, ingested and analyzed (annotations, quotes, clusters)."""
    from rashomon import samples
    from rashomon.pipeline.runner import analyze
    from rashomon.ingest.session import ingest

    ingest(store, [str(p) for p in samples.seed_paths()], settings)
    analyze(store, settings)
    return store


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run `rashomon …` in-process against the tmp store; returns exit code, stdout and stderr."""
    monkeypatch.setenv("RASHOMON_DB", str(tmp_path / "store.db"))
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def run(*args: str) -> CliResult:
        result = runner.invoke(app, list(args), catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    declare_length: bool = True  # False: no Content-Length, the body ends when the connection closes


class LocalServer:
    """A real HTTP server on 127.0.0.1 serving routes set by the test, logging every request path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                route = server.routes.get(self.path, Route(b"not found", 404, "text/plain"))
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.declare_length:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, body: bytes | str, **options) -> str:
        self.routes[path] = Route(body.encode() if isinstance(body, str) else body, **options)
        return self.url(path)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    local.thread.start()
    yield local
    local.httpd.shutdown()
    local.httpd.server_close()


class RecordedProgress:
    """A progress display (rashomon.train.ProgressDisplay) that writes down what it was shown."""

    def __init__(self):
        self.shown: list[tuple] = []

    def __enter__(self) -> RecordedProgress:
        self.shown.append(("enter",))
        return self

    def __exit__(self, *exception) -> None:
        self.shown.append(("exit",))

    def add_task(self, description: str, total: float | None = None) -> str:
        self.shown.append(("task", description, total))
        return description

    def advance(self, task_id: str, advance: float = 1) -> None:
        self.shown.append(("advance", task_id))
