package discordtest

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	for _, v := range []string{"/api/v9", "/api/v10"} {
		mux.HandleFunc("GET "+v+"/gateway", s.handleGatewayURL)
		mux.HandleFunc("GET "+v+"/gateway/bot", s.handleGatewayBot)
		mux.HandleFunc("GET "+v+"/users/@me", s.handleMe)
		mux.HandleFunc("GET "+v+"/channels/{channel}", s.handleChannel)
		mux.HandleFunc("POST "+v+"/channels/{channel}/messages", s.handleCreateMessage)
		mux.HandleFunc("GET "+v+"/channels/{channel}/messages", s.handleListMessages)
		mux.HandleFunc("GET "+v+"/channels/{channel}/messages/{message}", s.handleGetMessage)
		mux.HandleFunc("PATCH "+v+"/channels/{channel}/messages/{message}", s.handleEditMessage)
		mux.HandleFunc("DELETE "+v+"/channels/{channel}/messages/{message}", s.handleDeleteMessage)
		mux.HandleFunc("POST "+v+"/channels/{channel}/messages/{message}/threads", s.handleStartThread)
		mux.HandleFunc("GET "+v+"/applications/{app}/commands", s.handleListCommands)
		mux.HandleFunc("GET "+v+"/applications/{app}/guilds/{guild}/commands", s.handleListCommands)
		mux.HandleFunc("PUT "+v+"/applications/{app}/commands", s.handleBulkCommands)
		mux.HandleFunc("PUT "+v+"/applications/{app}/guilds/{guild}/commands", s.handleBulkCommands)
		mux.HandleFunc("POST "+v+"/applications/{app}/commands", s.handleCreateCommand)
		mux.HandleFunc("POST "+v+"/applications/{app}/guilds/{guild}/commands", s.handleCreateCommand)
		mux.HandleFunc("POST "+v+"/interactions/{id}/{token}/callback", s.handleCallback)
		mux.HandleFunc("POST "+v+"/webhooks/{app}/{token}", s.handleFollowup)
		mux.HandleFunc("GET "+v+"/webhooks/{app}/{token}/messages/{message}", s.handleWebhookMessage)
		mux.HandleFunc("PATCH "+v+"/webhooks/{app}/{token}/messages/{message}", s.handleWebhookMessage)
		mux.HandleFunc("DELETE "+v+"/webhooks/{app}/{token}/messages/{message}", s.handleWebhookMessage)
	}
	mux.HandleFunc("/gateway", s.handleWebsocket)
	mux.HandleFunc("/gateway/", s.handleWebsocket)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/") {
			mux.ServeHTTP(w, r)
			return
		}
		s.serveAPI(w, r, mux)
	})
}

// apiRoute strips /api/vN from a path.
func apiRoute(p string) string {
	rest := strings.TrimPrefix(p, "/api/")
	if i := strings.IndexByte(rest, '/'); i >= 0 && strings.HasPrefix(rest, "v") {
		return rest[i:]
	}
	return p
}

// exemptFromGlobal reports routes that Discord does not count against the
// global limit: interaction callbacks and the interaction webhooks.
func exemptFromGlobal(route string) bool {
	return strings.HasPrefix(route, "/interactions/") || strings.HasPrefix(route, "/webhooks/")
}

func needsAuth(route string) bool {
	return !exemptFromGlobal(route) && route != "/gateway"
}

// serveAPI applies what sits in front of every REST route — authentication,
// injected faults, the global limit — buffers the answer so that a fault can
// drop it after the action took place, and records the request.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, mux http.Handler) {
	if !s.begin() {
		http.Error(w, "closing", http.StatusServiceUnavailable)
		return
	}
	defer s.inFlight.Done()
	route := apiRoute(r.URL.Path)
	rec := newBuffered()
	f := s.takeFault(r.Method, route, func() []byte {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		return body
	})
	drop := false
	faultName := ""
	if f != nil {
		faultName = f.Kind.String()
	}
	switch {
	case needsAuth(route) && !s.authorized(r):
		s.mu.Lock()
		s.violate("%s %s: 401 0: invalid token", r.Method, route)
		s.mu.Unlock()
		writeError(rec, http.StatusUnauthorized, 0, "401: Unauthorized")
	case f != nil && f.Kind != FaultSlow && f.Kind != FaultDropResponse:
		f.respond(rec)
	default:
		if f != nil && f.Kind == FaultSlow {
			select {
			case <-time.After(f.Delay):
			case <-s.done:
			}
		}
		drop = f != nil && f.Kind == FaultDropResponse
		if !exemptFromGlobal(route) && !s.takeGlobal(rec, r.Method, route) {
			break
		}
		mux.ServeHTTP(rec, r)
	}
	s.record(r.Method, route, rec, faultName)
	if drop {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.code)
	_, _ = w.Write(rec.body.Bytes())
}

// buffered holds an answer until serveAPI decides whether to send it.
type buffered struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func newBuffered() *buffered { return &buffered{header: http.Header{}} }

func (b *buffered) Header() http.Header { return b.header }

func (b *buffered) WriteHeader(code int) {
	if b.code == 0 {
		b.code = code
	}
}

