package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/model"
	"wirewatch/outbox"
)

// Discord delivers posts to Discord channels through a discordgo session.
// It implements outbox.Sink. It needs no gateway connection: posting, editing
// and listing are REST calls.
type Discord struct {
	s   *discordgo.Session
	log *slog.Logger

	mu      sync.Mutex
	selfID  string          // the bot user's id, for Recent
	threads map[string]bool // messages this process started (or found) a thread on
}

// DiscordOption configures a Discord sink.
type DiscordOption func(*Discord)

// WithSinkLogger sets the sink's logger (default slog.Default()).
func WithSinkLogger(l *slog.Logger) DiscordOption {
	return func(d *Discord) { d.log = l }
}

// NewDiscord returns a sink over s. Put a Limiter in s.Client's transport so
// that the bot stays under Discord's limits.
func NewDiscord(s *discordgo.Session, opts ...DiscordOption) *Discord {
	d := &Discord{s: s, log: slog.Default()}
	for _, o := range opts {
		o(d)
	}
	return d
}

// Session is the underlying discordgo session.
func (d *Discord) Session() *discordgo.Session { return d.s }

// requestOptions make a call return to the outbox instead of blocking:
// no sleeping on a 429, no immediate retry of a 502, and ctx for cancellation.
func requestOptions(ctx context.Context) []discordgo.RequestOption {
	return []discordgo.RequestOption{
		discordgo.WithContext(ctx),
		discordgo.WithRetryOnRatelimit(false),
		discordgo.WithRestRetries(0),
	}
}

// mentionsAllowed lets nothing ping but the given roles: feed text may
// carry "@everyone" or "<@&id>" and must never reach anyone.
type mentionsAllowed struct {
	Parse []string `json:"parse"`
	Roles []string `json:"roles,omitempty"`
}

func allowMentions(roles []string) mentionsAllowed {
	am := mentionsAllowed{Parse: []string{}}
	for _, r := range roles {
		if isSnowflake(r) {
			am.Roles = append(am.Roles, r)
		}
	}
	return am
}

// sendBody is discordgo.MessageSend's JSON plus the nonce fields it lacks
// (bwmarrin/discordgo#1351).
type sendBody struct {
	Content         string                       `json:"content,omitempty"`
	Embeds          []*discordgo.MessageEmbed    `json:"embeds,omitempty"`
	Components      []discordgo.MessageComponent `json:"components,omitempty"`
	AllowedMentions mentionsAllowed              `json:"allowed_mentions"`
	Nonce           string                       `json:"nonce,omitempty"`
	EnforceNonce    bool                         `json:"enforce_nonce,omitempty"`
	// MessageReference makes the message a reply (stories.updates = "reply").
	MessageReference *discordgo.MessageReference `json:"message_reference,omitempty"`
}

// Send renders p, marks it as p's and posts it with nonce and
// enforce_nonce, so that a retry with the same nonce returns the first
// message instead of posting a second one.
func (d *Discord) Send(ctx context.Context, channelID string, p model.Post, nonce string) (string, error) {
	if !isSnowflake(channelID) {
		return "", &outbox.DeliveryError{Permanent: true, Err: fmt.Errorf("send: channel id %q is not a Discord id", channelID)}
	}
	msg, err := renderFor(p, p.ID)
	if err != nil {
		return "", err
	}
	body := sendBody{
		Content:         msg.Content,
		Embeds:          toEmbeds(msg.Embeds),
		Components:      msg.Components,
		AllowedMentions: allowMentions(msg.Roles),
		Nonce:           nonce,
		EnforceNonce:    nonce != "",
	}
	if p.Priority >= model.PriorityUrgent {
		ctx = withUrgent(ctx)
	}
	if p.Content.Reply && isSnowflake(p.AnswersMessage) {
		if p.Content.Thread {
			id, err := d.sendInThread(ctx, channelID, p, body)
			if !threadUnusable(err) {
				return id, err
			}
			d.log.Warn("cannot post in a thread on the alert; replying to it instead", "channel", channelID, "message", p.AnswersMessage, "err", err)
		}
		no := false
		body.MessageReference = &discordgo.MessageReference{MessageID: p.AnswersMessage, ChannelID: channelID, FailIfNotExists: &no}
	}
	return d.post(ctx, channelID, body)
}

// post creates a message in a channel (or thread) and returns its id.
func (d *Discord) post(ctx context.Context, channelID string, body sendBody) (string, error) {
	ep := discordgo.EndpointChannelMessages(channelID)
	raw, err := d.s.RequestWithBucketID(http.MethodPost, ep, body, ep, requestOptions(ctx)...)
	if err != nil {
		return "", withPayload(deliveryError(fmt.Sprintf("send to channel %s", channelID), err), body)
	}
	var m struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(raw, &m); err != nil || m.ID == "" {
		// Discord took the message but its answer is unreadable: a retry
		// with the same nonce will return the message.
		return "", &outbox.DeliveryError{Status: http.StatusOK, Err: fmt.Errorf("send to channel %s: unreadable answer %.200q: %v", channelID, raw, err)}
	}
	return m.ID, nil
}

