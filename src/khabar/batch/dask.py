"""Extraction on Dask distributed: partitions of articles to workers, results to the client.

:func:`process_partition` is a plain, picklable function of plain data, so it
runs on any worker that has khabar installed. :func:`run_on_dask` submits
partitions of ``batch_size`` articles with bounded look-ahead (at most two
partitions per worker thread in flight), so memory stays flat in the corpus
size, and yields results in completion order for the client to store.

Without a scheduler address, :func:`make_client` starts a ``LocalCluster``
(processes, one thread each). ``dask[distributed]`` is an optional extra:
``pip install 'khabar[dask]'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from khabar.errors import ConfigError

__all__ = ["process_partition", "run_on_dask", "make_client"]


def process_partition(records: list[dict[str, Any]], settings: Mapping[str, Any], part: int | None = None) -> list[dict[str, Any]]:
    """Extract every article of a partition (see :func:`khabar.ingest.runner.process_item`).

    Args:
        records: :class:`~khabar.ingest.sources.Item` dicts.
        settings: the run's settings dict. With ``settings["out"] ==
            "parquet:DIR"`` the partition writes its documents, events and
            errors to ``DIR`` (:func:`khabar.batch.parquet.write_partition`,
            files named by ``part``) and returns only small results (no records).
        part: the partition's number in the run (file names of Parquet output).

    Returns:
        One result dict per input record, in order; a failing article gives an
        ``{"ok": False, ...}`` dict, never an exception.
    """
    from khabar.ingest.runner import process_item

    results = [process_item(r, settings) for r in records]
    if settings.get("out"):
        from khabar.batch.parquet import parse_out, write_partition

        return write_partition(results, parse_out(settings["out"]), part or 0)  # type: ignore[arg-type]
    return results


def make_client(scheduler: str | None = None, workers: int = 2) -> Any:
    """A ``distributed.Client`` for ``scheduler`` (``tcp://host:port``), or a new LocalCluster of ``workers`` processes.

    Raises:
        ConfigError: dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("the dask engine needs dask[distributed]: pip install 'khabar[dask]'") from None
    try:
        if scheduler:
            return Client(scheduler, timeout="20s")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40)
        return Client(cluster)
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None


def run_on_dask(items: Iterable[dict[str, Any]], settings: Mapping[str, Any], client: Any) -> Iterator[dict[str, Any]]:
    """Results of extracting ``items`` on ``client``'s cluster, in completion order."""
    from distributed import as_completed

    if client is None:
        raise ConfigError("the dask engine needs a client (khabar.batch.dask.make_client)")
    size = max(1, int(settings.get("batch_size") or 16))
    threads = max(1, sum(client.nthreads().values()))
    window = 2 * threads
    plain = dict(settings)
    it = iter(items)

    def batches() -> Iterator[list[dict[str, Any]]]:
        while True:
            b = list(islice(it, size))
            if not b:
                return
            yield b

    gen = enumerate(batches())
    ac = as_completed()
    inflight = 0
    for k, b in islice(gen, window):
        ac.add(client.submit(process_partition, b, plain, k, pure=False))
        inflight += 1
    while inflight:
        fut = next(ac)
        inflight -= 1
        results = fut.result()
        fut.release()
        nxt = next(gen, None)
        if nxt is not None:
            ac.add(client.submit(process_partition, nxt[1], plain, nxt[0], pure=False))
            inflight += 1
        yield from results
