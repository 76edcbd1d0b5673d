package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Message is a message as the fake stores it.
type Message struct {
	ID, ChannelID, GuildID, AuthorID string
	Content                          string
	Embeds                           []*discordgo.MessageEmbed
	Components                       json.RawMessage
	Flags                            int
	Nonce                            string
	CreatedAt                        time.Time
	EditedAt                         time.Time // zero until edited
	Edits                            int
	InteractionID                    string // set when an interaction response created it
	ReplyTo                          string // the message it replies to (message_reference), if any

	// Mentioned is what the content mentions: what would have pinged with
	// Discord's default allowed_mentions. Pinged is what did ping, given the
	// allowed_mentions the bot sent.
	Mentioned Mentions
	Pinged    Mentions
}

// Mentions is who a message mentions or pings.
type Mentions struct {
	Everyone bool // @everyone or @here
	Users    []string
	Roles    []string
}

// Empty reports whether nobody is mentioned.
func (m Mentions) Empty() bool { return !m.Everyone && len(m.Users) == 0 && len(m.Roles) == 0 }

func (m *Message) clone() Message {
	c := *m
	if m.Embeds != nil {
		b, _ := json.Marshal(m.Embeds)
		c.Embeds = nil
		_ = json.Unmarshal(b, &c.Embeds)
	}
	c.Components = append(json.RawMessage(nil), m.Components...)
	c.Mentioned.Users = slices.Clone(m.Mentioned.Users)
	c.Mentioned.Roles = slices.Clone(m.Mentioned.Roles)
	c.Pinged.Users = slices.Clone(m.Pinged.Users)
	c.Pinged.Roles = slices.Clone(m.Pinged.Roles)
	return c
}

// wire is the message as Discord returns it (the shape discordgo.Message decodes).
func (s *Server) wireLocked(m *Message) map[string]any {
	users := []map[string]any{}
	for _, u := range m.Pinged.Users {
		users = append(users, map[string]any{"id": u, "username": "user" + u, "discriminator": "0"})
	}
	out := map[string]any{
		"id":               m.ID,
		"channel_id":       m.ChannelID,
		"content":          m.Content,
		"timestamp":        m.CreatedAt.UTC().Format(time.RFC3339Nano),
		"edited_timestamp": nil,
		"tts":              false,
		"mention_everyone": m.Pinged.Everyone,
		"mentions":         users,
		"mention_roles":    nonNil(m.Pinged.Roles),
		"attachments":      []any{},
		"embeds":           nonNilEmbeds(m.Embeds),
		"pinned":           false,
		"type":             0,
		"flags":            m.Flags,
		"author":           s.authorJSON(m.AuthorID),
	}
	if m.GuildID != "" {
		out["guild_id"] = m.GuildID
	}
	if !m.EditedAt.IsZero() {
		out["edited_timestamp"] = m.EditedAt.UTC().Format(time.RFC3339Nano)
	}
	if m.Nonce != "" {
		out["nonce"] = m.Nonce
	}
	if m.ReplyTo != "" {
		out["type"] = 19 // REPLY
		out["message_reference"] = map[string]any{"message_id": m.ReplyTo, "channel_id": m.ChannelID, "guild_id": m.GuildID}
	}
	if len(m.Components) > 0 {
		out["components"] = m.Components
	} else {
		out["components"] = []any{}
	}
	return out
}

