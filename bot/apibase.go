package bot

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// apiBase is a RoundTripper that sends the session's REST calls, which
// discordgo addresses to https://discord.com/api/..., to another base
// address instead (config discord.api_base: a rate-limit proxy).
//
// discordgo builds its URLs from package-level variables (EndpointAPI and
// the ones derived from it at init). Rewriting those would have to redo
// every derived one, would change every session in the process and race
// with any running in parallel (tests). Rewriting in the session's own
// transport changes only that session and needs no change to the client.
// GET /gateway is a REST call like the others, so the gateway URL is asked
// of the proxy too, and the websocket dials whatever address it returns.
type apiBase struct {
	next http.RoundTripper
	host string // discord.com, from discordgo.EndpointDiscord
	base string // scheme://host[:port][/path], no trailing slash
}

// NewAPIBase wraps next (nil: http.DefaultTransport) so that requests to
// Discord's REST API go to base, which stands in for https://discord.com/api:
// https://discord.com/api/v9/channels/1/messages is sent to
// base+"/v9/channels/1/messages". Other requests pass unchanged.
func NewAPIBase(next http.RoundTripper, base string) (http.RoundTripper, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || u.RawQuery != "" {
		return nil, errors.New("discord api base: want an absolute http(s) URL without userinfo or query")
	}
	discord, err := url.Parse(discordgo.EndpointDiscord)
	if err != nil {
		return nil, fmt.Errorf("discordgo endpoint: %w", err)
	}
	if next == nil {
		next = http.DefaultTransport
	}
	return &apiBase{next: next, host: discord.Host, base: strings.TrimRight(base, "/")}, nil
}

// RoundTrip implements http.RoundTripper. The response carries the original
// request, so that the layers above (the limiter's routes and logs, the
// client's redirects) keep seeing Discord's paths.
func (a *apiBase) RoundTrip(req *http.Request) (*http.Response, error) {
	rest, ok := a.apiPath(req.URL)
	if !ok {
		return a.next.RoundTrip(req)
	}
	target, err := url.Parse(a.base + rest)
	if err != nil {
		return nil, fmt.Errorf("discord api base: %w", err)
	}
	target.RawQuery = req.URL.RawQuery
	out := req.Clone(req.Context())
	out.URL = target
	out.Host = ""
	resp, err := a.next.RoundTrip(out)
	if resp != nil {
		resp.Request = req
	}
	return resp, err
}

// apiPath returns the escaped path after /api of a request to Discord's
// REST API.
func (a *apiBase) apiPath(u *url.URL) (string, bool) {
	if u.Scheme != "https" || !strings.EqualFold(u.Host, a.host) {
		return "", false
	}
	p := u.EscapedPath()
	if p != "/api" && !strings.HasPrefix(p, "/api/") {
		return "", false
	}
	return strings.TrimPrefix(p, "/api"), true
}
