package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Options tune the fake. Zero values take Discord's defaults.
type Options struct {
	Token         string // accepted bot token without "Bot "; "" accepts any "Bot …" token
	ApplicationID string // default "100000000000000001"
	BotUserID     string // default "100000000000000002"
	BotName       string // default "wirewatch"

	MessageLimit  int           // messages per channel per MessageWindow; default 5
	MessageWindow time.Duration // default 5s
	GlobalLimit   int           // REST requests per GlobalWindow, interactions exempt; default 50
	GlobalWindow  time.Duration // default 1s
	NonceWindow   time.Duration // how long an enforce_nonce nonce is remembered; default 5m

	HeartbeatInterval time.Duration // gateway heartbeat interval; default 41.25s
	CallbackDeadline  time.Duration // first interaction response; default 3s
	TokenLifetime     time.Duration // interaction token for follow-ups; default 15m

	Seed uint64 // seed of the RNG used by probabilistic faults
}

func (o *Options) defaults() {
	if o.ApplicationID == "" {
		o.ApplicationID = "100000000000000001"
	}
	if o.BotUserID == "" {
		o.BotUserID = "100000000000000002"
	}
	if o.BotName == "" {
		o.BotName = "wirewatch"
	}
	if o.MessageLimit <= 0 {
		o.MessageLimit = 5
	}
	if o.MessageWindow <= 0 {
		o.MessageWindow = 5 * time.Second
	}
	if o.GlobalLimit <= 0 {
		o.GlobalLimit = 50
	}
	if o.GlobalWindow <= 0 {
		o.GlobalWindow = time.Second
	}
	if o.NonceWindow <= 0 {
		o.NonceWindow = 5 * time.Minute
	}
	if o.HeartbeatInterval <= 0 {
		o.HeartbeatInterval = 41250 * time.Millisecond
	}
	if o.CallbackDeadline <= 0 {
		o.CallbackDeadline = 3 * time.Second
	}
	if o.TokenLifetime <= 0 {
		o.TokenLifetime = 15 * time.Minute
	}
}

// Server is a running fake Discord. All methods are safe for concurrent use.
type Server struct {
	opts      Options
	listener  net.Listener
	http      *http.Server
	flightMu  sync.Mutex
	closing   bool           // set by Close: no new REST request is answered
	inFlight  sync.WaitGroup // REST requests being answered; Close waits for them
	transport *http.Transport
	done      chan struct{}
	closeOnce sync.Once

	mu           sync.Mutex
	rng          *rand.Rand
	drawn        map[string]int // ByContent faults: draws per message text
	lastID       int64
	guilds       []*guild
	channels     map[string]*channel
	messages     map[string][]*Message // by channel id, in id order
	nonces       map[string]nonceEntry // author+nonce → message
	buckets      map[string]*bucket
	globalLog    []time.Time
	violations   []string
	faults       []*fault
	requests     []Request
	commands     map[string][]*discordgo.ApplicationCommand // "app/guild" → commands
	interactions map[string]*Interaction                    // by id
	byToken      map[string]*Interaction
	gw           gateway
}

type guild struct {
	ID, Name string
}

type channel struct {
	ID, GuildID, Name string
	ParentID          string // a thread's channel; "" for a channel
}

type nonceEntry struct {
	msg *Message
	at  time.Time
}

// Request is one REST request the fake answered.
type Request struct {
	Method string
	Path   string // without /api/vN
	Status int
	Code   int    // Discord JSON error code, if any
	Fault  string // the injected fault, if any
	At     time.Time
}

// Cleaner is the part of testing.TB that New uses. It is declared here so
// that the fake, which the demo links into the binary, does not import the
// testing package.
type Cleaner interface {
	Helper()
	Cleanup(func())
}

// New starts a fake that is closed when the test ends (pass the test's
// testing.TB).
func New(tb Cleaner, opts Options) *Server {
	tb.Helper()
	s := NewServer(opts)
	tb.Cleanup(s.Close)
	return s
}

// NewServer starts a fake on 127.0.0.1; the caller must Close it. It panics
// if no loopback port can be had, as a test server would.
func NewServer(opts Options) *Server {
	opts.defaults()
	s := &Server{
		opts:         opts,
		done:         make(chan struct{}),
		rng:          rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
		drawn:        make(map[string]int),
		lastID:       0,
		channels:     map[string]*channel{},
		messages:     map[string][]*Message{},
		nonces:       map[string]nonceEntry{},
		buckets:      map[string]*bucket{},
		commands:     map[string][]*discordgo.ApplicationCommand{},
		interactions: map[string]*Interaction{},
		byToken:      map[string]*Interaction{},
	}
	s.gw.init()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(fmt.Sprintf("discordtest: listen on loopback: %v", err))
	}
	s.listener = ln
	s.http = &http.Server{Handler: s.routes(), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.http.Serve(ln) }()
	s.transport = &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConnsPerHost: 64,
	}
	return s
}

