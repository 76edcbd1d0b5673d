package bot

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"wirewatch/model"
	"wirewatch/outbox"
)

// Console is a Sink that prints each post as a Discord channel would show
// it, rendered and marked as the Discord sink does. It is what `wirewatch
// run` uses without a Discord token. Like Discord it honours nonces (a
// repeat returns the first message) for as long as the process lives.
type Console struct {
	mu     sync.Mutex
	w      io.Writer
	names  map[string]string // channel id → name
	seq    int
	byChan map[string][]*consoleMessage // oldest first
	nonces map[string]*consoleMessage
}

type consoleMessage struct {
	id, channel, nonce string
	msg                Message
	loc                *time.Location // the zone its Discord timestamps are printed in
	at                 time.Time      // when it was printed
}

// NewConsole prints to w. names maps channel ids to the names shown (a
// channel missing from it is shown by its id).
func NewConsole(w io.Writer, names map[string]string) *Console {
	return &Console{w: w, names: names, byChan: map[string][]*consoleMessage{}, nonces: map[string]*consoleMessage{}}
}

// Send prints p and returns its id ("console-N").
func (c *Console) Send(ctx context.Context, channelID string, p model.Post, nonce string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", &outbox.DeliveryError{Err: fmt.Errorf("console send: %w", err)}
	}
	msg, err := renderFor(p, p.ID)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if nonce != "" {
		if m, ok := c.nonces[nonce]; ok {
			return m.id, nil
		}
	}
	c.seq++
	m := &consoleMessage{id: fmt.Sprintf("console-%d", c.seq), channel: channelID, nonce: nonce, msg: msg,
		loc: zone(p.Content.TimeZone), at: time.Now()}
	if err := c.print(m, false); err != nil {
		return "", err
	}
	c.byChan[channelID] = append(c.byChan[channelID], m)
	if nonce != "" {
		c.nonces[nonce] = m
	}
	return m.id, nil
}

// Edit replaces a printed message with p and prints it again, marked as
// edited.
func (c *Console) Edit(ctx context.Context, channelID, messageID string, p model.Post) error {
	if err := ctx.Err(); err != nil {
		return &outbox.DeliveryError{Err: fmt.Errorf("console edit: %w", err)}
	}
	msg, err := renderFor(p, editedPost(p))
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.byChan[channelID] {
		if m.id == messageID {
			m.msg, m.loc = msg, zone(p.Content.TimeZone)
			return c.print(m, true)
		}
	}
	return &outbox.DeliveryError{Status: http.StatusNotFound, Code: 10008, Permanent: true,
		Err: fmt.Errorf("console edit: no message %s in channel %s", messageID, c.name(channelID))}
}

// Recent returns what was printed to a channel at or after since (a
// console forgets what earlier processes printed).
func (c *Console) Recent(ctx context.Context, channelID string, since time.Time) ([]outbox.Sent, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []outbox.Sent
	for _, m := range c.byChan[channelID] {
		if !m.at.Before(since) {
			out = append(out, outbox.Sent{MessageID: m.id, Nonce: m.nonce, PostID: markerPostID(MessageMarker(m.msg))})
		}
	}
	return out, nil
}

func (c *Console) name(channelID string) string {
	if n := c.names[channelID]; n != "" {
		return n
	}
	if channelID == "" {
		return "console"
	}
	return channelID
}

func (c *Console) print(m *consoleMessage, edited bool) error {
	head := fmt.Sprintf("── #%s · %s", c.name(m.channel), m.id)
	if edited {
		head += " (edited)"
	}
	// Discord shows its timestamps in each reader's zone; a terminal shows
	// them in the desk's.
	if _, err := io.WriteString(c.w, head+"\n"+PlainTimes(MessageText(m.msg), m.loc)+"\n"); err != nil {
		return &outbox.DeliveryError{Err: fmt.Errorf("console: %w", err)}
	}
	return nil
}

// MessageText shows a message as plain text, the way Discord lays it out:
// the content, then each embed (title, link, description, fields, footer).
func MessageText(msg Message) string {
	var b strings.Builder
	if msg.Content != "" {
		b.WriteString(msg.Content)
		b.WriteByte('\n')
	}
	for _, e := range msg.Embeds {
		line := func(s string) {
			for _, l := range strings.Split(s, "\n") {
				b.WriteString("┃ " + l + "\n")
			}
		}
		if e.Author != "" {
			line(e.Author)
		}
		if e.Title != "" {
			line("**" + e.Title + "**")
		}
		if e.URL != "" {
			line("<" + e.URL + ">")
		}
		if e.Description != "" {
			line(e.Description)
		}
		for _, f := range e.Fields {
			line(f.Name + ": " + f.Value)
		}
		footer := e.Footer
		if !e.Timestamp.IsZero() {
			ts := e.Timestamp.UTC().Format(time.DateTime) + " UTC"
			if footer == "" {
				footer = ts
			} else {
				footer += " · " + ts
			}
		}
		if footer != "" {
			line(footer)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
