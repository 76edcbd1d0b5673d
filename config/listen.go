package config

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// checkListen says what is wrong with a [bot] listen address: it must be
// host:port with a port from 1 to 65535 (port 0 would pick one nobody can
// scrape); the host may be empty for every interface.
func checkListen(addr string) error {
	if addr == "" {
		return nil // no server
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%q is not host:port (write \"127.0.0.1:9090\", or \":9090\" for every interface)", addr)
	}
	if strings.ContainsAny(host, " /") {
		return fmt.Errorf("%q: %q is not a host name or IP address", addr, host)
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 {
		return fmt.Errorf("%q: the port must be a number from 1 to 65535", addr)
	}
	return nil
}

// listenURL is the http:// URL of path on the server of a [bot] listen
// address, as a client on the same host reaches it: an address that
// listens on every interface ("", 0.0.0.0, ::) is asked on loopback.
func listenURL(addr, path string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return ""
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return (&url.URL{Scheme: "http", Host: net.JoinHostPort(host, port), Path: path}).String()
}
