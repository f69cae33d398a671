"""The public, read-only API under /api/v1/: published feedback and aggregates for anyone to reuse."""
