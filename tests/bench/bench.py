"""Throughput and memory benchmark of the notices pipeline. A script, not a test.

    .venv/bin/python tests/bench/bench.py [--scale N] [--workdir DIR] [--profile PAGES]

Builds two corpora of page files on disk from the seed pages and the labelled notices,
times a floor (read + decode + one regex scan) against the full pipeline
(`notices.pipeline.extract_page` per file), measures peak memory over growing shares of the
corpus (each in a fresh process), and prints a report beside the targets. Single process: the
targets are per core. See tests/bench/README.md for what the figures mean.
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import platform
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # measure the checkout's package

from tabulate import tabulate  # noqa: E402

SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
MIXES = ("news", "dense")
MIX_TITLES = {"news": "news-dominant", "dense": "notice-dense"}
NOTICES_PER_SCALE = 30  # notice-dense mix: 30 × scale notices (30,000 at the default scale)
SHARES = (0.1, 0.5, 1.0)
TARGETS = {"news_mb_s": 50.0, "dense_notices_s": 3000.0}
MB = 1_000_000  # throughput in decimal MB/s; memory in MiB
MIB = 1 << 20


# ---------------------------------------------------------------------------- corpus

@dataclass
class Mix:
    name: str
    files: list[Path]
    size: int  # input bytes
    placed: int  # notices written into the pages (gold records), 0 when unknown


def source_digest() -> str:
    """Changes when the seeds or the labelled notices change: a kept corpus is rebuilt then."""
    digest = hashlib.sha256()
    for path in sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*.txt")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def news_paragraphs() -> list[str]:
    """Paragraphs of the news pages without any anchor word: filler between notices."""
    from notices.segment import ANCHOR

    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            paragraph = paragraph.strip()
            if 60 <= len(paragraph) <= 600 and not ANCHOR.search(paragraph) and "公告" not in paragraph:
                found.append(paragraph)
    return found


def labelled_notices() -> list[tuple[str, int]]:
    """(text, gold record count) of every labelled notice."""
    notices = []
    for path in sorted(CORPUS.glob("*.txt")):
        gold_path = path.with_suffix(".json")
        gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
        notices.append((path.read_text(encoding="utf-8").strip(), len(gold) if isinstance(gold, list) else 1))
    return notices


def build_news(directory: Path, scale: int) -> Mix:
    """The seed pages as they are, each copied `scale` times."""
    directory.mkdir(parents=True, exist_ok=True)
    seeds = [(path.name, path.read_bytes()) for path in sorted(SEEDS.glob("*.txt"))]
    files, size = [], 0
    for copy in range(scale):
        for name, data in seeds:
            target = directory / f"{copy:05d}_{name}"
            target.write_bytes(data)
            files.append(target)
            size += len(data)
    return Mix("news", files, size, scale * len(list(CORPUS.glob("seed-*.txt"))))  # seed-*: page 001's notices


def build_dense(directory: Path, scale: int, seed: int = 2026) -> Mix:
    """Pages of 20–40 labelled notices each, in random order, a news paragraph now and then."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    notices, news = labelled_notices(), news_paragraphs()
    files, size, placed, written = [], 0, 0, 0
    while written < NOTICES_PER_SCALE * scale:
        parts = [rng.choice(news)] if news else []
        for _ in range(rng.randint(20, 40)):
            text, records = rng.choice(notices)
            parts.append(text)
            written += 1
            placed += records
            if news and rng.random() < 0.15:
                parts.append(rng.choice(news))
        data = ("\n\n".join(parts) + "\n").encode("utf-8")
        target = directory / f"{len(files):05d}_dense.txt"
        target.write_bytes(data)
        files.append(target)
        size += len(data)
    return Mix("dense", files, size, placed)


def corpus(workdir: Path, scale: int) -> tuple[dict[str, Mix], float, bool]:
    """Both mixes under workdir: built, or reused when workdir holds the same build."""
    manifest_path = workdir / "manifest.json"
    key = {"scale": scale, "sources": source_digest(), "notices_per_scale": NOTICES_PER_SCALE}
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("key") == key and all(Path(p).exists() for m in manifest["mixes"].values()
                                               for p in m["files"][-1:]):
            mixes = {name: Mix(name, [Path(p) for p in m["files"]], m["size"], m["placed"])
                     for name, m in manifest["mixes"].items()}
            return mixes, 0.0, True
    started = time.perf_counter()
    mixes = {"news": build_news(workdir / "news", scale), "dense": build_dense(workdir / "dense", scale)}
    manifest = {"key": key, "mixes": {name: {"files": [str(p) for p in m.files], "size": m.size,
                                             "placed": m.placed} for name, m in mixes.items()}}
    manifest_path.write_text(json.dumps(manifest))
    for name, mix in mixes.items():  # file lists for the memory runs' child processes
        (workdir / f"{name}.list").write_text("\n".join(str(p) for p in mix.files) + "\n")
    return mixes, time.perf_counter() - started, False


