package postgres

import (
	"fmt"
	"net"
	"time"
)

// TCP settings of every connection: keepalive probes after keepAliveIdle of
// silence, every keepAliveInterval, keepAliveCount of them; and a user
// timeout, after which data the server has not acknowledged breaks the
// connection instead of waiting for the kernel's retransmissions (about
// 15 minutes). Every session asks the server for the same (serverSide).
const (
	keepAliveIdle     = 5 * time.Second
	keepAliveInterval = 2 * time.Second
	keepAliveCount    = 3
	userTimeout       = 10 * time.Second
)

// dialer makes connections with those settings.
func dialer() *net.Dialer {
	return &net.Dialer{
		KeepAliveConfig: net.KeepAliveConfig{Enable: true, Idle: keepAliveIdle, Interval: keepAliveInterval, Count: keepAliveCount},
		Control:         setUserTimeout,
	}
}

// idleInTransaction is how long the server keeps a session that sits idle
// inside a transaction: a replica cut off mid-transaction holds no row
// locks (an election's, say) for longer.
const idleInTransaction = 30 * time.Second

// serverSide asks the server, at start-up of each session, to probe the
// client the same way and to end a session idle inside a transaction; a
// setting the database address gives already is kept.
func serverSide(params map[string]string) {
	for k, v := range map[string]string{
		"tcp_keepalives_idle":                 fmt.Sprint(int(keepAliveIdle.Seconds())),
		"tcp_keepalives_interval":             fmt.Sprint(int(keepAliveInterval.Seconds())),
		"tcp_keepalives_count":                fmt.Sprint(keepAliveCount),
		"tcp_user_timeout":                    fmt.Sprint(userTimeout.Milliseconds()),
		"idle_in_transaction_session_timeout": fmt.Sprint(idleInTransaction.Milliseconds()),
	} {
		if _, set := params[k]; !set {
			params[k] = v
		}
	}
}
