package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// InteractionSpec describes an INTERACTION_CREATE to dispatch.
type InteractionSpec struct {
	Type      discordgo.InteractionType // command (2), component (3) or autocomplete (4)
	GuildID   string
	ChannelID string
	UserID    string                    // default "300000000000000001"
	Data      discordgo.InteractionData // ApplicationCommandInteractionData or MessageComponentInteractionData
	MessageID string                    // for components: the message carrying the component
}

// Interaction is a dispatched interaction and what the bot answered.
type Interaction struct {
	ID, Token string
	spec      InteractionSpec
	created   time.Time

	mu         sync.Mutex
	acked      chan struct{}
	callbacks  []Callback
	originalID string   // message of the original response, if any
	followups  []string // message ids
	srv        *Server
}

// Callback is one interaction response the bot posted.
type Callback struct {
	Type       discordgo.InteractionResponseType
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components json.RawMessage
	Choices    []*discordgo.ApplicationCommandOptionChoice
	Flags      int
	Raw        json.RawMessage
	At         time.Time
}

type callbackBody struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data *struct {
		messageBody
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	} `json:"data"`
}

// DispatchInteraction sends INTERACTION_CREATE to every identified gateway
// session and returns a handle to read the bot's answers.
func (s *Server) DispatchInteraction(spec InteractionSpec) *Interaction {
	if spec.UserID == "" {
		spec.UserID = "300000000000000001"
	}
	s.mu.Lock()
	in := &Interaction{ID: s.nextIDLocked(), spec: spec, created: time.Now(), acked: make(chan struct{}), srv: s}
	in.Token = "itoken-" + in.ID
	s.interactions[in.ID] = in
	s.byToken[in.Token] = in
	user := map[string]any{"id": spec.UserID, "username": "analyst" + spec.UserID[len(spec.UserID)-2:], "discriminator": "0"}
	payload := map[string]any{
		"id": in.ID, "application_id": s.opts.ApplicationID, "type": spec.Type, "data": spec.Data,
		"channel_id": spec.ChannelID, "token": in.Token, "version": 1, "locale": "en-US",
		"app_permissions": "2048",
	}
	if spec.GuildID != "" {
		payload["guild_id"] = spec.GuildID
		payload["member"] = map[string]any{"user": user, "roles": []string{}, "permissions": "2048"}
	} else {
		payload["user"] = user
	}
	if spec.MessageID != "" {
		if m := s.findMessageLocked(spec.ChannelID, spec.MessageID); m != nil {
			payload["message"] = s.wireLocked(m)
		}
	}
	s.mu.Unlock()
	s.gw.dispatchAll("INTERACTION_CREATE", payload)
	return in
}

