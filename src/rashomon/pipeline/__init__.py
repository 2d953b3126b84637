"""Running stages: serially, or over the cores with one model load per worker process."""