# ---------------------------------------------------------------------------- timing

@dataclass
class Timing:
    stage: str
    seconds: float
    pages: int
    size: int
    notices: int | None


def read_decode(files: list[Path]) -> Timing:
    started = time.perf_counter()
    size = 0
    for path in files:
        data = path.read_bytes()
        data.decode("utf-8")
        size += len(data)
    return Timing("read + decode", time.perf_counter() - started, len(files), size, None)


def read_decode_scan(files: list[Path]) -> Timing:
    """The floor: the bytes read, decoded, and scanned once with the segmenter's anchor regex."""
    from notices.segment import ANCHOR

    started = time.perf_counter()
    size = hits = 0
    for path in files:
        data = path.read_bytes()
        for _ in ANCHOR.finditer(data.decode("utf-8")):
            hits += 1
        size += len(data)
    return Timing("read + decode + ANCHOR scan (baseline)", time.perf_counter() - started, len(files), size, None)


def full_pipeline(files: list[Path]) -> tuple[Timing, int]:
    """extract_page per file; each page's records are counted and dropped."""
    from notices.pipeline import extract_page

    started = time.perf_counter()
    size = notices = errors = 0
    for path in files:
        result = extract_page(path)
        notices += len(result.notices)
        errors += result.error is not None
        size += path.stat().st_size
    elapsed = time.perf_counter() - started
    return Timing("full pipeline (extract_page)", elapsed, len(files), size, notices), errors


def best_of(runs: int, measure, files):
    return min((measure(files) for _ in range(runs)), key=lambda timing: timing.seconds)


def warm_up() -> None:
    """Load what the pipeline loads once (OpenCC dictionaries, compiled rules) before timing."""
    from notices.pipeline import extract_page

    for path in sorted(SEEDS.glob("*.txt")):
        extract_page(path)
    sample = "\n\n".join(text for text, _ in labelled_notices())
    from notices.pipeline import extract_text

    extract_text(sample)


# ---------------------------------------------------------------------------- memory

def maxrss_bytes() -> int:
    """getrusage's ru_maxrss. On Linux a child process starts from its parent's peak (the peak
    survives fork and exec), so it is a floor set by the benchmark's own process, not the child's."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024  # bytes on macOS, KiB on Linux


def peak_rss_bytes() -> int | None:
    """This process's own peak resident set (Linux VmHWM), or None where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def memory_child(list_file: str, count: int) -> None:
    """Run in a fresh process: the pipeline over the first `count` files, one page at a time."""
    import tracemalloc

    from notices.pipeline import extract_page

    files = Path(list_file).read_text().split("\n")[:count]
    seeds = sorted(SEEDS.glob("*.txt"))
    extract_page(next(SEEDS.glob("001_*.txt"), seeds[0]))  # the page with notices: dictionaries, rules loaded
    rss_before = peak_rss_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    notices = 0
    for path in files:
        result = extract_page(path)
        notices += len(result.notices)
        del result
    seconds = time.perf_counter() - started
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({"pages": len(files), "notices": notices, "seconds": seconds, "peak": peak,
                      "retained": current, "maxrss": maxrss_bytes(), "hwm": peak_rss_bytes(), "hwm_before": rss_before}))


