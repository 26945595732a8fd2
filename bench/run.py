#!/usr/bin/env python3
"""Whole-process benchmark of leakscope against `go tool pprof` and the gunzip floor.

Generates the tiers of ../shared/bench (fixed seeds) into bench/out/ when missing, runs each
command several times (after one warm-up run), and prints a Markdown table of median wall time,
median CPU time (user + system: the figure to trust on a busy machine) and peak resident memory
(from /usr/bin/time), then the issue's same-run ratios (S top against pprof, top against the JVM
floor of ../shared/bench/FloorProbe.java scan, diff against top of the current file alone).

    bench/run.py                 # tiers M and L, 3 runs each
    bench/run.py --tiers S M L XL --runs 5
    bench/run.py --no-pprof      # leakscope and floors only
    bench/run.py --trend-count 100   # also trend over 100 M snapshots (generated once into bench/out/M100/)
    (trend is timed on the six-snapshot series of --trend-tier, default L)

On a machine whose speed drifts (a shared or virtual one), medians of runs made one command after
another swing by tens of percent between commands. --alternate N runs the goals' commands in turn
instead (top -n 20, FloorProbe scan, diff -n 20 of each tier; go tool pprof -top on S), N rounds after
a warm-up one, so that a drift slows them alike, and prints their medians and the same-run ratios;
--old-jar JAR adds top and diff of another build (run through src/main/dist/bin/leakscope with
LEAKSCOPE_JAR=JAR), to compare two builds in the same runs:

    bench/run.py --alternate 15 --tiers L
    bench/run.py --alternate 7 --tiers XL --old-jar /tmp/before.jar
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
OUT = os.path.join(HERE, "out")
LEAKSCOPE = os.path.join(ROOT, "leakscope")
DIST_LAUNCHER = os.path.join(ROOT, "src", "main", "dist", "bin", "leakscope")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def generate(tier):
    prefix = os.path.join(OUT, tier)
    if not os.path.exists(prefix + ".cur.pb.gz"):
        os.makedirs(OUT, exist_ok=True)
        print(f"generating tier {tier}...", file=sys.stderr)
        sh([sys.executable, os.path.join(SHARED, "genprofile.py"), "--tier", tier, "--seed", "1",
            "--pair", prefix], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return prefix


def series(tier, n=6):
    """n snapshots of one tier for trend: the base, then growth steps (seeds 2..n)."""
    prefix = os.path.join(OUT, f"{tier}.series")
    files = [os.path.join(OUT, f"{tier}.series.{k}.pb.gz") for k in range(n)]
    if not all(os.path.exists(f) for f in files):
        base = generate(tier) + ".base.pb.gz"
        shutil.copy(base, files[0])
        for k in range(1, n):
            sh([sys.executable, os.path.join(SHARED, "genprofile.py"), "--tier", tier, "--seed", str(k + 1),
                "--grow-from", "1", "-o", files[k]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return files


def long_series(tier, n):
    """n snapshots of one tier an hour apart for trend over a long series, in bench/out/TIERn/: the base,
    then snapshots derived from it (seeds 2..n) whose leaks grow from 2x to 8x (truths kept aside)."""
    d = os.path.join(OUT, f"{tier}{n}")
    files = [os.path.join(d, f"{tier}.{k:03d}.pb.gz") for k in range(n)]
    if not all(os.path.exists(f) for f in files):
        os.makedirs(os.path.join(d, "truth"), exist_ok=True)
        print(f"generating {n} snapshots of tier {tier}...", file=sys.stderr)
        shutil.copy(generate(tier) + ".base.pb.gz", files[0])
        for k in range(1, n):
            if not os.path.exists(files[k]):
                tmp = files[k] + ".tmp"
                sh([sys.executable, os.path.join(SHARED, "genprofile.py"), "--tier", tier, "--seed", str(k + 1),
                    "--grow-from", "1", "--growth", str(2 + 6 * (k - 1) // max(1, n - 2)),
                    "--interval", str(3600 * k), "-o", tmp,
                    "--truth", os.path.join(d, "truth", f"{k:03d}.json")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                os.replace(tmp, files[k])
    return files


def floor_probe():
    """The command running FloorProbe (compiled into bench/out/floorprobe once), or None without javac."""
    classes = os.path.join(OUT, "floorprobe")
    if not os.path.exists(os.path.join(classes, "FloorProbe.class")):
        if shutil.which("javac") is None:
            return None
        sh(["javac", "-d", classes, os.path.join(SHARED, "FloorProbe.java")])
    return ["java", "-cp", classes, "FloorProbe"]


def measure(cmd, runs):
    """Median wall seconds, median CPU seconds (user + system) and max RSS (MiB) of cmd over runs,
    after one warm-up."""
    walls, cpus, rss = [], [], []
    for i in range(runs + 1):
        with tempfile.NamedTemporaryFile("r") as t:
            r = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name] + cmd,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, TZ="UTC"))
            if r.returncode not in (0, 1):
                return None
            wall, user, system, kb = t.read().split()[-4:]
        if i > 0:
            walls.append(float(wall))
            cpus.append(float(user) + float(system))
            rss.append(int(kb) / 1024)
    return statistics.median(walls), statistics.median(cpus), max(rss)


def ratio(rows, tier, a, b, label):
    """One line: row a over row b of the tier (leakscope's figures, or pprof's for a pprof row)."""
    found = {name: m for t, name, m, _ in rows if t == tier and m}
    pprof = {name: g for t, name, _, g in rows if t == tier and g}
    x = found.get(a)
    y = pprof.get(b[len("pprof "):]) if b.startswith("pprof ") else found.get(b)
    if x and y:
        print(f"- {tier}: {label}: {x[0] / y[0]:.2f}x wall, {x[1] / y[1]:.2f}x CPU")


def timed(cmd, env=None):
    """Wall and CPU seconds (user + system) of one run of cmd."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def alternate(tiers, rounds, have_pprof, old_jar):
    """The goals' commands run in turn, rounds times after a warm-up round: medians and same-run ratios."""
    probe = floor_probe()
    builds = [("", [LEAKSCOPE], None)]
    if old_jar:
        builds.append((" (old)", [DIST_LAUNCHER], dict(os.environ, LEAKSCOPE_JAR=os.path.abspath(old_jar))))
    cases = []
    for tier in tiers:
        p = generate(tier)
        base, cur = p + ".base.pb.gz", p + ".cur.pb.gz"
        for suffix, launcher, env in builds:
            cases.append((f"{tier} top{suffix}", launcher + ["top", "-n", "20", cur], env))
            cases.append((f"{tier} diff{suffix}", launcher + ["diff", "-n", "20", base, cur], env))
        if probe:
            cases.append((f"{tier} floor", probe + ["scan", cur], None))
        if have_pprof and tier == "S":
            cases.append((f"{tier} pprof", ["go", "tool", "pprof", "-top", "-nodecount=20", cur], None))
    runs = {name: [] for name, _, _ in cases}
    for r in range(rounds + 1):
        for name, cmd, env in cases:
            t = timed(cmd, env)
            if r > 0:
                runs[name].append(t)
    print(f"| command | median wall | median CPU | least wall |  ({rounds} alternating rounds)")
    print("| --- | ---: | ---: | ---: |")
    wall = {}
    for name, ts in runs.items():
        wall[name] = statistics.median(w for w, _ in ts)
        print(f"| {name} | {wall[name]:.3f} s | {statistics.median(c for _, c in ts):.3f} s | {min(w for w, _ in ts):.3f} s |")
    print()
    for tier in tiers:
        for suffix, _, _ in builds:
            for a, b, label in [("top", "pprof", "top / go tool pprof -top (goal <= 2.5 on S)"),
                                ("top", "floor", "top / FloorProbe scan (goal <= 2.0 on L, XL)"),
                                ("diff", "top" + suffix, "diff / top (goal <= 1.3)")]:
                x, y = wall.get(f"{tier} {a}{suffix}"), wall.get(f"{tier} {b}")
                if x and y:
                    print(f"- {tier}{suffix}: {label}: {x / y:.2f}x")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiers", nargs="+", default=["M", "L"])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-pprof", action="store_true")
    ap.add_argument("--trend-tier", default="L", help="tier whose six-snapshot series trend is timed on (none: no such row)")
    ap.add_argument("--trend-count", type=int, default=0, metavar="N",
                    help="also time trend over N snapshots of tier M, against one M top (0: not)")
    ap.add_argument("--alternate", type=int, default=0, metavar="N",
                    help="the goals' commands in turn, N rounds: medians and same-run ratios (no table)")
    ap.add_argument("--old-jar", metavar="JAR", help="with --alternate: also top and diff of this build")
    a = ap.parse_args()
    have_pprof = not a.no_pprof and shutil.which("go") is not None
    if a.alternate:
        alternate(a.tiers, a.alternate, have_pprof, a.old_jar)
        return
    rows = []
    probe = floor_probe()
    m = measure([LEAKSCOPE, "--version"], a.runs)
    rows.append(("-", "start-up: --version", m, None))
    for tier in a.tiers:
        p = generate(tier)
        base, cur = p + ".base.pb.gz", p + ".cur.pb.gz"
        truth = json.load(open(p + ".truth.json"))
        leak = truth["leaks"][0]
        cases = [
            ("top", [LEAKSCOPE, "top", "-n", "20", cur],
             ["go", "tool", "pprof", "-top", "-nodecount=20", cur]),
            ("diff", [LEAKSCOPE, "diff", "-n", "20", base, cur],
             ["go", "tool", "pprof", "-top", "-nodecount=20", "-base", base, cur]),
            ("list", [LEAKSCOPE, "list", leak["list_regex"], cur],
             ["go", "tool", "pprof", "-list=" + leak["list_regex"], cur]),
            ("focus", [LEAKSCOPE, "focus", leak["focus_regex"], cur],
             ["go", "tool", "pprof", "-top", "-focus=" + leak["focus_regex"], cur]),
            ("floor: gzip -dc", ["gzip", "-dc", cur], None),
        ]
        if probe:
            cases.append(("floor: FloorProbe scan", probe + ["scan", cur], None))
        if tier == a.trend_tier:
            cases.append(("trend (6 snapshots)", [LEAKSCOPE, "trend"] + series(tier), None))
        for name, ls, pp in cases:
            m = measure(ls, a.runs)
            g = measure(pp, max(1, a.runs // 2) if tier in ("L", "XL") else a.runs) if pp and have_pprof else None
            rows.append((tier, name, m, g))
            print(tier, name, m, g, file=sys.stderr)
    if a.trend_count:
        files = long_series("M", a.trend_count)
        for name, cmd in [("top", [LEAKSCOPE, "top", "-n", "20", files[-1]]),
                          (f"trend ({a.trend_count} snapshots)", [LEAKSCOPE, "trend"] + files)]:
            m = measure(cmd, a.runs)
            rows.append((f"M{a.trend_count}", name, m, None))
            print(f"M{a.trend_count}", name, m, file=sys.stderr)
    print("| tier | report | leakscope wall | CPU | peak RSS | pprof wall | CPU | peak RSS | speed-up | memory ratio |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for tier, name, m, g in rows:
        if m is None:
            print(f"| {tier} | {name} | (failed) | | | | | | | |")
            continue
        cells = [f"{m[0]:.2f} s", f"{m[1]:.2f} s", f"{m[2]:.0f} MiB"]
        if g:
            cells += [f"{g[0]:.2f} s", f"{g[1]:.2f} s", f"{g[2]:.0f} MiB", f"{g[0] / m[0]:.1f}x", f"1/{g[2] / m[2]:.1f}"]
        else:
            cells += ["", "", "", "", ""]
        print(f"| {tier} | {name} | " + " | ".join(cells) + " |")
    print()
    for tier in a.tiers:
        ratio(rows, tier, "top", "pprof top", "top / go tool pprof -top (goal <= 2.5 on S)")
        ratio(rows, tier, "top", "floor: FloorProbe scan", "top / FloorProbe scan (goal <= 2.0 on L, XL)")
        ratio(rows, tier, "diff", "top", "diff / top (goal <= 1.3)")
    if a.trend_count:
        tier = f"M{a.trend_count}"
        ratio(rows, tier, f"trend ({a.trend_count} snapshots)", "top", "trend / one M top (goal <= 60 for 100)")
        trend = {name: m for t, name, m, _ in rows if t == tier and m}.get(f"trend ({a.trend_count} snapshots)")
        if trend:
            print(f"- {tier}: trend peak RSS {trend[2]:.0f} MiB (goal <= 3072 MiB for 100)")


if __name__ == "__main__":
    main()
