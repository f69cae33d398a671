"""The public, read-only API under /api/v1/ and the open-data downloads (docs/decisions/0011)."""
