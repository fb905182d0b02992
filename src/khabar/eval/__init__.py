"""Scoring predictions against gold annotations (SPEC.md, Gold files and scoring)."""
