package feeds

import (
	"net/http"
	"time"
)

// Defaults used when an Options field is zero.
const (
	DefaultUserAgent    = "wirewatch (+https://github.com/wirewatch/wirewatch; feed reader)"
	DefaultTimeout      = 20 * time.Second
	DefaultDialTimeout  = 10 * time.Second
	DefaultMaxBodyBytes = 10 << 20
	DefaultPerHost      = 2
	DefaultConcurrency  = 8
	maxRedirects        = 5
)

// Options configure the HTTP side of feed polling and page fetching.
type Options struct {
	UserAgent    string
	Timeout      time.Duration // whole request, body included
	DialTimeout  time.Duration
	MaxBodyBytes int64 // larger bodies are refused with an error, never truncated
	PerHost      int   // requests in flight per host
	Concurrency  int   // requests in flight overall
	// Transport replaces the guarded transport; nil means the default guarded
	// transport. Tests may inject one; it is then used as is (no address guard).
	Transport http.RoundTripper
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.DialTimeout <= 0 {
		o.DialTimeout = DefaultDialTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.PerHost <= 0 {
		o.PerHost = DefaultPerHost
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	return o
}
