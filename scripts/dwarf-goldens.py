#!/usr/bin/env python3
"""Records what `go tool pprof` names every address of a binary's code, as runs of addresses.

For each binary: writes a legacy heap profile with one sample per byte of the executable segment
(mapped at a fixed base), symbolizes it with `go tool pprof -raw BINARY PROFILE`, and writes runs of
consecutive file addresses that get the same frame: `start end function<TAB>file<TAB>line` (hex, end
exclusive; `-` for no frame). DwarfSymbolsTest compares leakscope's symbolization with these.

usage: scripts/dwarf-goldens.py OUT_DIR BINARY...
"""
import os
import re
import subprocess
import sys
import tempfile

BASE = 0x10000000


def exec_segment(binary):
    out = subprocess.run(["readelf", "-lW", binary], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == "LOAD" and "E" in f[6:-1]:
            return int(f[1], 16), int(f[2], 16), int(f[5], 16)
    raise SystemExit("no executable segment in " + binary)


def frames(binary):
    offset, vaddr, size = exec_segment(binary)
    start = BASE + vaddr
    with tempfile.TemporaryDirectory() as tmp:
        prof = os.path.join(tmp, "all.heap")
        with open(prof, "w") as f:
            f.write("heap profile: %d: %d [%d: %d] @ heapprofile\n" % (size, size, size, size))
            for a in range(vaddr, vaddr + size):
                # the legacy parser takes 1 from each address (a return address) before symbolizing
                f.write("1: 1 [1: 1] @ 0x%x\n" % (BASE + a + 1))
            f.write("\nMAPPED_LIBRARIES:\n")
            f.write("%x-%x r-xp %08x 00:00 0 %s\n" % (start, start + size, offset, os.path.abspath(binary)))
        raw = subprocess.run(["go", "tool", "pprof", "-raw", binary, prof], capture_output=True, text=True,
                             check=True, env=dict(os.environ, TZ="UTC")).stdout
    result = {}
    in_locations = False
    for line in raw.splitlines():
        if line == "Locations":
            in_locations = True
            continue
        if line == "Mappings":
            break
        if not in_locations:
            continue
        m = re.match(r"\s*\d+: 0x([0-9a-f]+) M=\d+ ?(.*)$", line)
        if not m:
            raise SystemExit("unexpected line: " + line)
        addr = int(m.group(1), 16) - BASE
        rest = m.group(2)
        if not rest:
            result[addr] = "-"
            continue
        lm = re.match(r"(.*) (\S*):(-?\d+) s=0$", rest)
        if not lm:
            raise SystemExit("unexpected frame: " + line)
        result[addr] = "%s\t%s\t%s" % (lm.group(1), lm.group(2), lm.group(3))
    return result


def write_runs(path, header, answers):
    """Writes answers (text by address) as runs of consecutive addresses with the same text."""
    runs = []
    for addr in sorted(answers):
        if runs and runs[-1][1] == addr and runs[-1][2] == answers[addr]:
            runs[-1][1] = addr + 1
        else:
            runs.append([addr, addr + 1, answers[addr]])
    with open(path, "w") as f:
        f.write(header + "\n")
        for start, end, text in runs:
            f.write("%x %x %s\n" % (start, end, text))


def main():
    out_dir = sys.argv[1]
    for binary in sys.argv[2:]:
        name = os.path.basename(binary)
        write_runs(os.path.join(out_dir, name + ".frames"),
                   "# go tool pprof -raw %s: start end frame (see scripts/dwarf-goldens.py)" % name, frames(binary))


if __name__ == "__main__":
    main()
