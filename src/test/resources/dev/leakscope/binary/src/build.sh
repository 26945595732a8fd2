#!/bin/sh
# Builds the test binaries of DwarfSymbolsTest (committed next to this directory), then records what
# go tool pprof names each of their addresses: ../../../../../../scripts/dwarf-goldens.py.
set -e
cd "$(dirname "$0")"
g++ -O2 -gdwarf-4 store.cc retain.cc -o ../store-dwarf4
g++ -O2 -gdwarf-5 -gz=zlib store.cc retain.cc -o ../store-dwarf5-zlib
g++ -O0 -gdwarf-2 store.cc retain.cc -o ../store-dwarf2-O0
g++ -O2 -g -fno-pie -no-pie store.cc retain.cc -o ../store-nopie
