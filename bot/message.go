package bot

import (
	"time"

	"github.com/bwmarrin/discordgo"
)

// Message is a Discord channel message as wirewatch sends it, already
// escaped and within Discord's limits: what Render makes of a post. Its
// JSON is also the shape of the posts stored before posts were
// platform-neutral (model.Content.Legacy), so the names must not change.
type Message struct {
	Content string   `json:"content,omitempty"`
	Embeds  []Embed  `json:"embeds,omitempty"`
	Roles   []string `json:"roles,omitempty"` // the only role ids allowed to be pinged; nothing else pings
	// Components are the message's buttons (a fold's pages); an old
	// message stored as JSON has none.
	Components []discordgo.MessageComponent `json:"-"`
}

// Embed is a Discord embed, reduced to what wirewatch uses.
type Embed struct {
	Title       string    `json:"title,omitempty"`
	URL         string    `json:"url,omitempty"`
	Description string    `json:"description,omitempty"`
	Color       int       `json:"color,omitempty"`
	Author      string    `json:"author,omitempty"`
	Footer      string    `json:"footer,omitempty"`
	Timestamp   time.Time `json:"timestamp,omitempty"`
	Fields      []Field   `json:"fields,omitempty"`
}

// Field is one name/value pair of an embed.
type Field struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline,omitempty"`
}
