package bot

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"wirewatch/lookup"
)

// why answers /why url: an item's whole path, as wirewatch why prints
// it, privately (it names channels, rules and caps a member may not see).
// Every line holds feed text or config names: each is made safe for
// markdown, and the lines stop within the embed's budget.
func (c *Commands) why(ctx context.Context, in *request) (reply, error) {
	ref := strings.TrimSpace(in.opts.string("url"))
	w, err := lookup.WhyItem(ctx, c.store, in.cfg, in.engine, ref, in.i.GuildID)
	if err != nil {
		return reply{}, err
	}
	it := w.Item
	var l lines
	l.budget = descriptionBudget
	l.add("fetched " + stamp(it.FirstSeen, "f") + " from **" + mdText(it.Feed, 80) + "**")
	for _, line := range lookup.WhyLines(w, in.cfg.Location()) {
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if !l.add(strings.Repeat("\u2003", min(indent/2, 3)) + mdText(line, 300)) {
			break
		}
	}
	e := embed("Why · "+plainText(it.Title, 200), l.String(), "rules as configured now · found by "+w.FoundBy)
	if u := SafeURL(it.Link); u != "" && len(u) <= maxLinkLen {
		e.URL = u
	}
	return reply{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}, nil
}