// Edit replaces a message's content and embeds with p rendered, with the
// same mention rules as Send. The message stays marked as the post it was
// sent for, p.ReplaceOf.
func (d *Discord) Edit(ctx context.Context, channelID, messageID string, p model.Post) error {
	if !isSnowflake(channelID) || !isSnowflake(messageID) {
		return &outbox.DeliveryError{Permanent: true, Err: fmt.Errorf("edit: channel %q or message %q is not a Discord id", channelID, messageID)}
	}
	msg, err := renderFor(p, editedPost(p))
	if err != nil {
		return err
	}
	content := msg.Content
	embeds := toEmbeds(msg.Embeds)
	am := allowMentions(msg.Roles)
	components := msg.Components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	edit := &discordgo.MessageEdit{
		ID: messageID, Channel: channelID,
		Content: &content, Embeds: &embeds, Components: &components,
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}, Roles: am.Roles},
	}
	if _, err := d.s.ChannelMessageEditComplex(edit, requestOptions(ctx)...); err != nil {
		return withPayload(deliveryError(fmt.Sprintf("edit message %s in channel %s", messageID, channelID), err), edit)
	}
	return nil
}

// listedMessage is the part of a listed message Recent reads; discordgo's
// Message has no nonce field.
type listedMessage struct {
	ID      string          `json:"id"`
	Nonce   json.RawMessage `json:"nonce"`
	Content string          `json:"content"`
	Author  struct {
		ID string `json:"id"`
	} `json:"author"`
	Embeds []*discordgo.MessageEmbed `json:"embeds"`
}

// Recent lists the bot's own messages in a channel sent at or after since,
// with the post each is marked as. It pages through the channel from the
// snowflake of that time (GET messages?after=, 100 at a time), so a message
// is found however many came after it.
func (d *Discord) Recent(ctx context.Context, channelID string, since time.Time) ([]outbox.Sent, error) {
	if !isSnowflake(channelID) {
		return nil, &outbox.DeliveryError{Permanent: true, Err: fmt.Errorf("recent: channel id %q is not a Discord id", channelID)}
	}
	self, err := d.self(ctx)
	if err != nil {
		return nil, err
	}
	var out []outbox.Sent
	after := snowflakeAt(since)
	for {
		page, err := d.listAfter(ctx, channelID, after)
		if err != nil {
			return nil, err
		}
		for _, m := range page {
			if id, _ := strconv.ParseUint(m.ID, 10, 64); id > after {
				after = id
			}
			if m.Author.ID != self {
				continue
			}
			out = append(out, outbox.Sent{
				MessageID: m.ID,
				Nonce:     nonceString(m.Nonce),
				PostID:    markerPostID(MessageMarker(Message{Content: m.Content, Embeds: FromEmbeds(m.Embeds)})),
			})
		}
		if len(page) < listPage {
			return out, nil
		}
	}
}

// listPage is the most messages Discord lists in one call.
const listPage = 100

// listAfter lists up to listPage messages of a channel whose ids are above
// after: the oldest such messages, in the order Discord gives them.
func (d *Discord) listAfter(ctx context.Context, channelID string, after uint64) ([]listedMessage, error) {
	ep := discordgo.EndpointChannelMessages(channelID)
	q := "?limit=" + strconv.Itoa(listPage) + "&after=" + strconv.FormatUint(after, 10)
	raw, err := d.s.RequestWithBucketID(http.MethodGet, ep+q, nil, ep, requestOptions(ctx)...)
	if err != nil {
		return nil, deliveryError(fmt.Sprintf("list messages of channel %s", channelID), err)
	}
	var listed []listedMessage
	if err := json.Unmarshal(raw, &listed); err != nil {
		return nil, &outbox.DeliveryError{Status: http.StatusOK, Err: fmt.Errorf("list messages of channel %s: %w", channelID, err)}
	}
	return listed, nil
}

// discordEpoch is the first millisecond of 2015 (Unix), where snowflake
// time starts.
const discordEpoch = 1420070400000

// snowflakeAt is the lowest snowflake of a time's millisecond less one, so
// that "after" it lists every message created at or after t; 1 (all
// messages; 0 would mean no "after") for a time before Discord's epoch.
func snowflakeAt(t time.Time) uint64 {
	ms := t.UnixMilli() - discordEpoch
	if ms <= 0 {
		return 1
	}
	return uint64(ms)<<22 - 1
}

// self returns the bot user's id: from the gateway state when connected,
// else from GET /users/@me (once).
func (d *Discord) self(ctx context.Context) (string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.selfID != "" {
		return d.selfID, nil
	}
	if st := d.s.State; st != nil && st.User != nil && st.User.ID != "" {
		d.selfID = st.User.ID
		return d.selfID, nil
	}
	u, err := d.s.User("@me", requestOptions(ctx)...)
	if err != nil {
		return "", deliveryError("look up the bot user", err)
	}
	d.selfID = u.ID
	return d.selfID, nil
}

