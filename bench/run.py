"""The performance targets, measured: one line per target with the figure, the baseline
measured in the same run, the ratio and the target.

    python bench/run.py                       # 2,000 journeys + 5,000 opportunities
    python bench/run.py --journeys 200 --opportunities 500 --repeat 1   # a quick look
    python bench/run.py --only render --journeys 300 --opportunities 750  # render alone

Every figure is the median wall time of fresh processes (no warm imports or caches
carried over), and peak memory is the maximum resident size of that process.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # run as a script: make `bench` importable

from bench.generate import generate  # noqa: E402

PYTHON = sys.executable
JOURNEYOPS = [PYTHON, "-m", "journeyops"]
TODAY = ["--today", "2026-11-24"]

CSAFE = """
import pathlib, sys, yaml
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.y*ml")):
    list(yaml.load_all(path.read_bytes(), Loader=yaml.CSafeLoader))
"""
READ = """
import pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.y*ml")):
    path.read_bytes()
"""
LOAD_OR_SCORE = """
import sys, time
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import load_workspace
from journeyops.scoring.run import score
source = DiskSource(__import__("pathlib").Path(sys.argv[1]))
started = time.perf_counter()
load_workspace(source) if sys.argv[2] == "load" else score(source)
print(time.perf_counter() - started)
"""


@dataclass
class Run:
    seconds: float
    peak_mb: float


def measure(command: list[str], repeat: int, before: Callable[[], None] | None = None) -> Run:
    """Median wall time and largest peak memory of `repeat` fresh processes."""
    times, peaks = [], []
    for _ in range(repeat):
        if before is not None:
            before()
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT
        )
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - started)
        peaks.append(usage.ru_maxrss / 1024)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            errors = process.stderr.read().decode() if process.stderr else ""
            raise SystemExit(f"{' '.join(command)} failed: {errors}")
    return Run(statistics.median(times), max(peaks))


def inner_seconds(kind: str, workspace: Path, repeat: int) -> float:
    """Time of loading (or scoring) measured inside a fresh process, without start-up."""
    values = []
    for _ in range(repeat):
        done = subprocess.run(
            [PYTHON, "-c", LOAD_OR_SCORE, str(workspace), kind],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        values.append(float(done.stdout.strip()))
    return statistics.median(values)


def check_jsonschema(workspace: Path) -> list[list[str]] | None:
    tool = shutil.which("check-jsonschema", path=str(Path(PYTHON).parent)) or shutil.which(
        "check-jsonschema"
    )
    if tool is None:
        return None
    commands = []
    for kind, folder in (
        ("journey", "journeys"),
        ("opportunity", "opportunities"),
        ("insight", "insights"),
        ("persona", "personas"),
    ):
        files = sorted(str(p) for p in (workspace / folder).glob("*.yaml"))
        commands.append(
            [tool, "--schemafile", str(ROOT / "schemas" / f"{kind}.schema.json"), *files]
        )
    return commands


def measure_all(commands: list[list[str]], repeat: int) -> Run:
    runs = [measure(c, repeat) for c in commands]
    return Run(sum(r.seconds for r in runs), max(r.peak_mb for r in runs))


def git(repository: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", *args],
        cwd=repository,
        check=True,
        capture_output=True,
    )


def review_repository(workspace: Path, work: Path) -> Path:
    """The workspace in a git repository at two commits, `base` and `head`: a pull request
    that retitles 20 journeys, lifts a step's emotion in each, and changes the reach of 50
    opportunities (so the ranking moves)."""
    repository = work / f"repo-{workspace.name}"
    if (repository / ".git").exists():
        return repository
    shutil.copytree(workspace, repository, ignore=shutil.ignore_patterns(".journeyops-cache"))
    git(repository, "init", "-q")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "base")
    git(repository, "tag", "base")
    for number in range(1, 21):
        path = repository / "journeys" / f"journey-{number}.yaml"
        text = path.read_text().replace(f"number {number}\n", f"number {number}, revised\n")
        path.write_text(text.replace("emotion: -2", "emotion: 1", 1))
    for number in range(50):
        path = repository / "opportunities" / f"opportunity-{number}.yaml"
        path.write_text(path.read_text().replace("  reach: ", "  reach: 9", 1))
    git(repository, "commit", "-q", "-am", "review")
    git(repository, "tag", "head")
    return repository


def bench_diff(args: argparse.Namespace, workspace: Path, cold: Run) -> None:
    """`diff` of two commits of the large workspace, the validation delta of both included,
    against a cold validate of it."""
    repository = review_repository(workspace, args.work)
    diffed = measure([*JOURNEYOPS, "diff", "base", "head", str(repository)], args.repeat)
    line(
        "diff of two revisions vs cold",
        f"{diffed.seconds:.2f}s",
        f"cold validate {cold.seconds:.2f}s",
        diffed.seconds / cold.seconds,
        "<= 2.2",
        diffed.seconds <= 2.2 * cold.seconds,
    )


def bench_render(args: argparse.Namespace, workspace: Path, no_cache: Run) -> None:
    """`render` of the same workspace: cold (no cache, an empty folder) against a cold
    `validate --no-cache`, its peak memory and the overview's size; unchanged (the cache and
    the site of an earlier render) against cold; and one journey changed (for information)."""
    if shutil.which("dot") is None:
        line("cold render vs validate --no-cache", "skipped", "install graphviz", None, "", None)
        return
    out = args.work / "site"
    render = [*JOURNEYOPS, "render", str(workspace), "--out", str(out)]

    def empty() -> None:
        shutil.rmtree(out, ignore_errors=True)
        # The deletion of the last site reaches the disk now, not while the next render
        # creates its 9,000 files (on this machine's ext4, that doubled the render's time).
        os.sync()

    cold = measure([*render, "--no-cache"], args.repeat, before=empty)
    line(
        "cold render vs validate --no-cache",
        f"{cold.seconds:.2f}s",
        f"validate --no-cache {no_cache.seconds:.2f}s",
        cold.seconds / no_cache.seconds,
        "<= 2.0",
        cold.seconds <= 2.0 * no_cache.seconds,
    )
    measure(render, 1)  # fill the cache and record the site
    unchanged = measure(render, args.repeat)
    line(
        "unchanged re-render",
        f"{unchanged.seconds:.2f}s",
        f"cold render {cold.seconds:.2f}s",
        unchanged.seconds / cold.seconds,
        "<= 0.15",
        unchanged.seconds <= 0.15 * cold.seconds,
    )
    line(
        "peak memory, cold render",
        f"{cold.peak_mb:.0f}MB",
        "",
        None,
        "<= 400MB",
        cold.peak_mb <= 400,
    )
    size = (out / "index.html").stat().st_size / 1e6
    line("index.html after the cold render", f"{size:.2f}MB", "", None, "<= 1.5MB", size <= 1.5)
    changed = workspace / "journeys" / "journey-1.yaml"
    original = changed.read_bytes()
    changed.write_bytes(original.replace(b"number 1\n", b"number 1, edited\n", 1))
    try:
        started = time.perf_counter()
        done = subprocess.run([*render, "-f", "json"], capture_output=True, check=False, cwd=ROOT)
        seconds = time.perf_counter() - started
    finally:
        changed.write_bytes(original)
        measure(render, 1)  # the site as the workspace is again
    written = len(json.loads(done.stdout)["written"]) if done.stdout else 0
    line(
        "  one journey changed: re-render",
        f"{seconds:.2f}s",
        f"cold render {cold.seconds:.2f}s",
        seconds / cold.seconds,
        f"({written} written)",
        None,
    )


def measure_parallel(commands: list[list[str]], repeat: int) -> Run:
    """Median wall time of running `commands` all at once, until the last one ends."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        running = [subprocess.Popen(c, cwd=ROOT, stdout=subprocess.DEVNULL) for c in commands]
        if any(p.wait() != 0 for p in running):
            raise SystemExit("dot failed on the benchmark's diagrams")
        times.append(time.perf_counter() - started)
    return Run(statistics.median(times), 0.0)