// Wait blocks until the bot acknowledged the interaction and returns the
// first callback.
func (in *Interaction) Wait(ctx context.Context) (Callback, error) {
	select {
	case <-in.acked:
	case <-ctx.Done():
		return Callback{}, fmt.Errorf("interaction %s: no callback: %w", in.ID, ctx.Err())
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.callbacks[0], nil
}

// Callbacks returns every callback the bot attempted, accepted or not.
func (in *Interaction) Callbacks() []Callback {
	in.mu.Lock()
	defer in.mu.Unlock()
	return append([]Callback(nil), in.callbacks...)
}

// Original returns the message of the original response, if one exists.
func (in *Interaction) Original() (Message, bool) {
	in.mu.Lock()
	id := in.originalID
	in.mu.Unlock()
	if id == "" {
		return Message{}, false
	}
	in.srv.mu.Lock()
	defer in.srv.mu.Unlock()
	m := in.srv.findMessageLocked(in.spec.ChannelID, id)
	if m == nil {
		return Message{}, false
	}
	return m.clone(), true
}

// Followups returns the follow-up messages, oldest first.
func (in *Interaction) Followups() []Message {
	in.mu.Lock()
	ids := append([]string(nil), in.followups...)
	in.mu.Unlock()
	in.srv.mu.Lock()
	defer in.srv.mu.Unlock()
	var out []Message
	for _, id := range ids {
		if m := in.srv.findMessageLocked(in.spec.ChannelID, id); m != nil {
			out = append(out, m.clone())
		}
	}
	return out
}

func (s *Server) handleCallback(w http.ResponseWriter, r *http.Request) {
	route := apiRoute(r.URL.Path)
	s.mu.Lock()
	in := s.interactions[r.PathValue("id")]
	s.mu.Unlock()
	if in == nil || in.Token != r.PathValue("token") {
		writeError(w, http.StatusNotFound, 10062, "Unknown interaction")
		return
	}
	var body callbackBody
	if err := readBody(r, &body); err != nil {
		s.badJSON(w, r.Method, route, err)
		return
	}
	cb := Callback{Type: body.Type, At: time.Now()}
	cb.Raw, _ = json.Marshal(body)
	var f formError
	if d := body.Data; d != nil {
		cb.Content, cb.Embeds, cb.Components, cb.Flags, cb.Choices = deref(d.Content), embedsOf(d.messageBody), d.Components, d.Flags, d.Choices
		switch body.Type {
		case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseUpdateMessage:
			validateMessage(&f, "data.", cb.Content, cb.Embeds)
			validateAllowedMentions(&f, d.AllowedMentions)
		case discordgo.InteractionApplicationCommandAutocompleteResult:
			if len(d.Choices) > 25 {
				f.add("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
			}
			for i, c := range d.Choices {
				if c != nil {
					f.maxLen(fmt.Sprintf("data.choices.%d.name", i), c.Name, 100)
					if v, ok := c.Value.(string); ok {
						f.maxLen(fmt.Sprintf("data.choices.%d.value", i), v, 100)
					}
				}
			}
		}
	}
	in.mu.Lock()
	in.callbacks = append(in.callbacks, cb)
	already := len(in.callbacks) > 1
	first := !already
	in.mu.Unlock()
	late := cb.At.Sub(in.created) > s.opts.CallbackDeadline
	switch {
	case already:
		s.mu.Lock()
		s.violate("%s %s: 400 40060: interaction already acknowledged", r.Method, route)
		s.mu.Unlock()
		writeError(w, http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
		return
	case late:
		s.mu.Lock()
		s.violate("%s %s: 404 10062: callback %s after dispatch (deadline %s)", r.Method, route, cb.At.Sub(in.created).Round(time.Millisecond), s.opts.CallbackDeadline)
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, 10062, "Unknown interaction")
		return
	case len(f.fields) > 0:
		in.mu.Lock()
		in.callbacks = in.callbacks[:len(in.callbacks)-1] // a refused callback does not acknowledge
		in.mu.Unlock()
		s.invalidForm(w, r.Method, route, &f)
		return
	}
	s.applyCallback(in, body, cb)
	if first {
		close(in.acked)
	}
	w.WriteHeader(http.StatusNoContent)
}

// applyCallback makes the channel show what the response type means.
func (s *Server) applyCallback(in *Interaction, body callbackBody, cb Callback) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch cb.Type {
	case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseDeferredChannelMessageWithSource:
		m := s.newInteractionMessageLocked(in, cb)
		in.mu.Lock()
		in.originalID = m.ID
		in.mu.Unlock()
	case discordgo.InteractionResponseUpdateMessage, discordgo.InteractionResponseDeferredMessageUpdate:
		in.mu.Lock()
		in.originalID = in.spec.MessageID
		in.mu.Unlock()
		if cb.Type == discordgo.InteractionResponseUpdateMessage && body.Data != nil {
			if m := s.findMessageLocked(in.spec.ChannelID, in.spec.MessageID); m != nil {
				var f formError
				s.applyEditLocked(m, body.Data.messageBody, &f, "data.")
			}
		}
	}
}

func (s *Server) newInteractionMessageLocked(in *Interaction, cb Callback) *Message {
	ch := s.channels[in.spec.ChannelID]
	m := &Message{
		ID: s.nextIDLocked(), ChannelID: in.spec.ChannelID, AuthorID: s.opts.BotUserID,
		Content: cb.Content, Embeds: cb.Embeds, Components: cb.Components, Flags: cb.Flags,
		CreatedAt: time.Now(), InteractionID: in.ID,
	}
	if ch != nil {
		m.GuildID = ch.GuildID
	}
	m.Mentioned = mentions(m.Content)
	m.Pinged = m.Mentioned // interaction responses parse mentions unless allowed_mentions says otherwise
	s.messages[m.ChannelID] = append(s.messages[m.ChannelID], m)
	return m
}

// interactionFor finds the interaction of a webhook token and checks that
// it can still be used.
func (s *Server) interactionFor(w http.ResponseWriter, r *http.Request) *Interaction {
	route := apiRoute(r.URL.Path)
	s.mu.Lock()
	in := s.byToken[r.PathValue("token")]
	s.mu.Unlock()
	if in == nil || r.PathValue("app") != s.opts.ApplicationID {
		writeError(w, http.StatusNotFound, 10015, "Unknown Webhook")
		return nil
	}
	if time.Since(in.created) > s.opts.TokenLifetime {
		s.mu.Lock()
		s.violate("%s %s: 401 50027: interaction token expired", r.Method, route)
		s.mu.Unlock()
		writeError(w, http.StatusUnauthorized, 50027, "Invalid Webhook Token")
		return nil
	}
	select {
	case <-in.acked:
	default:
		s.mu.Lock()
		s.violate("%s %s: 404 10015: follow-up before the interaction was acknowledged", r.Method, route)
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, 10015, "Unknown Webhook")
		return nil
	}
	return in
}