func nonceString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// deliveryError maps a discordgo error to an *outbox.DeliveryError: status,
// Discord's code, the wait of a 429, and whether retrying can help (not
// after a 400, 403 or 404).
func deliveryError(op string, err error) error {
	de := &outbox.DeliveryError{Err: fmt.Errorf("%s: %w", op, err)}
	var (
		rest    *discordgo.RESTError
		limited *discordgo.RateLimitError
		breaker *BreakerError
	)
	switch {
	case errors.As(err, &limited):
		de.Status = http.StatusTooManyRequests
		if limited.RateLimit != nil && limited.TooManyRequests != nil {
			de.RetryAfter = limited.RetryAfter
		}
		if de.RetryAfter <= 0 {
			de.RetryAfter = time.Second
		}
	case errors.As(err, &rest) && rest.Response != nil:
		de.Status = rest.Response.StatusCode
		if rest.Message != nil {
			de.Code = rest.Message.Code
		}
		switch de.Status {
		case http.StatusBadRequest, http.StatusForbidden, http.StatusNotFound,
			http.StatusMethodNotAllowed, http.StatusRequestEntityTooLarge:
			de.Permanent = true
		}
	case errors.As(err, &breaker):
		de.RetryAfter = breaker.RetryAfter
	case errors.Is(err, discordgo.ErrUnauthorized):
		de.Status = http.StatusUnauthorized
	default:
		// discordgo reports a 5xx it gave up retrying as plain text:
		// "Exceeded Max retries HTTP 502 Bad Gateway, …".
		if rest, ok := strings.CutPrefix(err.Error(), "Exceeded Max retries HTTP "); ok {
			if code, err := strconv.Atoi(strings.SplitN(rest, " ", 2)[0]); err == nil {
				de.Status = code
			}
		}
	}
	return de
}

// payloadBudget bounds the payload a 400 logs: enough for a message's
// content and embeds (6,000 characters at most), not a log flooded by one.
const payloadBudget = 8 << 10

// withPayload attaches what was sent to a 400's DeliveryError, so that the
// outbox logs the message Discord refused (redacted) and the bug that made
// it can be found.
func withPayload(err error, payload any) error {
	var de *outbox.DeliveryError
	if !errors.As(err, &de) || de.Status != http.StatusBadRequest {
		return err
	}
	raw, jerr := json.Marshal(payload)
	if jerr != nil {
		return err
	}
	if len(raw) > payloadBudget {
		raw = append(raw[:payloadBudget:payloadBudget], "…(cut)"...)
	}
	de.Payload = strings.ToValidUTF8(string(raw), "")
	return err
}

// renderFor renders p and stamps it with the marker of post markAs; a post
// that cannot be rendered is refused for good.
func renderFor(p model.Post, markAs string) (Message, error) {
	msg, err := Render(p)
	if err != nil {
		return Message{}, &outbox.DeliveryError{Permanent: true, Err: err}
	}
	return Stamp(msg, Marker(markAs)), nil
}

// editedPost is the post an edit's message is marked as: the original's.
func editedPost(p model.Post) string {
	if p.ReplaceOf != "" {
		return p.ReplaceOf
	}
	return p.ID
}

func toEmbeds(in []Embed) []*discordgo.MessageEmbed {
	if len(in) == 0 {
		return nil
	}
	out := make([]*discordgo.MessageEmbed, 0, len(in))
	for _, e := range in {
		me := &discordgo.MessageEmbed{
			Type: discordgo.EmbedTypeRich, Title: e.Title, URL: e.URL,
			Description: e.Description, Color: e.Color,
		}
		if e.Author != "" {
			me.Author = &discordgo.MessageEmbedAuthor{Name: e.Author}
		}
		if e.Footer != "" {
			me.Footer = &discordgo.MessageEmbedFooter{Text: e.Footer}
		}
		if !e.Timestamp.IsZero() {
			me.Timestamp = e.Timestamp.UTC().Format(time.RFC3339)
		}
		for _, f := range e.Fields {
			me.Fields = append(me.Fields, &discordgo.MessageEmbedField{Name: f.Name, Value: f.Value, Inline: f.Inline})
		}
		out = append(out, me)
	}
	return out
}

// FromEmbeds converts discordgo embeds back to wirewatch's Embed.
func FromEmbeds(in []*discordgo.MessageEmbed) []Embed {
	out := make([]Embed, 0, len(in))
	for _, me := range in {
		if me == nil {
			continue
		}
		e := Embed{Title: me.Title, URL: me.URL, Description: me.Description, Color: me.Color}
		if me.Author != nil {
			e.Author = me.Author.Name
		}
		if me.Footer != nil {
			e.Footer = me.Footer.Text
		}
		if t, err := time.Parse(time.RFC3339, me.Timestamp); err == nil {
			e.Timestamp = t
		}
		for _, f := range me.Fields {
			if f != nil {
				e.Fields = append(e.Fields, Field{Name: f.Name, Value: f.Value, Inline: f.Inline})
			}
		}
		out = append(out, e)
	}
	return out
}
