#!/usr/bin/env python3
"""Times every bad input as a whole process: the bad-input matrix of the tests, plus the large
hostile inputs that are too big to build in a unit test. Prints a Markdown table (case, exit code,
wall seconds, peak RSS) and fails if a case exits with the wrong code, takes over 10 s or over 2 GiB.

    scripts/bad-input-times.py           # on this machine as it is
    scripts/bad-input-times.py --busy    # with one core kept busy by a spinning process

Run `./leakscope --version` once first (it builds the jar). Inputs are made under
target/bad-input-times/ (the large ones once, then reused).
"""
import gzip
import os
import subprocess
import sys
import tarfile
import time
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "bad-input-times")
LIMIT_SECONDS = 10
LIMIT_KB = 2 << 20
VALID = os.path.join(ROOT, "testdata", "map-cache", "heap_5.pb.gz")

# A repeated valid field of profile.proto: comment (13) = string 0, two bytes an entry.
COMMENTS = b"\x68\x00"


def dump_matrix():
    """The cases of BadInputMatrixTest, written by its dumpCases hook: [(name, exit, args, cwd)]."""
    out = os.path.join(WORK, "matrix")
    subprocess.run(["rm", "-rf", out], check=True)
    subprocess.run(["mvn", "-B", "-ntp", "-o", "-q", "test", "-Dtest=BadInputMatrixTest#dumpCases",
                    "-Dsurefire.failIfNoSpecifiedTests=false", "-Dleakscope.matrix.dump=" + out],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    cases = []
    for d in sorted(os.listdir(out)):
        path = os.path.join(out, d)
        if not os.path.exists(os.path.join(path, "case.args")):
            continue  # skipped by an assumption (e.g. running as root)
        read = lambda f: open(os.path.join(path, f), encoding="utf-8").read()
        cases.append((read("case.name"), int(read("case.exit")), read("case.args").split("\0"), path))
    return cases


def make(name, write):
    path = os.path.join(WORK, name)
    if not os.path.exists(path):
        write(path + ".tmp")
        os.rename(path + ".tmp", path)
    return path


def gzip_of_comments(mib):
    def write(path):
        chunk = COMMENTS * (1 << 19)  # 1 MiB
        with gzip.open(path, "wb", compresslevel=9) as f:
            for _ in range(mib):
                f.write(chunk)
    return write


def raw_comments(mib, packed):
    def write(path):
        with open(path, "wb") as f:
            if packed:  # one length-delimited field 13 holding mib MiB of zero varints
                n, length = mib << 20, b""
                while True:
                    length += bytes([(n & 0x7F) | (0x80 if n > 0x7F else 0)])
                    n >>= 7
                    if not n:
                        break
                f.write(b"\x6a" + length)
                block = bytes(1 << 20)
            else:
                block = COMMENTS * (1 << 19)
            for _ in range(mib):
                f.write(block)
    return write


def zip_member(mib):
    def write(path):
        zero = bytes(1 << 20)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            with z.open("heap.pb", "w", force_zip64=True) as m:
                for _ in range(mib):
                    m.write(zero)
    return write


def tar_of_text(members):
    def write(path):
        data = b"not a profile\n"
        with tarfile.open(path, "w") as t:
            for i in range(members):
                info = tarfile.TarInfo(f"notes/{i}.txt")
                info.size = len(data)
                t.addfile(info, fileobj=__import__("io").BytesIO(data))
    return write


def large_cases():
    os.makedirs(WORK, exist_ok=True)
    top = lambda f, *more: ["top", f, *more]
    return [
        ("gzip of 4 GiB of comment indexes", 2, top(make("comments-4g.pb.gz", gzip_of_comments(4096))), WORK),
        ("gzip of 256 MiB of comment indexes", 2, top(make("comments-256m.pb.gz", gzip_of_comments(256))), WORK),
        ("raw 64 MiB of comment indexes", 2, top(make("comments-64m.pb", raw_comments(64, False))), WORK),
        ("raw 64 MiB packed comment indexes", 2, top(make("comments-64m-packed.pb", raw_comments(64, True))), WORK),
        ("zip with a 2.2 GiB deflated member", 2, top(make("member-2g.zip", zip_member(2253))), WORK),
        ("tar of 100000 text members", 2, top(make("notes-100k.tar", tar_of_text(100_000))), WORK),
        ("--output /dev/full", 2, top(VALID, "--output", "/dev/full"), WORK),
    ]


def run(name, expected, args, cwd):
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", os.path.join(ROOT, "leakscope"), *args], cwd=cwd,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       env=dict(os.environ, TZ="UTC", NO_COLOR="1"), timeout=120)
    wall = time.monotonic() - start
    lines = p.stderr.decode("utf-8", "replace").splitlines()
    rss_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    message = next((l for l in reversed(lines) if l.startswith("leakscope:")), "")  # the final error
    return p.returncode, wall, rss_kb, message.replace(cwd + "/", "").replace("|", "\\|")[:110]


def main():
    busy = "--busy" in sys.argv[1:]
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if busy else None
    try:
        cases = dump_matrix() + large_cases()
        print(f"| case ({'second core busy' if busy else 'quiet machine'}) | exit | s | peak RSS MB | message |")
        print("| --- | --- | --- | --- | --- |")
        bad, slowest, biggest = [], 0.0, 0
        for name, expected, args, cwd in cases:
            code, wall, rss_kb, message = run(name, expected, args, cwd)
            slowest, biggest = max(slowest, wall), max(biggest, rss_kb)
            flag = "" if code == expected and wall <= LIMIT_SECONDS and rss_kb <= LIMIT_KB else " **!**"
            if flag:
                bad.append(name)
            shown = code if code == expected else f"{code} (want {expected})"
            print(f"| {name}{flag} | {shown} | {wall:.2f} | {rss_kb // 1024} | {message} |", flush=True)
        print(f"\n{len(cases)} cases; slowest {slowest:.2f} s; largest {biggest // 1024} MB peak RSS; "
              f"{'all within' if not bad else 'NOT all within'} {LIMIT_SECONDS} s and 2 GiB with the right exit code")
        return 1 if bad else 0
    finally:
        if spinner:
            spinner.kill()


if __name__ == "__main__":
    sys.exit(main())
