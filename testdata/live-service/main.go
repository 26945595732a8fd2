// live-service: a small Go service for leakscope's end-to-end tests of live services. It serves
// net/http/pprof and, on request, leaks memory (/leak?kb=N keeps N KiB for ever) or goroutines
// (/goroutines?n=N starts N goroutines that block for ever sending to a channel nobody reads: the
// fan-out leak). With -control, /leak does the same work and keeps nothing. It prints the address it
// listens on as its first line, then serves until killed.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime"
	"strconv"
)

// sessions is what the leak keeps: every request's buffer, never evicted.
var sessions [][]byte

// sink keeps the control's buffers reachable only until the next request.
var sink []byte

func rememberSession(kb int) {
	for i := 0; i < kb; i++ {
		sessions = append(sessions, make([]byte, 1024))
	}
}

func handleSession(kb int) {
	for i := 0; i < kb; i++ {
		sink = make([]byte, 1024)
	}
}

// queryReplica asks one replica and sends the answer back; when the caller has stopped listening
// (it took the first answer and returned), the send blocks for ever.
func queryReplica(replica int, answers chan<- int) {
	answers <- replica
}

func fanout(n int) {
	answers := make(chan int)
	for i := 0; i < n; i++ {
		go queryReplica(i, answers)
	}
	<-answers // the first answer wins; the others leak
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	control := flag.Bool("control", false, "do the work without leaking")
	flag.Parse()
	runtime.MemProfileRate = 1
	http.HandleFunc("/leak", func(w http.ResponseWriter, r *http.Request) {
		kb, _ := strconv.Atoi(r.URL.Query().Get("kb"))
		if *control {
			handleSession(kb)
		} else {
			rememberSession(kb)
		}
		fmt.Fprintln(w, "ok")
	})
	http.HandleFunc("/goroutines", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		if !*control {
			fanout(n + 1)
		}
		fmt.Fprintln(w, "ok")
	})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("http://%s\n", ln.Addr())
	os.Stdout.Sync()
	log.Fatal(http.Serve(ln, nil))
}
