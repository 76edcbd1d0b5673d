package discordtest

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"strings"
	"time"
)

// FaultKind is what an injected fault does.
type FaultKind int

// Kinds of fault.
const (
	FaultRateLimit             FaultKind = iota + 1 // 429 on the route, with retry_after and X-RateLimit-* headers
	FaultGlobalRateLimit                            // 429 with X-RateLimit-Global
	FaultServerError                                // Status (default 500)
	FaultSlow                                       // wait Delay, then answer normally
	FaultDropResponse                               // carry the request out, then close the connection unanswered
	FaultUnknownChannel                             // 404 code 10003
	FaultForbidden                                  // 403 code 50013
	FaultGatewayClose                               // close every gateway connection with Status (default 4000)
	FaultGatewayReconnect                           // send op 7 Reconnect on every gateway connection
	FaultGatewayInvalidSession                      // send op 9 (not resumable)
	FaultUnauthorized                               // 401 code 0 "401: Unauthorized" (a revoked token)
	FaultBadRequest                                 // 400 code 50035 "Invalid Form Body"
)

func (k FaultKind) String() string {
	switch k {
	case FaultRateLimit:
		return "rate-limit"
	case FaultGlobalRateLimit:
		return "global-rate-limit"
	case FaultServerError:
		return "server-error"
	case FaultSlow:
		return "slow"
	case FaultDropResponse:
		return "drop-response"
	case FaultUnknownChannel:
		return "unknown-channel"
	case FaultForbidden:
		return "forbidden"
	case FaultGatewayClose:
		return "gateway-close"
	case FaultGatewayReconnect:
		return "gateway-reconnect"
	case FaultGatewayInvalidSession:
		return "gateway-invalid-session"
	case FaultUnauthorized:
		return "unauthorized"
	case FaultBadRequest:
		return "bad-request"
	}
	return "unknown"
}

// Always as FaultSpec.Times applies a fault to every matching request.
const Always = -1

// FaultSpec describes a fault to inject. REST faults apply to matching
// requests; gateway faults apply at once to the open connections.
type FaultSpec struct {
	Kind    FaultKind
	Method  string // "" matches any method
	Path    string // path.Match pattern over the route without /api/vN, e.g. "/channels/*/messages"; "" matches any
	Channel string // only requests under /channels/{Channel}; "" matches any

	Status     int           // FaultServerError status (default 500); FaultGatewayClose code (default 4000)
	RetryAfter time.Duration // FaultRateLimit, FaultGlobalRateLimit; default 1s
	Delay      time.Duration // FaultSlow

	Times       int     // how many matching requests it applies to: 0 means 1, Always means every one
	Probability float64 // if in (0,1): each matching request is hit with this chance (seeded RNG)
	// ByContent draws Probability's chance from the message a request
	// carries (its first embed's title, else its content) and how many
	// times that message was sent before, not from the RNG: two runs that
	// send the same messages, in any order, meet the same faults, so a
	// comparison between them measures what differs, not the draw.
	ByContent bool
}

type fault struct {
	FaultSpec
	left int // remaining applications; <0 unlimited
}

// Fail injects a fault.
func (s *Server) Fail(spec FaultSpec) {
	switch spec.Kind {
	case FaultGatewayClose:
		code := spec.Status
		if code == 0 {
			code = 4000
		}
		s.gw.closeConns(code)
		return
	case FaultGatewayReconnect:
		s.gw.sendOp(7, nil)
		return
	case FaultGatewayInvalidSession:
		s.gw.sendOp(9, false)
		return
	}
	f := &fault{FaultSpec: spec, left: spec.Times}
	if f.left == 0 {
		f.left = 1
	}
	if f.RetryAfter <= 0 {
		f.RetryAfter = time.Second
	}
	s.mu.Lock()
	s.faults = append(s.faults, f)
	s.mu.Unlock()
}

// ClearFaults removes every pending REST fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	s.faults = nil
	s.mu.Unlock()
}

// takeFault returns the first fault that hits this request, if any; body
// is the request's, read only when a fault draws ByContent.
func (s *Server) takeFault(method, route string, body func() []byte) *fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if !f.matches(method, route) {
			continue
		}
		if f.Probability > 0 && f.Probability < 1 {
			draw := 0.0
			if f.ByContent {
				draw = s.contentDrawLocked(body())
			} else {
				draw = s.rng.Float64()
			}
			if draw >= f.Probability {
				continue
			}
		}
		if f.left > 0 {
			f.left--
			if f.left == 0 {
				s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			}
		}
		return f
	}
	return nil
}

// contentDrawLocked is a number in [0,1) fixed by a message's text and how
// many times it was drawn for before.
func (s *Server) contentDrawLocked(body []byte) float64 {
	var msg struct {
		Content string `json:"content"`
		Embeds  []struct {
			Title string `json:"title"`
		} `json:"embeds"`
	}
	_ = json.Unmarshal(body, &msg)
	key := msg.Content
	if len(msg.Embeds) > 0 {
		key = msg.Embeds[0].Title
	}
	n := s.drawn[key]
	s.drawn[key] = n + 1
	h := sha256.Sum256(fmt.Appendf(nil, "%d\x00%d\x00%s", s.opts.Seed, n, key))
	return float64(binary.BigEndian.Uint64(h[:8])>>11) / (1 << 53)
}

func (f *fault) matches(method, route string) bool {
	if f.Method != "" && !strings.EqualFold(f.Method, method) {
		return false
	}
	if f.Path != "" {
		if ok, _ := path.Match(f.Path, route); !ok {
			return false
		}
	}
	if f.Channel != "" && !strings.HasPrefix(route+"/", "/channels/"+f.Channel+"/") {
		return false
	}
	return true
}

func (f *fault) respond(w http.ResponseWriter) {
	switch f.Kind {
	case FaultRateLimit:
		h := w.Header()
		h.Set("X-RateLimit-Limit", "5")
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Reset", seconds(time.Duration(time.Now().Add(f.RetryAfter).UnixNano())))
		h.Set("X-RateLimit-Reset-After", seconds(f.RetryAfter))
		h.Set("X-RateLimit-Bucket", messageBucketHash)
		writeRouteLimited(w, f.RetryAfter)
	case FaultGlobalRateLimit:
		writeGlobalLimited(w, f.RetryAfter)
	case FaultServerError:
		status := f.Status
		if status == 0 {
			status = http.StatusInternalServerError
		}
		if status == http.StatusBadGateway || status == http.StatusGatewayTimeout {
			// What Cloudflare puts in front of Discord answers with.
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(status)
			_, _ = w.Write([]byte("<html><body>" + http.StatusText(status) + "</body></html>"))
			return
		}
		writeError(w, status, 0, http.StatusText(status))
	case FaultUnknownChannel:
		writeError(w, http.StatusNotFound, 10003, "Unknown Channel")
	case FaultForbidden:
		writeError(w, http.StatusForbidden, 50013, "Missing Permissions")
	case FaultUnauthorized:
		writeError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
	case FaultBadRequest:
		writeError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
	}
}