func (s *Server) handleFollowup(w http.ResponseWriter, r *http.Request) {
	route := apiRoute(r.URL.Path)
	in := s.interactionFor(w, r)
	if in == nil {
		return
	}
	var body messageBody
	if err := readBody(r, &body); err != nil {
		s.badJSON(w, r.Method, route, err)
		return
	}
	var f formError
	cb := Callback{Content: deref(body.Content), Embeds: embedsOf(body), Components: body.Components, Flags: body.Flags}
	validateMessage(&f, "", cb.Content, cb.Embeds)
	validateAllowedMentions(&f, body.AllowedMentions)
	if len(f.fields) > 0 {
		s.invalidForm(w, r.Method, route, &f)
		return
	}
	s.mu.Lock()
	m := s.newInteractionMessageLocked(in, cb)
	m.Pinged = pinged(m.Mentioned, body.AllowedMentions)
	out := s.wireLocked(m)
	s.mu.Unlock()
	in.mu.Lock()
	in.followups = append(in.followups, m.ID)
	in.mu.Unlock()
	if r.URL.Query().Get("wait") != "true" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// handleWebhookMessage serves GET/PATCH/DELETE of @original and follow-ups.
func (s *Server) handleWebhookMessage(w http.ResponseWriter, r *http.Request) {
	route := apiRoute(r.URL.Path)
	in := s.interactionFor(w, r)
	if in == nil {
		return
	}
	id := r.PathValue("message")
	in.mu.Lock()
	if id == "@original" {
		id = in.originalID
	}
	in.mu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.findMessageLocked(in.spec.ChannelID, id)
	if m == nil || id == "" {
		writeError(w, http.StatusNotFound, 10008, "Unknown Message")
		return
	}
	switch r.Method {
	case http.MethodGet:
		writeJSON(w, http.StatusOK, s.wireLocked(m))
	case http.MethodDelete:
		s.messages[m.ChannelID] = deleteMessage(s.messages[m.ChannelID], m)
		w.WriteHeader(http.StatusNoContent)
	case http.MethodPatch:
		var body messageBody
		if err := readBody(r, &body); err != nil {
			s.violate("%s %s: 400 50109: %v", r.Method, route, err)
			writeError(w, http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
			return
		}
		var f formError
		s.applyEditLocked(m, body, &f, "")
		if len(f.fields) > 0 {
			s.violate("%s %s: 400 50035 %s", r.Method, route, f.String())
			writeJSON(w, http.StatusBadRequest, apiError{Code: 50035, Message: "Invalid Form Body", Errors: f.body()})
			return
		}
		writeJSON(w, http.StatusOK, s.wireLocked(m))
	}
}

func deleteMessage(list []*Message, m *Message) []*Message {
	out := list[:0]
	for _, x := range list {
		if x != m {
			out = append(out, x)
		}
	}
	return out
}
