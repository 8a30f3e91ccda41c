# tests/bench holds a benchmark script (bench.py), not tests: pytest collects nothing here.
collect_ignore_glob = ["*"]
