"""Analyses over stored data: pure functions, DataFrame in → DataFrame out."""
