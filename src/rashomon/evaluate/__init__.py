"""Metrics against gold data, one module per task: extraction, dates (and later attributions, stories)."""
