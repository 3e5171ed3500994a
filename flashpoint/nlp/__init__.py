"""Language processing: the spaCy pipeline (loaded once per process) and date resolution."""
