"""Reading inputs: files, standard input and HTML pages into text plus metadata."""

from khabar.ingest.read import RawInput, decode_bytes, read_input

__all__ = ["RawInput", "decode_bytes", "read_input"]
