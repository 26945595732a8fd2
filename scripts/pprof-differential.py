#!/usr/bin/env python3
"""Differential test of `leakscope pprof` against the real `go tool pprof`.

Runs random text-report command lines (reports, node cuts, sample indexes, units, granularities,
focus/ignore/hide/show filters on names the profile has, tag filters, -base/-diff_base) on the
profiles of ../shared/corpus, each through both tools, and reports every case whose standard output
or exit status differs. The golden tests replay fixed command lines; this looks for the combinations
nobody wrote down.

    scripts/pprof-differential.py                 # 200 cases, seed 1
    scripts/pprof-differential.py --cases 1000 --seed 7 --keep /tmp/mismatches

Needs `go` on PATH (Go 1.19, as the corpus's goldens) and the packaged jar (mvn -DskipTests package).
"""
import argparse
import glob
import os
import random
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
LEAKSCOPE = os.path.join(ROOT, "leakscope")


def inputs():
    """(file, [files it can be diffed against]) for every profile pprof reads."""
    groups = []
    for pattern in ("go/*/", "node/*/"):
        for d in sorted(glob.glob(os.path.join(CORPUS, pattern))):
            for kind in ("heap", "allocs", "goroutine"):
                files = sorted(glob.glob(os.path.join(d, kind + "_*.pb.gz")))
                for f in files:
                    groups.append((f, [g for g in files if g != f]))
    testdata = os.path.join(CORPUS, "pprof", "profile", "testdata")
    for name in ("cppbench.contention", "cppbench.cpu", "cppbench.growth", "cppbench.thread",
                 "cppbench.thread.all", "gobench.heap", "java.cpu", "java.heap", "go.crc32.cpu",
                 "go.godoc.thread"):
        f = os.path.join(testdata, name)
        if os.path.exists(f):
            groups.append((f, []))
    return groups


def run(argv, cwd):
    try:
        p = subprocess.run(argv, cwd=cwd, capture_output=True, timeout=120)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", ""


def facts(f):
    """The profile's sample type names and some of its function names (from pprof itself)."""
    _, raw, _ = run(["go", "tool", "pprof", "-raw", f], os.path.dirname(f))
    types = []
    m = re.search(r"^Samples:\n(.*)$", raw, re.M)
    if m:
        types = [t.split("/")[0] for t in m.group(1).split()]
    _, top, _ = run(["go", "tool", "pprof", "-top", "-nodecount=40", f], os.path.dirname(f))
    names = []
    for line in top.splitlines():
        cols = line.split(None, 5)
        if len(cols) == 6 and cols[1].endswith("%"):
            names.append(cols[5].split(" ")[0])
    return types, names


def fragment(rng, name):
    """A regex that matches name: all of it, a package, or the last part."""
    parts = re.split(r"[./(*)]+", name)
    parts = [p for p in parts if p]
    choice = rng.random()
    if choice < 0.3 or not parts:
        return re.escape(name)
    return re.escape(rng.choice(parts))


def case(rng, f, others, types, names):
    args = []
    report = rng.choices(["-top", "-traces", "-tree", "-peek", "-list", "-raw", "-tags"],
                         [60, 6, 10, 8, 6, 4, 6])[0]
    if report in ("-peek", "-list"):
        if not names:
            report = "-top"
        else:
            args.append(report + "=" + fragment(rng, rng.choice(names)))
    if report not in ("-peek", "-list"):
        args.append(report)
    if rng.random() < 0.6:
        args.append("-nodecount=" + str(rng.choice([0, 1, 3, 10, 25, 80])))
    if rng.random() < 0.4:
        args.append("-nodefraction=" + str(rng.choice([0, 0.001, 0.01, 0.05, 0.2])))
    if report in ("-tree", "-peek") and rng.random() < 0.4:
        args.append("-edgefraction=" + str(rng.choice([0, 0.001, 0.01, 0.1])))
    if rng.random() < 0.25:
        args.append("-cum")
    if types and rng.random() < 0.4:
        i = rng.randrange(len(types))
        args.append("-sample_index=" + (types[i] if rng.random() < 0.5 else str(i)))
    if rng.random() < 0.25:
        args.append("-unit=" + rng.choice(["B", "kB", "MB", "GB", "auto", "minimum", "ms", "s"]))
    if rng.random() < 0.3:
        args.append(rng.choice(["-filefunctions", "-files", "-lines", "-addresses", "-functions"]))
    if rng.random() < 0.15:
        args.append("-noinlines")
    for flag in ("-focus", "-ignore", "-hide", "-show", "-show_from", "-prune_from"):
        if names and rng.random() < 0.12:
            args.append(flag + "=" + fragment(rng, rng.choice(names)))
    if rng.random() < 0.08:
        args.append("-tagfocus=" + rng.choice(["1kB:", ":4kB", "64B:1MB", "bytes=512kB:"]))
    if rng.random() < 0.05:
        args.append("-tagignore=" + rng.choice(["1kB:", ":64B"]))
    if rng.random() < 0.08:
        args.append("-mean")
    if rng.random() < 0.08:
        args.append("-relative_percentages")
    if rng.random() < 0.05:
        args.append("-trim=false")
    if others and rng.random() < 0.35:
        base = rng.choice(others)
        args.append(rng.choice(["-base=", "-diff_base="]) + base)
        if rng.random() < 0.3:
            args.append("-normalize")
    rng.shuffle(args)
    return args + [f]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", metavar="DIR", help="write each mismatch's two outputs here")
    a = ap.parse_args()
    if not shutil.which("go"):
        sys.exit("pprof-differential: needs go on PATH")
    rng = random.Random(a.seed)
    groups = inputs()
    known = {}
    mismatches = 0
    for n in range(a.cases):
        f, others = rng.choice(groups)
        if f not in known:
            known[f] = facts(f)
        argv = case(rng, f, others, *known[f])
        cwd = os.path.dirname(f)
        want = run(["go", "tool", "pprof"] + argv, cwd)
        got = run([LEAKSCOPE, "pprof"] + argv, cwd)
        same_exit = (want[0] == 0) == (got[0] == 0) and (want[0] == 0 or got[0] == 1)
        if want[1] == got[1] and same_exit:
            continue
        mismatches += 1
        print(f"MISMATCH {n}: exit {want[0]} vs {got[0]}: go tool pprof {' '.join(argv)}")
        if a.keep:
            os.makedirs(a.keep, exist_ok=True)
            for tag, r in (("pprof", want), ("leakscope", got)):
                with open(os.path.join(a.keep, f"{n}.{tag}"), "w") as out:
                    out.write(f"# exit {r[0]}\n# {' '.join(argv)}\n{r[1]}\n# stderr\n{r[2]}")
    print(f"{a.cases} cases, {mismatches} mismatches")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
