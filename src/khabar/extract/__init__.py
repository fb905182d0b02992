"""Extractors: entities, dates, quantities, quotes and attributions — each a function Document -> tuple of records."""
