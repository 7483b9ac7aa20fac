"""Writers: each renders the feed model into one format's bytes, and nothing else."""