// Close stops the gateway and the HTTP server.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		s.gw.closeAll()
		s.flightMu.Lock()
		s.closing = true
		s.flightMu.Unlock()
		_ = s.http.Close() // closes the listener and every connection not hijacked
		s.inFlight.Wait()
		s.transport.CloseIdleConnections()
	})
}

// URL is the fake's base URL, http://127.0.0.1:port.
func (s *Server) URL() string { return "http://" + s.addr() }

// begin counts a REST request in flight, or reports false once Close began.
func (s *Server) begin() bool {
	s.flightMu.Lock()
	defer s.flightMu.Unlock()
	if s.closing {
		return false
	}
	s.inFlight.Add(1)
	return true
}

// addr is the fake's host:port.
func (s *Server) addr() string { return s.listener.Addr().String() }

// ApplicationID is the application id the fake reports.
func (s *Server) ApplicationID() string { return s.opts.ApplicationID }

// BotUserID is the id of the bot user the fake reports.
func (s *Server) BotUserID() string { return s.opts.BotUserID }

// Transport rewrites requests for Discord's hosts to the fake. Wrap it (for
// example in a rate limiter) and put it in the session's http.Client.
func (s *Server) Transport() http.RoundTripper { return rewriter{s: s} }

// Client is an http.Client for discordgo.Session.Client.
func (s *Server) Client() *http.Client {
	return &http.Client{Transport: s.Transport(), Timeout: 20 * time.Second}
}

// Session returns an unopened discordgo session pointed at the fake.
func (s *Server) Session(token string) (*discordgo.Session, error) {
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	dg, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discordgo session: %w", err)
	}
	dg.Client = s.Client()
	dg.Identify.Intents = discordgo.IntentsGuilds
	return dg, nil
}

type rewriter struct{ s *Server }

var discordHosts = map[string]bool{
	"discord.com": true, "www.discord.com": true, "discordapp.com": true,
	"gateway.discord.gg": true, "cdn.discordapp.com": true, "media.discordapp.net": true,
}

func (rw rewriter) RoundTrip(req *http.Request) (*http.Response, error) {
	host := req.URL.Hostname()
	if !discordHosts[host] && req.URL.Host != rw.s.addr() {
		return nil, fmt.Errorf("discordtest: refusing request to %s (not a Discord host)", req.URL.Host)
	}
	r2 := req.Clone(req.Context())
	r2.URL.Scheme = "http"
	r2.URL.Host = rw.s.addr()
	r2.Host = r2.URL.Host
	return rw.s.transport.RoundTrip(r2)
}

// AddGuild adds a guild; READY lists it and GUILD_CREATE describes it.
func (s *Server) AddGuild(id, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addGuildLocked(id, name)
}

func (s *Server) addGuildLocked(id, name string) {
	for _, g := range s.guilds {
		if g.ID == id {
			return
		}
	}
	s.guilds = append(s.guilds, &guild{ID: id, Name: name})
}

// AddChannel adds a text channel to a guild (created if missing).
func (s *Server) AddChannel(guildID, channelID, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addGuildLocked(guildID, "guild-"+guildID)
	s.channels[channelID] = &channel{ID: channelID, GuildID: guildID, Name: name}
}

// Messages returns what a channel shows, oldest first.
func (s *Server) Messages(channelID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Message, 0, len(s.messages[channelID]))
	for _, m := range s.messages[channelID] {
		out = append(out, m.clone())
	}
	return out
}

// Violations lists every limit the bot broke, in order, as
// "METHOD /path: status code field: message".
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.violations...)
}

// Requests lists every REST request answered so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Commands returns the registered commands of an application, globally
// (guildID "") or in one guild.
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*discordgo.ApplicationCommand(nil), s.commands[s.opts.ApplicationID+"/"+guildID]...)
}

func (s *Server) violate(format string, args ...any) {
	s.violations = append(s.violations, fmt.Sprintf(format, args...))
}

// nextID returns a snowflake: milliseconds since Discord's epoch and a
// counter, strictly increasing so that ids sort like Discord's.
func (s *Server) nextIDLocked() string {
	const discordEpoch = 1420070400000
	id := (time.Now().UnixMilli() - discordEpoch) << 22
	if id <= s.lastID {
		id = s.lastID + 1
	}
	s.lastID = id
	return strconv.FormatInt(id, 10)
}

// apiError is Discord's JSON error body.
type apiError struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Errors  json.RawMessage `json:"errors,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	if v != nil {
		_ = json.NewEncoder(&buf).Encode(v)
	}
	if status != http.StatusNoContent {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func writeError(w http.ResponseWriter, status, code int, message string) {
	writeJSON(w, status, apiError{Code: code, Message: message})
}
