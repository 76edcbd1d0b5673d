package discordtest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// gateway holds the websocket side: sessions survive their connections so a
// client can resume and receive what it missed.
type gateway struct {
	mu       sync.Mutex
	sessions map[string]*gwSession
	conns    map[*gwConn]bool
	stats    GatewayStats
}

// GatewayStats counts gateway traffic.
type GatewayStats struct {
	Connections int // websocket connections accepted
	Identifies  int // op 2
	Resumes     int // op 6 that resumed
	Heartbeats  int // op 1
	Open        int // connections open now
}

type gwSession struct {
	id     string
	seq    int64
	events []gwFrame // sent dispatches, for replay on resume
	conn   *gwConn
}

type gwFrame struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
	Seq  int64           `json:"s,omitempty"`
	Type string          `json:"t,omitempty"`
}

type gwConn struct {
	ws   *websocket.Conn
	wmu  sync.Mutex
	sess *gwSession
}

func (c *gwConn) write(v any) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteJSON(v)
}

func (g *gateway) init() {
	g.sessions = map[string]*gwSession{}
	g.conns = map[*gwConn]bool{}
}

// GatewayStats reports gateway counters.
func (s *Server) GatewayStats() GatewayStats {
	s.gw.mu.Lock()
	defer s.gw.mu.Unlock()
	st := s.gw.stats
	st.Open = len(s.gw.conns)
	return st
}

// Dispatch sends an event (op 0) to every identified session.
func (s *Server) Dispatch(event string, data any) { s.gw.dispatchAll(event, data) }

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (s *Server) handleWebsocket(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws}
	s.gw.mu.Lock()
	s.gw.conns[c] = true
	s.gw.stats.Connections++
	s.gw.mu.Unlock()
	defer s.gw.drop(c)
	hello, _ := json.Marshal(map[string]int64{"heartbeat_interval": s.opts.HeartbeatInterval.Milliseconds()})
	if c.write(gwFrame{Op: 10, Data: hello}) != nil {
		return
	}
	for {
		var in gwFrame
		if err := ws.ReadJSON(&in); err != nil {
			return
		}
		switch in.Op {
		case 1:
			s.gw.mu.Lock()
			s.gw.stats.Heartbeats++
			s.gw.mu.Unlock()
			if c.write(gwFrame{Op: 11, Data: json.RawMessage("null")}) != nil {
				return
			}
		case 2:
			s.identify(c, in.Data)
		case 6:
			s.resume(c, in.Data)
		}
	}
}

func (s *Server) identify(c *gwConn, data json.RawMessage) {
	var id struct {
		Token string `json:"token"`
	}
	_ = json.Unmarshal(data, &id)
	if !s.tokenOK(id.Token) {
		c.closeWith(4004, "Authentication failed.")
		return
	}
	s.mu.Lock()
	sessID := "sess" + s.nextIDLocked()
	guilds := append([]*guild(nil), s.guilds...)
	var chans []*channel
	for _, ch := range s.channels {
		chans = append(chans, ch)
	}
	s.mu.Unlock()

	sess := &gwSession{id: sessID}
	s.gw.mu.Lock()
	s.gw.sessions[sessID] = sess
	s.gw.stats.Identifies++
	sess.conn, c.sess = c, sess
	s.gw.mu.Unlock()

	unavailable := make([]map[string]any, 0, len(guilds))
	for _, g := range guilds {
		unavailable = append(unavailable, map[string]any{"id": g.ID, "unavailable": true})
	}
	s.gw.dispatch(sess, "READY", map[string]any{
		"v": 9, "session_id": sessID, "resume_gateway_url": s.wsURL(),
		"user":        s.botUser(),
		"application": map[string]any{"id": s.opts.ApplicationID, "flags": 0},
		"guilds":      unavailable, "private_channels": []any{},
	})
	for _, g := range guilds {
		var list []map[string]any
		for _, ch := range chans {
			if ch.GuildID == g.ID {
				list = append(list, channelJSON(ch))
			}
		}
		s.gw.dispatch(sess, "GUILD_CREATE", map[string]any{
			"id": g.ID, "name": g.Name, "unavailable": false, "channels": list,
			"roles": []any{}, "members": []any{}, "member_count": 1,
		})
	}
}

func (s *Server) tokenOK(tok string) bool {
	t, ok := strings.CutPrefix(tok, "Bot ")
	return ok && t != "" && (s.opts.Token == "" || t == s.opts.Token)
}

func (s *Server) resume(c *gwConn, data json.RawMessage) {
	var rs struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	_ = json.Unmarshal(data, &rs)
	s.gw.mu.Lock()
	sess := s.gw.sessions[rs.SessionID]
	if sess == nil || !s.tokenOK(rs.Token) {
		s.gw.mu.Unlock()
		_ = c.write(gwFrame{Op: 9, Data: json.RawMessage("false")})
		return
	}
	s.gw.stats.Resumes++
	if old := sess.conn; old != nil && old != c {
		old.sess = nil
	}
	sess.conn, c.sess = c, sess
	var missed []gwFrame
	for _, f := range sess.events {
		if f.Seq > rs.Seq {
			missed = append(missed, f)
		}
	}
	s.gw.mu.Unlock()
	for _, f := range missed {
		if c.write(f) != nil {
			return
		}
	}
	s.gw.dispatch(sess, "RESUMED", map[string]any{})
}

// dispatch sequences an event on a session and sends it if connected.
func (g *gateway) dispatch(sess *gwSession, event string, data any) {
	raw, _ := json.Marshal(data)
	g.mu.Lock()
	sess.seq++
	f := gwFrame{Op: 0, Data: raw, Seq: sess.seq, Type: event}
	sess.events = append(sess.events, f)
	if len(sess.events) > 1000 {
		sess.events = sess.events[len(sess.events)-1000:]
	}
	c := sess.conn
	g.mu.Unlock()
	if c != nil {
		_ = c.write(f)
	}
}

func (g *gateway) dispatchAll(event string, data any) {
	g.mu.Lock()
	var list []*gwSession
	for _, sess := range g.sessions {
		list = append(list, sess)
	}
	g.mu.Unlock()
	for _, sess := range list {
		g.dispatch(sess, event, data)
	}
}

func (g *gateway) drop(c *gwConn) {
	g.mu.Lock()
	delete(g.conns, c)
	if c.sess != nil && c.sess.conn == c {
		c.sess.conn = nil
	}
	g.mu.Unlock()
	_ = c.ws.Close()
}

func (g *gateway) openConns() []*gwConn {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make([]*gwConn, 0, len(g.conns))
	for c := range g.conns {
		out = append(out, c)
	}
	return out
}

func (c *gwConn) closeWith(code int, reason string) {
	c.wmu.Lock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
	c.wmu.Unlock()
	_ = c.ws.Close()
}

func (g *gateway) closeConns(code int) {
	for _, c := range g.openConns() {
		c.closeWith(code, "closed by test ("+strconv.Itoa(code)+")")
	}
}

func (g *gateway) sendOp(op int, data any) {
	raw, _ := json.Marshal(data)
	for _, c := range g.openConns() {
		_ = c.write(gwFrame{Op: op, Data: raw})
	}
}

func (g *gateway) closeAll() {
	for _, c := range g.openConns() {
		_ = c.ws.Close()
	}
}
