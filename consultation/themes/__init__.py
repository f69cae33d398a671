"""Themes in what people said: found offline, reviewed by analysts, traced to responses."""
