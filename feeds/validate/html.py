"""HTML checks for content (being written)."""
