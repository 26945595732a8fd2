// debug1series: a small Go program whose session store never evicts, for leakscope's tests of
// series that mix heap profile forms. After each of six phases it writes the same heap profile
// twice, as Go's legacy text (/debug/pprof/heap?debug=1) and as profile.proto (?debug=0). The
// garbage collector is off until the first snapshot is written, so heap_0 is taken before anything
// was freed: its text header says in-use equals allocated, and pprof gives it two sample types
// (objects, space) instead of four.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
)

// sessions is the leak: every request's session, never evicted.
var sessions [][]byte

// table is steady state: built once, kept, never grows.
var table [][]byte

// sink keeps each request's scratch buffer only until the next one.
var sink []byte

func buildTable() {
	for i := 0; i < 512; i++ {
		table = append(table, make([]byte, 4096))
	}
}

func rememberSession() {
	sessions = append(sessions, make([]byte, 2048))
}

func render() {
	sink = make([]byte, 8192)
}

func handle(requests int) {
	for i := 0; i < requests; i++ {
		render()
		rememberSession()
	}
}

func snapshot(dir string, phase int) {
	for _, form := range []struct {
		name  string
		debug int
	}{{fmt.Sprintf("heap_%d.debug1.txt", phase), 1}, {fmt.Sprintf("heap_%d.pb.gz", phase), 0}} {
		f, err := os.Create(filepath.Join(dir, form.name))
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.Lookup("heap").WriteTo(f, form.debug); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	}
}

func main() {
	dir := flag.String("o", ".", "directory for the profiles")
	flag.Parse()
	debug.SetGCPercent(-1) // no collection before the first snapshot
	buildTable()
	handle(8000)
	snapshot(*dir, 0)
	debug.SetGCPercent(100)
	for phase := 1; phase < 6; phase++ {
		handle(16000)
		runtime.GC() // the heap profile shows the heap as of the last collection
		snapshot(*dir, phase)
	}
}
