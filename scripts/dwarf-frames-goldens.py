#!/usr/bin/env python3
"""Records what GNU addr2line (-i -f -C) says about every address of a binary's code.

For each binary: asks `addr2line -i -f -C -e BINARY` about each byte of the executable segment and
writes runs of consecutive addresses that get the same answer: `start end` (hex, end exclusive)
followed by the frames, innermost first, as `function<TAB>file<TAB>line` joined by ` | ` (`-` for
none). DwarfFramesTest compares leakscope's own symbolization with these.

usage: scripts/dwarf-frames-goldens.py OUT_DIR BINARY...
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

goldens = import_module("dwarf-goldens")
exec_segment = goldens.exec_segment
write_runs = goldens.write_runs


def answers(binary):
    _, vaddr, size = exec_segment(binary)
    # a sentinel address after each one marks where its (variable-length) answer ends
    sentinel = "0x0"
    query = "".join("0x%x\n%s\n" % (a, sentinel) for a in range(vaddr, vaddr + size))
    out = subprocess.run(["addr2line", "-i", "-f", "-C", "-a", "-e", binary], input=query,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    result = {}
    i = 0
    addr = None
    frames = []
    while i < len(out):
        line = out[i]
        if line.startswith("0x"):
            value = int(line, 16)
            if value == 0 and addr is not None:
                result[addr] = frames
                addr = None
                # the sentinel's own answer: one frame (two lines)
                i += 3
                continue
            addr = value
            frames = []
            i += 1
            continue
        func, fileline = line, out[i + 1]
        i += 2
        fileline = re.sub(r" \(discriminator \d+\)$", "", fileline)
        if func == "??" and fileline.startswith("??:"):
            continue
        file, _, ln = fileline.rpartition(":")
        frames.append("%s\t%s\t%s" % ("" if func == "??" else func, "" if file == "??" else file,
                                     "0" if ln in ("?", "") else ln))
    return result


def main():
    out_dir = sys.argv[1]
    for binary in sys.argv[2:]:
        name = os.path.basename(binary)
        text = {addr: " | ".join(frames) or "-" for addr, frames in answers(binary).items()}
        write_runs(os.path.join(out_dir, name + ".inline"),
                   "# addr2line -i -f -C %s: start end frames (see scripts/dwarf-frames-goldens.py)" % name, text)


if __name__ == "__main__":
    main()
