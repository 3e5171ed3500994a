"""Text spans → states and IGOs, with roles valid on a date; places from an offline gazetteer."""
