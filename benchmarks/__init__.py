"""Benchmarks for the deck builder: synthetic inputs (`generate`) and the runner (`run`).

See docs/performance.md for how to run them and how to read the results.
"""