func (b *buffered) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}

func (s *Server) authorized(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bot ")
	if !ok || tok == "" {
		return false
	}
	return s.opts.Token == "" || tok == s.opts.Token
}

func (s *Server) record(method, route string, rec *buffered, fault string) {
	rec.WriteHeader(http.StatusOK) // an answer with no body is a 200
	req := Request{Method: method, Path: route, Status: rec.code, Fault: fault, At: time.Now()}
	if rec.code >= 400 {
		var e apiError
		if json.Unmarshal(rec.body.Bytes(), &e) == nil {
			req.Code = e.Code
		}
	}
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.mu.Unlock()
}

// Stats counts what the fake answered.
type Stats struct {
	Requests  int // REST requests
	Created   int // messages created (all channels)
	Status429 int // 429s answered, injected or earned
	Invalid   int // 401, 403 and 429 answers: what Discord's invalid-request limit counts
	Injected  int // answers shaped by an injected fault
}

// Stats summarises the requests answered so far.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	var st Stats
	for _, r := range s.requests {
		st.Requests++
		if r.Status == http.StatusTooManyRequests {
			st.Status429++
		}
		if r.Status == 401 || r.Status == 403 || r.Status == 429 {
			st.Invalid++
		}
		if r.Fault != "" {
			st.Injected++
		}
	}
	for _, ms := range s.messages {
		st.Created += len(ms)
	}
	return st
}

// bucket is one fixed-window rate limit, as Discord runs them: the window
// opens with the first request after the previous one reset.
type bucket struct {
	count   int
	resetAt time.Time
}

const messageBucketHash = "80c17d2f203122d936070c88c8d10f33"

// takeBucket counts a request against a per-channel route bucket, sets the
// X-RateLimit-* headers and answers 429 (recording a violation) when the
// bucket is empty.
func (s *Server) takeBucket(w http.ResponseWriter, method, route, key string) bool {
	now := time.Now()
	limit, window := s.opts.MessageLimit, s.opts.MessageWindow
	s.mu.Lock()
	b := s.buckets[key]
	if b == nil {
		b = &bucket{}
		s.buckets[key] = b
	}
	if !now.Before(b.resetAt) {
		b.count, b.resetAt = 0, now.Add(window)
	}
	over := b.count >= limit
	if !over {
		b.count++
	}
	remaining, resetAt := limit-b.count, b.resetAt
	if over {
		s.violate("%s %s: 429 0: route rate limit exceeded (%d per %s)", method, route, limit, window)
	}
	s.mu.Unlock()
	resetAfter := resetAt.Sub(now)
	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset", seconds(time.Duration(resetAt.UnixNano())))
	h.Set("X-RateLimit-Reset-After", seconds(resetAfter))
	h.Set("X-RateLimit-Bucket", messageBucketHash)
	if over {
		writeRouteLimited(w, resetAfter)
	}
	return !over
}

func writeRouteLimited(w http.ResponseWriter, retryAfter time.Duration) {
	h := w.Header()
	h.Set("X-RateLimit-Scope", "user")
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(retryAfter.Seconds()))))
	writeJSON(w, http.StatusTooManyRequests, map[string]any{
		"message": "You are being rate limited.", "retry_after": secondsFloat(retryAfter), "global": false,
	})
}

func writeGlobalLimited(w http.ResponseWriter, retryAfter time.Duration) {
	h := w.Header()
	h.Set("X-RateLimit-Global", "true")
	h.Set("X-RateLimit-Scope", "global")
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(retryAfter.Seconds()))))
	writeJSON(w, http.StatusTooManyRequests, map[string]any{
		"message": "You are being rate limited.", "retry_after": secondsFloat(retryAfter), "global": true,
	})
}

// takeGlobal counts a request against the global limit, a sliding window
// (stricter than Discord's, so a bot that passes here passes there).
func (s *Server) takeGlobal(w http.ResponseWriter, method, route string) bool {
	now := time.Now()
	s.mu.Lock()
	cut := now.Add(-s.opts.GlobalWindow)
	i := 0
	for i < len(s.globalLog) && !s.globalLog[i].After(cut) {
		i++
	}
	s.globalLog = s.globalLog[i:]
	if len(s.globalLog) >= s.opts.GlobalLimit {
		retry := s.globalLog[0].Add(s.opts.GlobalWindow).Sub(now)
		s.violate("%s %s: 429 0: global rate limit exceeded (%d per %s)", method, route, s.opts.GlobalLimit, s.opts.GlobalWindow)
		s.mu.Unlock()
		writeGlobalLimited(w, retry)
		return false
	}
	s.globalLog = append(s.globalLog, now)
	s.mu.Unlock()
	return true
}

// seconds formats a duration as Discord does, in seconds with millisecond
// precision, rounded up so that a client never resumes too early.
func seconds(d time.Duration) string {
	return strconv.FormatFloat(secondsFloat(d), 'f', 3, 64)
}

func secondsFloat(d time.Duration) float64 {
	if d < 0 {
		d = 0
	}
	return math.Ceil(float64(d)/float64(time.Millisecond)) / 1000
}