def line(  # noqa: PLR0917 - one printed column per argument, read like a table row
    name: str, figure: str, baseline: str, ratio: float | None, target: str, ok: bool | None
) -> None:
    verdict = "" if ok is None else ("PASS" if ok else "MISS")
    shown = "-" if ratio is None else f"{ratio:.2f}"
    print(f"{name:<34} {figure:>10}  {baseline:<34} {shown:>6}  {target:<12} {verdict}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--journeys", type=int, default=2000)
    parser.add_argument("--opportunities", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    parser.add_argument(
        "--only", choices=["render"], help="measure only the render targets (and their baseline)"
    )
    return parser.parse_args()


def main() -> None:
    args = parse_args()

    # An installed package has its bytecode compiled; an editable one under
    # PYTHONDONTWRITEBYTECODE would compile every edited module on each start instead.
    compileall.compile_dir(HERE.parent / "journeyops", quiet=1)
    workspace = args.work / f"ws-{args.journeys}-{args.opportunities}-{args.seed}"
    if not (workspace / "journeyops.yaml").exists():
        generate(workspace, args.journeys, args.opportunities, args.seed)
    if args.only == "render":
        print(f"median of {args.repeat} runs; {os.cpu_count()} cores")
        validate = [*JOURNEYOPS, "validate", str(workspace), *TODAY, "--no-cache"]
        bench_render(args, workspace, measure(validate, args.repeat))
        return
    cache = workspace / ".journeyops-cache"
    changed = workspace / "journeys" / "journey-1.yaml"
    original = changed.read_bytes()
    size = sum(p.stat().st_size for p in workspace.rglob("*.yaml")) / 1e6
    print(
        f"workspace: {args.journeys} journeys, {args.opportunities} opportunities, {size:.1f} MB; "
        f"median of {args.repeat} runs; {os.cpu_count()} cores; Python {sys.version.split()[0]}"
    )
    print(
        f"{'target':<34} {'figure':>10}  {'baseline (same run)':<34} {'ratio':>6}  {'target':<12}"
    )

    validate = [*JOURNEYOPS, "validate", str(workspace), *TODAY]
    read = measure([PYTHON, "-c", READ, str(workspace)], args.repeat)
    csafe = measure([PYTHON, "-c", CSAFE, str(workspace)], args.repeat)
    cold = measure(validate, args.repeat, before=lambda: shutil.rmtree(cache, ignore_errors=True))
    no_cache = measure([*validate, "--no-cache"], args.repeat)
    line(
        "cold validate vs CSafeLoader parse",
        f"{cold.seconds:.2f}s",
        f"CSafeLoader {csafe.seconds:.2f}s (read {read.seconds:.2f}s)",
        cold.seconds / csafe.seconds,
        "<= 1.0",
        cold.seconds <= csafe.seconds,
    )
    line(
        "  same with --no-cache",
        f"{no_cache.seconds:.2f}s",
        f"CSafeLoader {csafe.seconds:.2f}s",
        no_cache.seconds / csafe.seconds,
        "<= 1.0",
        no_cache.seconds <= csafe.seconds,
    )

    commands = check_jsonschema(workspace)
    if commands is None:
        line(
            "check-jsonschema / cold validate",
            "skipped",
            "pip install check-jsonschema",
            None,
            ">= 4.0",
            None,
        )
    else:
        baseline = measure_all(commands, 1)
        line(
            "check-jsonschema / cold validate",
            f"{cold.seconds:.2f}s",
            f"check-jsonschema {baseline.seconds:.2f}s",
            baseline.seconds / cold.seconds,
            ">= 4.0",
            baseline.seconds >= 4 * cold.seconds,
        )

    measure(validate, 1)  # fill the cache
    warm = measure(validate, args.repeat)
    line(
        "warm validate (nothing changed)",
        f"{warm.seconds:.2f}s",
        f"cold {cold.seconds:.2f}s",
        warm.seconds / cold.seconds,
        "<= 0.10",
        warm.seconds <= 0.10 * cold.seconds,
    )

    edits = iter(range(1_000_000))

    def touch() -> None:
        """A real edit, not a comment: a new title and a persona added to or taken off the
        journey, so the file's facts change and every cross-file check runs again."""
        n = next(edits)
        personas = b"personas: [persona-1, persona-6" + (b", persona-2]" if n % 2 else b"]")
        edited = original.replace(b"personas: [persona-1, persona-6]", personas)
        changed.write_bytes(edited.replace(b"number 1\n", f"number 1, edit {n}\n".encode()))

    one = measure(validate, args.repeat, before=touch)
    changed.write_bytes(original)
    line(
        "one file changed, warm otherwise",
        f"{one.seconds:.2f}s",
        f"cold {cold.seconds:.2f}s",
        one.seconds / cold.seconds,
        "<= 0.15",
        one.seconds <= 0.15 * cold.seconds,
    )
    line(
        "peak memory, cold validate",
        f"{cold.peak_mb:.0f}MB",
        "",
        None,
        "<= 400MB",
        cold.peak_mb <= 400,
    )

    load = inner_seconds("load", workspace, args.repeat)
    scored = inner_seconds("score", workspace, args.repeat)
    line(
        "score vs loading",
        f"{scored:.2f}s",
        f"loading {load:.2f}s",
        scored / load,
        "<= 1.10",
        scored <= 1.10 * load,
    )
    bench_diff(args, workspace, cold)
    bench_render(args, workspace, no_cache)


if __name__ == "__main__":
    main()
