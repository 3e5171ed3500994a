"""Reference vocabularies as data with tiny lookups: CAMEO codes, PLOVER types, topics."""
