"""Benchmarks run by hand (`python -m bench.<name>`); they report numbers and assert nothing."""
