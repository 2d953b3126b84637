"""rashomon: the same event, many accounts. The library is the product; the CLI is a skin over it."""

from rashomon.errors import RashomonError
from rashomon.ingest.session import IngestReport, ingest
from rashomon.pipeline.runner import AnalyzeReport, analyze
from rashomon.records import Article, Page, Rejection
from rashomon.settings import Settings
from rashomon.store import Store, open_store

__all__ = ["AnalyzeReport", "Article", "IngestReport", "Page", "RashomonError", "Rejection", "Settings", "Store",
           "analyze", "ingest", "open_store"]
__version__ = "0.1.0"
