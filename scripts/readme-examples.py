#!/usr/bin/env python3
"""Re-runs the examples of README.md and puts their real output in place.

An example is a fenced block whose lines starting with "$ " are commands (run from the repository
root with bash, TZ=UTC); the lines after each command, up to the next command or the end of the
block, are replaced by what it printed (stdout and stderr). Blocks without a "$ ./leakscope"
command are left alone.

    scripts/readme-examples.py          # rewrite README.md
    scripts/readme-examples.py --check  # exit 1 if any example is out of date
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)


def run(command):
    env = dict(os.environ, TZ="UTC", NO_COLOR="1")
    r = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True)
    return r.stdout + r.stderr


def refresh(block):
    lines = block.splitlines(keepends=True)
    if not any(l.startswith("$ ./leakscope") for l in lines):
        return block
    out = []
    for line in lines:
        if line.startswith("$ "):
            out.append(line)
            out.append(run(line[2:].strip()))
    return "".join(out)


def main():
    # built first: a rebuild's progress lines ("leakscope: building ...") are no example's output
    run("./leakscope --version")
    path = os.path.join(ROOT, "README.md")
    text = open(path).read()
    new = BLOCK.sub(lambda m: "```" + m.group(1) + "\n" + (refresh(m.group(2)) if not m.group(1) else m.group(2))
                    + "```\n", text)
    if "--check" in sys.argv:
        if new != text:
            sys.exit("readme-examples: README.md's examples are out of date (run scripts/readme-examples.py)")
        return
    open(path, "w").write(new)


if __name__ == "__main__":
    main()
