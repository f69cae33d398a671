"""Feedback given before the portal or outside it: imports from the earlier forms, and records made by staff."""
