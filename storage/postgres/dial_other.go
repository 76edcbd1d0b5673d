//go:build !linux

package postgres

import "syscall"

// setUserTimeout does nothing where TCP_USER_TIMEOUT does not exist; the
// keepalives and the lock's check deadlines still apply.
func setUserTimeout(network, address string, c syscall.RawConn) error { return nil }
