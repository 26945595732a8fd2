// live-service: a small Go service for leakscope's end-to-end tests of live services. It serves
// net/http/pprof and, on request, leaks memory (/leak?kb=N keeps N KiB for ever) or goroutines
// (/goroutines?n=N starts N goroutines that block for ever sending to a channel nobody reads: the
// fan-out leak). With -control, /leak does the same work and keeps nothing; with -tls, it serves HTTPS
// (a certificate of its own, trusted by nobody). It prints its URL as its first line, then serves until
// killed.
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"flag"
	"fmt"
	"log"
	"math/big"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime"
	"strconv"
	"time"
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

// selfSigned is a certificate for 127.0.0.1 made at start: the tests of TLS need only that the
// service speaks it.
func selfSigned() tls.Certificate {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		log.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), NotBefore: time.Now().Add(-time.Hour),
		NotAfter: time.Now().Add(24 * time.Hour), IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		log.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	control := flag.Bool("control", false, "do the work without leaking")
	useTLS := flag.Bool("tls", false, "serve HTTPS")
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
	scheme := "http"
	if *useTLS {
		scheme = "https"
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{selfSigned()}})
	}
	fmt.Printf("%s://%s\n", scheme, ln.Addr())
	os.Stdout.Sync()
	log.Fatal(http.Serve(ln, nil))
}