def memory_run(workdir: Path, mix: Mix, share: float) -> dict:
    count = max(1, round(len(mix.files) * share))
    done = subprocess.run([sys.executable, __file__, "--memory-child", str(workdir / f"{mix.name}.list"), str(count)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"memory run failed ({mix.name}, {share:.0%}):\n{done.stderr}")
    return {"share": share, **json.loads(done.stdout.strip().splitlines()[-1])}


def is_flat(runs: list[dict]) -> bool:
    """Flat: the traced peak and what is left allocated at 100% are within 25% (or 2 MiB) of
    those at 10%, and so is the peak RSS (or 4 MiB)."""
    first, last = runs[0], runs[-1]
    peak_ok = last["peak"] <= max(1.25 * first["peak"], first["peak"] + 2 * MIB)
    retained_ok = last["retained"] <= max(1.25 * first["retained"], first["retained"] + 2 * MIB)
    rss_ok = not (first["hwm"] and last["hwm"]) or last["hwm"] <= max(1.25 * first["hwm"], first["hwm"] + 4 * MIB)
    return peak_ok and retained_ok and rss_ok


# ---------------------------------------------------------------------------- profile

def profile(files: list[Path], top: int = 15) -> tuple[list[list], list[list], float]:
    """The pipeline over `files` under cProfile: the top functions by cumulative and by own time."""
    from notices.pipeline import extract_page

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for path in files:
        extract_page(path)
    profiler.disable()
    elapsed = time.perf_counter() - started
    stats = pstats.Stats(profiler).stats  # (file, line, name) → (primitive calls, calls, own, cumulative, callers)
    rows = [(where, calls, own, cumulative) for where, (_, calls, own, cumulative, _) in stats.items()]

    def table(key: int) -> list[list]:
        chosen = sorted(rows, key=lambda row: row[key], reverse=True)[:top]
        return [[short_name(where), calls, f"{own:.3f}", f"{cumulative:.3f}"] for where, calls, own, cumulative in chosen]

    return table(3), table(2), elapsed


def short_name(where: tuple[str, int, str]) -> str:
    file, line, name = where
    if file == "~":
        return name  # a builtin, e.g. <method 'finditer' of '_regex.Pattern' objects>
    path = Path(file)
    try:
        file = str(path.relative_to(ROOT))
    except ValueError:
        parts = path.parts
        file = "/".join(parts[parts.index("site-packages") + 1:]) if "site-packages" in parts else path.name
    return f"{file}:{line}({name})"


# ---------------------------------------------------------------------------- report

def machine() -> list[list[str]]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import regex

    return [["python", f"{platform.python_implementation()} {platform.python_version()}"],
            ["platform", platform.platform()],
            ["cpu", f"{cpu}; {os.cpu_count()} CPUs ({usable} usable); 1 used"],
            ["regex", regex.__version__]]


def rate(amount: float, seconds: float) -> str:
    return f"{amount / seconds:,.1f}" if seconds > 0 else "-"


def throughput_rows(title: str, timings: list[Timing], baseline: Timing) -> list[list]:
    rows = []
    for timing in timings:
        rows.append([title, timing.stage, timing.pages, f"{timing.seconds:.3f}", rate(timing.pages, timing.seconds),
                     rate(timing.size / MB, timing.seconds),
                     "" if timing.notices is None else rate(timing.notices, timing.seconds),
                     f"{timing.seconds / baseline.seconds:.1f}×"])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=1000,
                        help="copies of each seed page (news mix); the notice-dense mix gets 30 × N notices "
                             "(default 1000: 5,000 news pages, 30,000 notices; 50 for a quick run)")
    parser.add_argument("--workdir", type=Path,
                        help="where the corpus is written and kept (reused when it matches); default: a temporary "
                             "directory, removed afterwards")
    parser.add_argument("--profile", type=int, default=0, metavar="PAGES",
                        help="also profile the pipeline (cProfile) over the first PAGES pages of each mix")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    parser.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        memory_child(args.memory_child[0], int(args.memory_child[1]))
        return 0
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    if not SEEDS.is_dir() or not CORPUS.is_dir():
        print(f"bench: needs the seed pages in {SEEDS} and the labelled notices in {CORPUS}", file=sys.stderr)
        return 2
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        return run(args.workdir.resolve(), args)
    with tempfile.TemporaryDirectory(prefix="notices-bench-") as workdir:
        return run(Path(workdir), args)


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run(workdir: Path, args) -> int:
    started = time.perf_counter()
    progress(f"corpus at scale {args.scale} in {workdir}")
    mixes, build_seconds, reused = corpus(workdir, args.scale)
    progress("corpus reused" if reused else f"corpus built in {build_seconds:.1f} s")
    warm_up()

    throughput, results = [], {}
    for name in MIXES:
        mix = mixes[name]
        progress(f"timing {MIX_TITLES[name]}: {len(mix.files):,} pages")
        read_decode(mix.files)  # the files in the page cache for every stage alike
        floor = best_of(3, read_decode, mix.files)
        baseline = best_of(3, read_decode_scan, mix.files)
        full, errors = full_pipeline(mix.files)
        results[name] = (baseline, full, errors)
        throughput += throughput_rows(MIX_TITLES[name], [floor, baseline, full], baseline)

    memory: dict[str, list[dict]] = {}
    if not args.no_memory:
        for name in MIXES:
            progress(f"memory {MIX_TITLES[name]}: " + ", ".join(f"{s:.0%}" for s in SHARES))
            memory[name] = [memory_run(workdir, mixes[name], share) for share in SHARES]

    profiles = {}
    if args.profile:
        for name in MIXES:
            progress(f"profile {MIX_TITLES[name]}: {min(args.profile, len(mixes[name].files))} pages")
            profiles[name] = profile(mixes[name].files[:args.profile])

    print("\nnotices pipeline benchmark\n")
    print(tabulate(machine(), tablefmt="plain"))
    print()
    print(tabulate([[MIX_TITLES[name], f"{len(m.files):,}", f"{m.size / MB:,.1f}",
                     f"{results[name][1].notices:,}", f"{m.placed:,}",
                     results[name][2]] for name, m in mixes.items()],
                   headers=["corpus (scale %d)" % args.scale, "pages", "MB", "notices found", "notices placed",
                            "unreadable"], tablefmt="github"))
    print(f"\nbuilt in {build_seconds:.1f} s" if not reused else "\ncorpus reused from --workdir")
    print("\nthroughput (one process; files in the page cache; baseline = read + decode + one ANCHOR scan)\n")
    print(tabulate(throughput, headers=["mix", "stage", "pages", "s", "pages/s", "MB/s", "notices/s", "time ÷ baseline"],
                   tablefmt="github", disable_numparse=True))

    if memory:
        print("\npeak memory over growing shares of the corpus (each a fresh process; records dropped per page)\n")
        rows = []
        for name, runs in memory.items():
            for run_ in runs:
                rows.append([MIX_TITLES[name], f"{run_['share']:.0%}", f"{run_['pages']:,}", f"{run_['notices']:,}",
                             f"{run_['seconds']:.1f}", f"{run_['peak'] / MIB:.1f}", f"{run_['retained'] / MIB:.2f}",
                             mib(run_["hwm"]), mib(run_["hwm"] - run_["hwm_before"] if run_["hwm"] else None),
                             mib(run_["maxrss"])])
        print(tabulate(rows, headers=["mix", "share", "pages", "notices", "s (traced)", "tracemalloc peak MiB",
                                      "retained MiB", "peak RSS MiB", "RSS growth MiB", "ru_maxrss MiB*"],
                       tablefmt="github", disable_numparse=True))
        print("\npeak RSS: the child's own (Linux VmHWM); RSS growth: during the pages, after imports and one warm-up page."
              "\n* ru_maxrss: on Linux a child inherits its parent's peak across fork and exec, so it cannot read below"
              "\n  this benchmark process's own peak.")

    news_full, dense_full = results["news"][1], results["dense"][1]
    news_mb_s = news_full.size / MB / news_full.seconds
    dense_notices_s = dense_full.notices / dense_full.seconds
    targets = [["news-dominant throughput", f"≥ {TARGETS['news_mb_s']:.0f} MB/s", f"{news_mb_s:,.1f} MB/s",
                verdict(news_mb_s >= TARGETS["news_mb_s"])],
               ["notice-dense throughput", f"≥ {TARGETS['dense_notices_s']:,.0f} notices/s",
                f"{dense_notices_s:,.0f} notices/s", verdict(dense_notices_s >= TARGETS["dense_notices_s"])]]
    if memory:
        for name, runs in memory.items():
            peaks = " → ".join(f"{r['peak'] / MIB:.1f}" for r in runs)
            rss = " → ".join(mib(r["hwm"]) for r in runs)
            targets.append([f"memory, {MIX_TITLES[name]}", "flat as the corpus grows",
                            f"traced peak {peaks} MiB, peak RSS {rss} MiB at "
                            f"{' / '.join(f'{s:.0%}' for s in SHARES)}", verdict(is_flat(runs))])
    print("\ntargets (per core)\n")
    print(tabulate(targets, headers=["target", "wanted", "measured", ""], tablefmt="github", disable_numparse=True))

    for name, (by_cumulative, by_own, seconds) in profiles.items():
        pages = min(args.profile, len(mixes[name].files))
        for order, rows in (("cumulative", by_cumulative), ("own", by_own)):
            print(f"\nprofile, {MIX_TITLES[name]} ({pages} pages, {seconds:.1f} s under cProfile): top 15 by {order} time\n")
            print(tabulate(rows, headers=["function", "calls", "own s", "cumulative s"], tablefmt="github",
                           disable_numparse=True))
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    return 0


def mib(amount: int | None) -> str:
    return "-" if amount is None else f"{amount / MIB:.1f}"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


if __name__ == "__main__":
    sys.exit(main())
