"""Jobs of the runner."""
