"""Scale-out: run extraction on a Dask distributed cluster (the ``dask`` extra).

Only plain records cross processes: items go to workers as dicts, and
:func:`khabar.batch.dask.process_partition` returns SPEC records (dicts) or
error dicts; the client writes them to the store.
"""

from khabar.batch.dask import process_partition

__all__ = ["process_partition"]
