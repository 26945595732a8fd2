#!/bin/sh
# Builds the seeds of the fuzz targets ObjectFileFuzzTest#open (small ELF files, DWARF 2, 4 and 5,
# 32- and 64-bit, zlib-compressed sections, and a few broken variants) and DwarfFuzzTest#decode (the
# DWARF sections of those files in that target's input layout), from tiny.c and tiny2.c.
set -e
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
elf=../ObjectFileFuzzTestInputs/open
dwarf=../DwarfFuzzTestInputs/decode
mkdir -p "$elf" "$dwarf"
build() { # name, gcc flags...
  name=$1
  shift
  gcc -O2 -nostdlib -static -fno-asynchronous-unwind-tables -fdebug-prefix-map="$PWD"=/src \
    -Wl,-n,--build-id=none,--no-warn-rwx-segments "$@" tiny.c tiny2.c -o "$work/$name"
  strip --strip-all --keep-section='.debug_*' -R .comment "$work/$name"
  cp "$work/$name" "$elf/$name"
}
build tiny-dwarf2 -gdwarf-2
build tiny-dwarf4 -gdwarf-4
build tiny-dwarf5 -gdwarf-5
build tiny-dwarf5-zlib -gdwarf-5 -gz=zlib
build tiny32-dwarf4 -m32 -gdwarf-4
build tiny32-dwarf5 -m32 -gdwarf-5
python3 - "$work" "$elf" "$dwarf" <<'PY'
import os, struct, subprocess, sys
work, elf, dwarf = sys.argv[1:]
def variant(src, name, edit):
    b = bytearray(open(f"{elf}/{src}", "rb").read())
    edit(b)
    open(f"{elf}/{name}", "wb").write(b)
# broken variants: cut in half; big-endian header on little-endian data; a compressed .debug_info
# that claims 2^40 bytes
variant("tiny-dwarf4", "tiny-dwarf4-truncated", lambda b: b.__delitem__(slice(len(b) // 2, None)))
variant("tiny-dwarf4", "tiny-dwarf4-bigendian", lambda b: b.__setitem__(5, 2))
def claim(b):
    shoff, = struct.unpack_from("<Q", b, 40)
    shnum, shstrndx = struct.unpack_from("<HH", b, 60)
    names = struct.unpack_from("<Q", b, shoff + shstrndx * 64 + 24)[0]
    for i in range(shnum):
        h = shoff + i * 64
        name = b[names + struct.unpack_from("<I", b, h)[0]:].split(b"\0")[0]
        if name == b".debug_info":
            off = struct.unpack_from("<Q", b, h + 24)[0]
            struct.pack_into("<Q", b, off + 8, 1 << 40)
variant("tiny-dwarf5-zlib", "tiny-dwarf5-zlib-claims-2p40", claim)
# DwarfFuzzTest layout: per section a 16-bit length (0xffff: absent) and its bytes, then addresses
sections = ["info", "abbrev", "str", "line", "ranges", "addr", "line_str", "str_offsets", "rnglists"]
for name in ["tiny-dwarf2", "tiny-dwarf4", "tiny-dwarf5", "tiny32-dwarf5"]:
    out = bytearray()
    for s in sections:
        path = f"{work}/{name}.{s}"
        subprocess.run(["objcopy", "--dump-section", f".debug_{s}={path}", f"{work}/{name}", f"{work}/junk"],
                       capture_output=True)
        if not os.path.exists(path):
            out += struct.pack("<H", 0xffff)
            continue
        data = open(path, "rb").read()
        out += struct.pack("<H", len(data)) + data
    b = open(f"{work}/{name}", "rb").read()
    entry = struct.unpack_from("<Q", b, 24)[0] if b[4] == 2 else struct.unpack_from("<I", b, 24)[0]
    for k in range(12):
        out += struct.pack("<Q", entry + 8 * k)
    open(f"{dwarf}/{name}", "wb").write(out)
PY
