#!/usr/bin/env python3
"""Writes a large JVM class histogram in jcmd's JDK 17 layout, for decode benchmarks:
bench/gen-histogram.py CLASSES OUT (deterministic: the same CLASSES give the same file).
A mix like a big application's: JDK classes with a module column, arrays ([B, [Ljava...;),
application classes and inner classes without one, lambdas with the address hidden classes carry."""
import random
import sys


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(1)
    rows = []
    for i in range(n):
        kind = i % 10
        if kind == 0:
            name = "[Lcom.example.gen.p%d.Type%d;" % (i % 97, i)
        elif kind == 1:
            name = "com.example.gen.p%d.Outer%d$Inner" % (i % 97, i)
        elif kind == 2:
            name = "com.example.gen.p%d.Handler%d$$Lambda$%d/0x%016x" % (i % 97, i, i, 0x7f0000000000 + i * 8)
        elif kind == 3:
            name = "jdk.internal.gen.Internal%d (java.base@17.0.15)" % i
        else:
            name = "com.example.gen.p%d.Service%d" % (i % 97, i)
        count = rnd.randint(1, 200000)
        rows.append((count, count * rnd.choice((16, 24, 32, 48, 64, 128)), name))
    rows.sort(key=lambda r: -r[1])
    with open(out, "w") as f:
        f.write("4242:\n num     #instances         #bytes  class name (module)\n")
        f.write("-------------------------------------------------------\n")
        for k, (count, size, name) in enumerate(rows, 1):
            f.write("%4d: %13d %13d  %s\n" % (k, count, size, name))
        f.write("Total %13d %13d\n" % (sum(r[0] for r in rows), sum(r[1] for r in rows)))


if __name__ == "__main__":
    main()
