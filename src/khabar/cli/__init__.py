"""The khabar command line (Typer)."""
