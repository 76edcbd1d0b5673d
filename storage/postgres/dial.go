package postgres

import (
	"net"
	"time"
)

// TCP settings of every connection: keepalive probes after keepAliveIdle of
// silence, every keepAliveInterval, keepAliveCount of them; and a user
// timeout, after which data the server has not acknowledged breaks the
// connection instead of waiting for the kernel's retransmissions (about
// 15 minutes). The lock connection asks the server for the same.
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
