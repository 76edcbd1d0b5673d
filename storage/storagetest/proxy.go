package storagetest

import (
	"bytes"
	"net"
	"sync"
	"testing"
)

// Proxy is a loopback TCP proxy in front of a PostgreSQL server, for tests
// of what a replica does when the network fails. Blackhole makes it stop
// forwarding, in both directions, the connections whose client has sent a
// given text (a query, or an application_name in the startup message),
// without closing them: to the client such a connection just goes silent,
// as after a partition or lost firewall state, while its other connections
// work on.
type Proxy struct {
	target string
	ln     net.Listener

	mu      sync.Mutex
	marks   []string      // texts that black-hole a connection
	stopped chan struct{} // closed when the test ends
	conns   []net.Conn
}

// NewProxy listens on 127.0.0.1 and forwards to target (host:port). It stops
// when the test ends.
func NewProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{target: target, ln: ln, stopped: make(chan struct{})}
	go p.serve()
	t.Cleanup(p.close)
	return p
}

// Addr is the proxy's host:port.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Blackhole stops forwarding each connection, open or to come, whose client
// has sent mark (for example "pg_try_advisory_lock": the leader's lock
// connection), from the next bytes either side sends. An empty mark
// black-holes every connection: the database is gone.
func (p *Proxy) Blackhole(mark string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.marks = append(p.marks, mark)
}

// Restore forwards new connections again, as when the network comes back:
// the marks are forgotten. Connections black-holed before stay silent, as
// after a real partition; their clients must give up on them.
func (p *Proxy) Restore() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.marks = nil
}

func (p *Proxy) close() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	close(p.stopped)
	for _, c := range p.conns {
		c.Close()
	}
}

func (p *Proxy) serve() {
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		go p.forward(client)
	}
}

// link is one proxied connection: what its client sent so far, enough to
// find the marks in.
type link struct {
	mu   sync.Mutex
	sent []byte
}

func (l *link) record(b []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sent = append(l.sent, b...)
	if len(l.sent) > 1<<20 {
		l.sent = l.sent[len(l.sent)-1<<16:]
	}
}

func (p *Proxy) holed(l *link) bool {
	p.mu.Lock()
	marks := p.marks
	p.mu.Unlock()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, m := range marks {
		if bytes.Contains(l.sent, []byte(m)) {
			return true
		}
	}
	return false
}

// forward copies both ways until either side closes or the connection is
// black-holed.
func (p *Proxy) forward(client net.Conn) {
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		client.Close()
		return
	}
	p.mu.Lock()
	select {
	case <-p.stopped:
		p.mu.Unlock()
		client.Close()
		server.Close()
		return
	default:
	}
	p.conns = append(p.conns, client, server)
	p.mu.Unlock()
	l := &link{}
	go p.copy(client, server, l, false)
	p.copy(server, client, l, true)
}

// copy forwards src to dst (recording what the client sends); once the
// connection is black-holed it stops, holding both sides open until the
// test ends.
func (p *Proxy) copy(dst, src net.Conn, l *link, fromClient bool) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if fromClient && n > 0 {
			l.record(buf[:n])
		}
		if p.holed(l) {
			<-p.stopped
			return
		}
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				src.Close()
				return
			}
		}
		if err != nil {
			dst.Close()
			return
		}
	}
}
