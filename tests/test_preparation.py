from rashomon import samples
from rashomon.ingest.preparation import MIN_PARALLEL_WORK, prepared, worker_count
from rashomon.records import Page, Rejection


def _items():
    pages = [Page(str(path), "text", path.read_bytes()) for path in samples.seed_paths()]
    return pages + [Rejection("gone.txt", "no such file or folder"), Page("empty.txt", "text", b"  ")]


def test_preparation_pool_gives_the_same_results_in_the_same_order(settings):
    inline = list(prepared(_items(), settings, workers=1))
    pooled = list(prepared(_items(), settings, workers=2))
    assert pooled == inline
    assert [p.origin.rsplit("/", 1)[-1] for p in pooled][-2:] == ["gone.txt", "empty.txt"]
    assert pooled[-1].rejection.reason == "empty: no text, only whitespace"
    assert all(p.article is not None and p.minhash for p in pooled[:5])


def test_preparation_small_work_stays_in_one_process(settings):
    assert worker_count(settings.replace(workers=2), MIN_PARALLEL_WORK - 1) == 1
    assert worker_count(settings.replace(workers=2), MIN_PARALLEL_WORK) == 2
