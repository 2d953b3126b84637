"""Metrics against gold data, one module per task: extraction, dates, attributions, stories; ``metrics``
holds the measures they share. Outside the library: nothing in it imports ``evaluate``."""