func (s *Server) authorJSON(id string) map[string]any {
	if id == s.opts.BotUserID {
		return s.botUser()
	}
	return map[string]any{"id": id, "username": "user" + id, "discriminator": "0"}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilEmbeds(e []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	if e == nil {
		return []*discordgo.MessageEmbed{}
	}
	return e
}

// messageBody is what a bot sends to create or edit a message. Raw fields
// keep "absent" apart from "null" and "[]" for edits.
type messageBody struct {
	Content         *string                    `json:"content"`
	Embeds          *[]*discordgo.MessageEmbed `json:"embeds"`
	Embed           *discordgo.MessageEmbed    `json:"embed"`
	AllowedMentions *allowedMentions           `json:"allowed_mentions"`
	Components      json.RawMessage            `json:"components"`
	Flags           int                        `json:"flags"`
	Nonce           json.RawMessage            `json:"nonce"`
	EnforceNonce    bool                       `json:"enforce_nonce"`
	Reference       *struct {
		MessageID       string `json:"message_id"`
		ChannelID       string `json:"channel_id"`
		FailIfNotExists *bool  `json:"fail_if_not_exists"`
	} `json:"message_reference"`
}

type allowedMentions struct {
	Parse []string `json:"parse"`
	Roles []string `json:"roles"`
	Users []string `json:"users"`
}

// readBody decodes a JSON or multipart (payload_json) request body.
func readBody(r *http.Request, v any) error {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if strings.HasPrefix(mt, "multipart/") {
		if err := r.ParseMultipartForm(32 << 20); err != nil {
			return err
		}
		return json.Unmarshal([]byte(r.FormValue("payload_json")), v)
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, 25<<20))
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// formError collects Discord's "Invalid Form Body" field errors.
type formError struct {
	fields []fieldError
}

type fieldError struct {
	path    string // dotted, "embeds.0.title"
	code    string
	message string
}

func (f *formError) add(path, code, message string) {
	f.fields = append(f.fields, fieldError{path, code, message})
}

func (f *formError) maxLen(path, value string, limit int) {
	if n := utf8.RuneCountInString(value); n > limit {
		f.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", limit))
	}
}

// body renders the nested "errors" object Discord returns.
func (f *formError) body() json.RawMessage {
	root := map[string]any{}
	for _, fe := range f.fields {
		node := root
		if fe.path != "" {
			for _, part := range strings.Split(fe.path, ".") {
				next, ok := node[part].(map[string]any)
				if !ok {
					next = map[string]any{}
					node[part] = next
				}
				node = next
			}
		}
		errs, _ := node["_errors"].([]any)
		node["_errors"] = append(errs, map[string]string{"code": fe.code, "message": fe.message})
	}
	b, _ := json.Marshal(root)
	return b
}

func (f *formError) String() string {
	parts := make([]string, 0, len(f.fields))
	for _, fe := range f.fields {
		parts = append(parts, fe.path+": "+fe.message)
	}
	return strings.Join(parts, "; ")
}

// embedLen counts an embed field as Discord does: code points, trimmed.
func embedLen(s string) int { return utf8.RuneCountInString(strings.TrimSpace(s)) }

// validateMessage checks the limits of Discord's create/edit message endpoint.
func validateMessage(f *formError, prefix, content string, embeds []*discordgo.MessageEmbed) {
	f.maxLen(prefix+"content", content, 2000)
	if len(embeds) > 10 {
		f.add(prefix+"embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
	}
	total := 0
	for i, e := range embeds {
		if e == nil {
			continue
		}
		p := fmt.Sprintf("%sembeds.%d.", prefix, i)
		check := func(field, v string, limit int) {
			total += embedLen(v)
			if embedLen(v) > limit {
				f.add(p+field, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", limit))
			}
		}
		check("title", e.Title, 256)
		check("description", e.Description, 4096)
		if e.Footer != nil {
			check("footer.text", e.Footer.Text, 2048)
		}
		if e.Author != nil {
			check("author.name", e.Author.Name, 256)
		}
		if len(e.Fields) > 25 {
			f.add(p+"fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		for j, fl := range e.Fields {
			if fl == nil {
				continue
			}
			check(fmt.Sprintf("fields.%d.name", j), fl.Name, 256)
			check(fmt.Sprintf("fields.%d.value", j), fl.Value, 1024)
			if embedLen(fl.Name) == 0 || embedLen(fl.Value) == 0 {
				f.add(fmt.Sprintf("%sfields.%d", p, j), "BASE_TYPE_REQUIRED", "This field is required")
			}
		}
		if e.URL != "" && !strings.HasPrefix(e.URL, "http://") && !strings.HasPrefix(e.URL, "https://") {
			f.add(p+"url", "URL_TYPE_INVALID_URL", "Not a well formed URL.")
		}
	}
	if total > 6000 {
		f.add(strings.TrimSuffix(prefix+"embeds", "."), "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
	}
}

var mentionRE = regexp.MustCompile(`@everyone|@here|<@!?(\d+)>|<@&(\d+)>`)

// mentions parses what a content mentions.
func mentions(content string) Mentions {
	var m Mentions
	for _, sub := range mentionRE.FindAllStringSubmatch(content, -1) {
		switch {
		case sub[0] == "@everyone" || sub[0] == "@here":
			m.Everyone = true
		case sub[1] != "":
			if !slices.Contains(m.Users, sub[1]) {
				m.Users = append(m.Users, sub[1])
			}
		case sub[2] != "":
			if !slices.Contains(m.Roles, sub[2]) {
				m.Roles = append(m.Roles, sub[2])
			}
		}
	}
	return m
}

// pinged applies allowed_mentions: nil means Discord's default (parse all).
func pinged(m Mentions, am *allowedMentions) Mentions {
	if am == nil {
		return m
	}
	var p Mentions
	p.Everyone = m.Everyone && slices.Contains(am.Parse, "everyone")
	for _, u := range m.Users {
		if slices.Contains(am.Parse, "users") || slices.Contains(am.Users, u) {
			p.Users = append(p.Users, u)
		}
	}
	for _, r := range m.Roles {
		if slices.Contains(am.Parse, "roles") || slices.Contains(am.Roles, r) {
			p.Roles = append(p.Roles, r)
		}
	}
	return p
}

func validateAllowedMentions(f *formError, am *allowedMentions) {
	if am == nil {
		return
	}
	for i, p := range am.Parse {
		if p != "everyone" && p != "roles" && p != "users" {
			f.add(fmt.Sprintf("allowed_mentions.parse.%d", i), "ENUM_TYPE_COERCE", fmt.Sprintf("Value %q is not a valid enum value.", p))
		}
	}
	if slices.Contains(am.Parse, "roles") && len(am.Roles) > 0 {
		f.add("allowed_mentions", "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", "parse:[\"roles\"] and roles: [ids] are mutually exclusive.")
	}
	if slices.Contains(am.Parse, "users") && len(am.Users) > 0 {
		f.add("allowed_mentions", "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", "parse:[\"users\"] and users: [ids] are mutually exclusive.")
	}
	if len(am.Roles) > 100 {
		f.add("allowed_mentions.roles", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
	}
}

// parseNonce accepts an integer or a string of at most 25 characters.
func parseNonce(f *formError, raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var str string
	if json.Unmarshal(raw, &str) == nil {
		if utf8.RuneCountInString(str) > 25 {
			f.add("nonce", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		return str
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	f.add("nonce", "NONCE_TYPE_INVALID", "Invalid nonce.")
	return ""
}

func (s *Server) invalidForm(w http.ResponseWriter, method, route string, f *formError) {
	s.mu.Lock()
	s.violate("%s %s: 400 50035 %s", method, route, f.String())
	s.mu.Unlock()
	writeJSON(w, http.StatusBadRequest, apiError{Code: 50035, Message: "Invalid Form Body", Errors: f.body()})
}

func (s *Server) channelLocked(id string) *channel { return s.channels[id] }

func (s *Server) handleCreateMessage(w http.ResponseWriter, r *http.Request) {
	chID := r.PathValue("channel")
	route := apiRoute(r.URL.Path)
	s.mu.Lock()
	ch := s.channelLocked(chID)
	s.mu.Unlock()
	if ch == nil {
		writeError(w, http.StatusNotFound, 10003, "Unknown Channel")
		return
	}
	if !s.takeBucket(w, r.Method, route, "POST messages "+chID) {
		return
	}
	var body messageBody
	if err := readBody(r, &body); err != nil {
		s.badJSON(w, r.Method, route, err)
		return
	}
	var f formError
	content := deref(body.Content)
	embeds := embedsOf(body)
	validateMessage(&f, "", content, embeds)
	validateAllowedMentions(&f, body.AllowedMentions)
	nonce := parseNonce(&f, body.Nonce)
	if len(f.fields) > 0 {
		s.invalidForm(w, r.Method, route, &f)
		return
	}
	if strings.TrimSpace(content) == "" && len(embeds) == 0 && !hasComponents(body.Components) {
		s.mu.Lock()
		s.violate("%s %s: 400 50006: Cannot send an empty message", r.Method, route)
		s.mu.Unlock()
		writeError(w, http.StatusBadRequest, 50006, "Cannot send an empty message")
		return
	}
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	key := s.opts.BotUserID + "\x00" + nonce
	if body.EnforceNonce && nonce != "" {
		if prev, ok := s.nonces[key]; ok && now.Sub(prev.at) < s.opts.NonceWindow && !s.deletedLocked(prev.msg) {
			writeJSON(w, http.StatusOK, s.wireLocked(prev.msg))
			return
		}
	}
	m := &Message{
		ID: s.nextIDLocked(), ChannelID: chID, GuildID: ch.GuildID, AuthorID: s.opts.BotUserID,
		Content: content, Embeds: embeds, Components: body.Components, Flags: body.Flags,
		Nonce: nonce, CreatedAt: now,
	}
	if ref := body.Reference; ref != nil && ref.MessageID != "" {
		if ref.ChannelID != "" && ref.ChannelID != chID || s.findMessageLocked(chID, ref.MessageID) == nil {
			if ref.FailIfNotExists == nil || *ref.FailIfNotExists {
				s.violate("%s %s: 400 50035: message_reference to unknown message %s", r.Method, route, ref.MessageID)
				writeError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
				return
			}
		} else {
			m.ReplyTo = ref.MessageID
		}
	}
	m.Mentioned = mentions(content)
	m.Pinged = pinged(m.Mentioned, body.AllowedMentions)
	s.messages[chID] = append(s.messages[chID], m)
	if body.EnforceNonce && nonce != "" {
		s.nonces[key] = nonceEntry{msg: m, at: now}
	}
	writeJSON(w, http.StatusOK, s.wireLocked(m))
}

func (s *Server) deletedLocked(m *Message) bool {
	return !slices.Contains(s.messages[m.ChannelID], m)
}

func hasComponents(raw json.RawMessage) bool {
	t := strings.TrimSpace(string(raw))
	return t != "" && t != "null" && t != "[]"
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func embedsOf(b messageBody) []*discordgo.MessageEmbed {
	var out []*discordgo.MessageEmbed
	if b.Embeds != nil {
		out = append(out, *b.Embeds...)
	}
	if b.Embed != nil {
		out = append(out, b.Embed)
	}
	return out
}

func (s *Server) badJSON(w http.ResponseWriter, method, route string, err error) {
	s.mu.Lock()
	s.violate("%s %s: 400 50109: %v", method, route, err)
	s.mu.Unlock()
	writeError(w, http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
}

// applyEdit validates and applies an edit body to m; the caller holds s.mu.
func (s *Server) applyEditLocked(m *Message, body messageBody, f *formError, prefix string) {
	content, embeds := m.Content, m.Embeds
	if body.Content != nil {
		content = *body.Content
	}
	if body.Embeds != nil || body.Embed != nil {
		embeds = embedsOf(body)
	}
	validateMessage(f, prefix, content, embeds)
	validateAllowedMentions(f, body.AllowedMentions)
	if len(f.fields) > 0 {
		return
	}
	m.Content, m.Embeds = content, embeds
	if body.Components != nil {
		m.Components = body.Components
	}
	m.EditedAt = time.Now()
	m.Edits++
}

func (s *Server) findMessageLocked(chID, msgID string) *Message {
	for _, m := range s.messages[chID] {
		if m.ID == msgID {
			return m
		}
	}
	return nil
}

func (s *Server) handleEditMessage(w http.ResponseWriter, r *http.Request) {
	chID, msgID := r.PathValue("channel"), r.PathValue("message")
	route := apiRoute(r.URL.Path)
	s.mu.Lock()
	ch := s.channelLocked(chID)
	s.mu.Unlock()
	if ch == nil {
		writeError(w, http.StatusNotFound, 10003, "Unknown Channel")
		return
	}
	if !s.takeBucket(w, r.Method, route, "PATCH messages "+chID) {
		return
	}
	var body messageBody
	if err := readBody(r, &body); err != nil {
		s.badJSON(w, r.Method, route, err)
		return
	}
	s.mu.Lock()
	m := s.findMessageLocked(chID, msgID)
	if m == nil {
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, 10008, "Unknown Message")
		return
	}
	if m.AuthorID != s.opts.BotUserID {
		s.mu.Unlock()
		writeError(w, http.StatusForbidden, 50005, "Cannot edit a message authored by another user")
		return
	}
	var f formError
	s.applyEditLocked(m, body, &f, "")
	if len(f.fields) > 0 {
		s.mu.Unlock()
		s.invalidForm(w, r.Method, route, &f)
		return
	}
	out := s.wireLocked(m)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleGetMessage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.channelLocked(r.PathValue("channel")) == nil {
		writeError(w, http.StatusNotFound, 10003, "Unknown Channel")
		return
	}
	m := s.findMessageLocked(r.PathValue("channel"), r.PathValue("message"))
	if m == nil {
		writeError(w, http.StatusNotFound, 10008, "Unknown Message")
		return
	}
	writeJSON(w, http.StatusOK, s.wireLocked(m))
}

func (s *Server) handleDeleteMessage(w http.ResponseWriter, r *http.Request) {
	chID := r.PathValue("channel")
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.findMessageLocked(chID, r.PathValue("message"))
	if m == nil {
		writeError(w, http.StatusNotFound, 10008, "Unknown Message")
		return
	}
	s.messages[chID] = slices.DeleteFunc(s.messages[chID], func(x *Message) bool { return x == m })
	w.WriteHeader(http.StatusNoContent)
}

// handleListMessages answers GET /channels/{id}/messages, newest first.
func (s *Server) handleListMessages(w http.ResponseWriter, r *http.Request) {
	chID := r.PathValue("channel")
	q := r.URL.Query()
	limit := 50
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			var f formError
			f.add("limit", "NUMBER_TYPE_MAX", "int value should be less than or equal to 100.")
			s.invalidForm(w, r.Method, apiRoute(r.URL.Path), &f)
			return
		}
		limit = n
	}
	before, after := snowflake(q.Get("before")), snowflake(q.Get("after"))
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.channelLocked(chID) == nil {
		writeError(w, http.StatusNotFound, 10003, "Unknown Channel")
		return
	}
	var picked []*Message
	all := s.messages[chID]
	for i := len(all) - 1; i >= 0; i-- {
		id := snowflake(all[i].ID)
		if before != 0 && id >= before || after != 0 && id <= after {
			continue
		}
		picked = append(picked, all[i])
	}
	if after != 0 {
		// Discord returns the messages right after "after": the oldest ones.
		sort.Slice(picked, func(i, j int) bool { return snowflake(picked[i].ID) < snowflake(picked[j].ID) })
		if len(picked) > limit {
			picked = picked[:limit]
		}
		slices.Reverse(picked)
	} else if len(picked) > limit {
		picked = picked[:limit]
	}
	out := make([]map[string]any, 0, len(picked))
	for _, m := range picked {
		out = append(out, s.wireLocked(m))
	}
	writeJSON(w, http.StatusOK, out)
}

func snowflake(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

func (s *Server) handleChannel(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := s.channelLocked(r.PathValue("channel"))
	if ch == nil {
		writeError(w, http.StatusNotFound, 10003, "Unknown Channel")
		return
	}
	writeJSON(w, http.StatusOK, channelJSON(ch))
}

func channelJSON(ch *channel) map[string]any {
	if ch.ParentID != "" {
		return map[string]any{"id": ch.ID, "guild_id": ch.GuildID, "name": ch.Name, "type": 11, "parent_id": ch.ParentID,
			"thread_metadata": map[string]any{"archived": false, "auto_archive_duration": 1440, "locked": false}}
	}
	return map[string]any{"id": ch.ID, "guild_id": ch.GuildID, "name": ch.Name, "type": 0, "position": 0}
}

// handleStartThread starts a public thread on a message, as Discord does:
// the thread's id is the message's, and a second start answers 400 160004.
func (s *Server) handleStartThread(w http.ResponseWriter, r *http.Request) {
	chID, msgID := r.PathValue("channel"), r.PathValue("message")
	route := apiRoute(r.URL.Path)
	var body struct {
		Name                string `json:"name"`
		AutoArchiveDuration int    `json:"auto_archive_duration"`
	}
	if err := readBody(r, &body); err != nil {
		s.badJSON(w, r.Method, route, err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := s.channelLocked(chID)
	switch {
	case ch == nil:
		writeError(w, http.StatusNotFound, 10003, "Unknown Channel")
		return
	case ch.ParentID != "":
		writeError(w, http.StatusBadRequest, 50024, "Cannot execute action on this channel type")
		return
	case s.findMessageLocked(chID, msgID) == nil:
		writeError(w, http.StatusNotFound, 10008, "Unknown Message")
		return
	case s.channels[msgID] != nil:
		writeError(w, http.StatusBadRequest, 160004, "A thread has already been created for this message")
		return
	}
	var f formError
	if n := utf8.RuneCountInString(body.Name); n < 1 || n > 100 {
		f.add("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
	}
	switch body.AutoArchiveDuration {
	case 0, 60, 1440, 4320, 10080:
	default:
		f.add("auto_archive_duration", "BASE_TYPE_CHOICES", "Value must be one of {60, 1440, 4320, 10080}.")
	}
	if len(f.fields) > 0 {
		s.violate("%s %s: 400 50035: %s", r.Method, route, f.String())
		writeJSON(w, http.StatusBadRequest, map[string]any{"code": 50035, "message": "Invalid Form Body", "errors": f.body()})
		return
	}
	th := &channel{ID: msgID, GuildID: ch.GuildID, Name: body.Name, ParentID: chID}
	s.channels[msgID] = th
	writeJSON(w, http.StatusCreated, channelJSON(th))
}

// Thread returns a thread's channel id, name and parent, and whether it
// exists.
func (s *Server) Thread(id string) (name, parent string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	th := s.channels[id]
	if th == nil || th.ParentID == "" {
		return "", "", false
	}
	return th.Name, th.ParentID, true
}

func (s *Server) handleMe(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.botUser())
}

func (s *Server) botUser() map[string]any {
	return map[string]any{"id": s.opts.BotUserID, "username": s.opts.BotName, "discriminator": "0", "bot": true}
}

func (s *Server) handleGatewayURL(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"url": s.wsURL()})
}

func (s *Server) handleGatewayBot(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"url": s.wsURL(), "shards": 1,
		"session_start_limit": map[string]int{"total": 1000, "remaining": 999, "reset_after": 86400000, "max_concurrency": 1},
	})
}

func (s *Server) wsURL() string {
	return "ws://" + s.addr() + "/gateway"
}

// PostAs adds a message by another user (a person in the channel), as if
// they had typed it; the bot's Recent must skip it.
func (s *Server) PostAs(channelID, userID, content string) Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &Message{ID: s.nextIDLocked(), ChannelID: channelID, AuthorID: userID, Content: content, CreatedAt: time.Now()}
	if ch := s.channels[channelID]; ch != nil {
		m.GuildID = ch.GuildID
	}
	m.Mentioned = mentions(content)
	m.Pinged = m.Mentioned
	s.messages[channelID] = append(s.messages[channelID], m)
	return m.clone()
}
