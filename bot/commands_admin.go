package bot

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/config"
	"wirewatch/lookup"
	"wirewatch/model"
)

// maxMute bounds /mute: a longer pause is a config change, not a mute.
const maxMute = 90 * 24 * time.Hour

var errNotManager = &userError{msg: "Only members with the Manage Server permission can do that. Ask a server admin."}

// feedsView shows the feeds' health and the channels that refuse the bot,
// privately.
func feedsView(rep lookup.FeedReport) reply {
	list, broken := rep.Feeds, rep.Channels
	var l lines
	l.budget = descriptionBudget
	healthy := 0
	for _, f := range list {
		icon := "🟢"
		switch {
		case !f.Polled:
			icon = "⚪"
		case f.Broken:
			icon = "🔴"
		case f.LastError != "":
			icon = "🟠"
		default:
			healthy++
		}
		line := fmt.Sprintf("%s **%s** · last success %s · next poll %s · %d items",
			icon, mdText(f.Name, 80), stamp(f.LastSuccess, "R"), stamp(f.NextPoll, "R"), f.ItemsSeen)
		if !f.Configured {
			line += " · no longer configured"
		}
		if f.LastError != "" {
			line += fmt.Sprintf("\n  ↳ %s (%d in a row)", mdText(f.LastError, 200), f.Failures)
		}
		l.add(line)
	}
	for _, ch := range broken {
		line := fmt.Sprintf("🔴 channel **%s** refuses the bot since %s · %d, code %d · its posts are kept and retried",
			mdText(ch.Channel, 80), stamp(ch.Since, "R"), ch.Status, ch.Code)
		if !ch.Configured {
			line += " · no longer configured"
		}
		l.add(line)
	}
	desc := l.String()
	if len(list) == 0 && len(broken) == 0 {
		desc = "No feeds configured."
	}
	footer := fmt.Sprintf("%d of %d feeds healthy", healthy, len(list))
	switch n := len(broken); {
	case n == 1:
		footer += " · 1 channel refuses the bot"
	case n > 1:
		footer += fmt.Sprintf(" · %d channels refuse the bot", n)
	}
	return reply{Embeds: []*discordgo.MessageEmbed{embed("Feeds", desc, footer)}, Ephemeral: true}
}

func (c *Commands) rules(ctx context.Context, in *request) (reply, error) {
	switch in.opts.sub {
	case "list", "":
		return c.rulesList(in)
	case "test":
		return c.rulesTest(ctx, in)
	}
	return reply{}, userErrorf("Use /rules list or /rules test.")
}

func (c *Commands) rulesList(in *request) (reply, error) {
	if name := strings.TrimSpace(in.opts.string("name")); name != "" {
		r, err := lookup.CheckRule(in.cfg, name)
		if err != nil {
			return reply{}, err
		}
		return reply{Embeds: []*discordgo.MessageEmbed{ruleEmbed(r)}}, nil
	}
	var l lines
	l.budget = descriptionBudget
	for _, r := range in.cfg.Rules {
		l.add(fmt.Sprintf("**%s** · %s · → %s\n> %s", mdText(r.Name, 80), severity(r), channelList(r.Channels), mdText(r.Query, 200)))
	}
	desc := l.String()
	if len(in.cfg.Rules) == 0 {
		desc = "No rules configured."
	}
	return reply{Embeds: []*discordgo.MessageEmbed{embed("Alert rules", desc, "/rules test name:<rule> shows what a rule would have matched")}}, nil
}

func ruleEmbed(r config.Rule) *discordgo.MessageEmbed {
	e := embed("Rule · "+mdText(r.Name, 200), mdText(r.Query, 3000), "")
	e.Fields = []*discordgo.MessageEmbedField{
		{Name: "Severity", Value: severity(r), Inline: true},
		{Name: "Channels", Value: truncateRunes(channelList(r.Channels), 1000), Inline: true},
		{Name: "Cooldown", Value: r.Cooldown.String(), Inline: true},
	}
	return e
}

func severity(r config.Rule) string {
	if r.Severity == "" {
		return string(model.SeverityAlert)
	}
	return mdText(r.Severity, 20)
}

func channelList(names []string) string {
	if len(names) == 0 {
		return "no channel"
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "#" + mdText(n, 60)
	}
	return strings.Join(out, ", ")
}

func (c *Commands) rulesTest(ctx context.Context, in *request) (reply, error) {
	name := strings.TrimSpace(in.opts.string("name"))
	if name == "" {
		return reply{}, userErrorf("Pick a rule: type /rules test name: and choose one from the list.")
	}
	days, err := in.opts.int("days", 1, lookup.MaxDays)
	if err != nil {
		return reply{}, err
	}
	loc := in.cfg.Location()
	r, err := lookup.ParseRange(days, "", "", defaultRuleDays, c.opts.Now(), loc)
	if err != nil {
		return reply{}, err
	}
	const shown = 10
	hits, err := lookup.RuleTest(ctx, c.store, in.cfg, in.engine, name, r, shown)
	if err != nil {
		return reply{}, err
	}
	items := make([]model.Item, len(hits))
	terms := make([][]string, len(hits))
	for i, h := range hits {
		items[i], terms[i] = h.Item, h.Terms
	}
	desc := itemLines(items, 0, loc, terms, nil)
	if len(items) == 0 {
		desc = "The rule matches none of the stored items of this range."
	}
	footer := fmt.Sprintf("%s → %s · newest first · at most %d shown, among the newest %d items of the range",
		day(r.From, loc), day(r.To, loc), shown, lookup.MaxRuleScan)
	return reply{Embeds: []*discordgo.MessageEmbed{embed("Rule test · "+mdText(name, 200), desc, footer)}}, nil
}

// alertChannel is the configured channel a mute applies to: the one named
// by the channel option, which must be in the interaction's guild, else
// the one the command was used in.
func alertChannel(ctx context.Context, in *request) (config.Channel, error) {
	id := in.opts.string("channel")
	chosen := id != ""
	if !chosen {
		id = in.i.ChannelID
	}
	for _, ch := range in.cfg.Channels {
		if ch.ID != id {
			continue
		}
		if chosen {
			ok, err := inGuild(ctx, in.s, id, in.i.GuildID)
			if err != nil {
				return config.Channel{}, fmt.Errorf("look up channel %s: %w", id, err)
			}
			if !ok {
				return config.Channel{}, userErrorf("That channel is not in this server; pick one of this server's alert channels.")
			}
		}
		return ch, nil
	}
	var known []string
	for _, ch := range in.cfg.Channels {
		if isSnowflake(ch.ID) {
			known = append(known, "<#"+ch.ID+">")
		}
	}
	where := "none is configured"
	if len(known) > 0 {
		where = "use one of " + strings.Join(known, ", ")
	}
	return config.Channel{}, userErrorf("wirewatch posts no alerts in that channel; %s (or pass channel:).", where)
}

func (c *Commands) mute(ctx context.Context, in *request) (reply, error) {
	if !canManageServer(in.i) {
		return reply{}, errNotManager
	}
	topic, err := topicOption(in, true)
	if err != nil {
		return reply{}, err
	}
	span, err := parseSpan(in.opts.string("for"))
	if err != nil {
		return reply{}, err
	}
	ch, err := alertChannel(ctx, in)
	if err != nil {
		return reply{}, err
	}
	until := c.opts.Now().Add(span).UTC().Truncate(time.Second)
	if err := c.store.SetMute(ctx, model.Mute{Channel: ch.Name, Topic: topic, Until: until}); err != nil {
		return reply{}, fmt.Errorf("mute %s in %s: %w", topic, ch.Name, err)
	}
	c.log.Info("topic muted", "topic", topic, "channel", ch.Name, "until", until, "by", userID(in.i))
	return reply{Content: fmt.Sprintf("🔕 %s alerts are muted in #%s until %s (%s). /unmute ends it sooner.",
		mdText(in.cfg.TopicTitle(topic), 100), mdText(ch.Name, 100), stamp(until, "f"), stamp(until, "R"))}, nil
}

func (c *Commands) unmute(ctx context.Context, in *request) (reply, error) {
	if !canManageServer(in.i) {
		return reply{}, errNotManager
	}
	topic, err := topicOption(in, true)
	if err != nil {
		return reply{}, err
	}
	ch, err := alertChannel(ctx, in)
	if err != nil {
		return reply{}, err
	}
	active, err := c.store.Mutes(ctx, c.opts.Now())
	if err != nil {
		return reply{}, fmt.Errorf("unmute %s in %s: %w", topic, ch.Name, err)
	}
	title, name := mdText(in.cfg.TopicTitle(topic), 100), mdText(ch.Name, 100)
	if !slices.ContainsFunc(active, func(m model.Mute) bool { return m.Channel == ch.Name && m.Topic == topic }) {
		return reply{Content: fmt.Sprintf("%s alerts were not muted in #%s.", title, name), Ephemeral: true}, nil
	}
	if err := c.store.SetMute(ctx, model.Mute{Channel: ch.Name, Topic: topic}); err != nil {
		return reply{}, fmt.Errorf("unmute %s in %s: %w", topic, ch.Name, err)
	}
	c.log.Info("topic unmuted", "topic", topic, "channel", ch.Name, "by", userID(in.i))
	return reply{Content: fmt.Sprintf("🔔 %s alerts are back on in #%s.", title, name)}, nil
}

var spanRE = regexp.MustCompile(`^(\d{1,4}[wdhm])+$`)

// parseSpan reads a mute length such as 30m, 6h, 2d, 1w or 1d12h.
func parseSpan(s string) (time.Duration, error) {
	s = strings.ToLower(strings.Join(strings.Fields(s), ""))
	bad := userErrorf("for: give a length such as 30m, 6h, 2d or 1w (at most 90d), not %s", code(s))
	if s == "" || len(s) > maxSpanLen || !spanRE.MatchString(s) {
		return 0, bad
	}
	unit := map[byte]time.Duration{'m': time.Minute, 'h': time.Hour, 'd': 24 * time.Hour, 'w': 7 * 24 * time.Hour}
	var total time.Duration
	num := 0
	for i := 0; i < len(s); i++ {
		if d := s[i]; d >= '0' && d <= '9' {
			num = num*10 + int(d-'0')
			continue
		}
		total += time.Duration(num) * unit[s[i]]
		num = 0
		if total > maxMute {
			return 0, userErrorf("for: a mute lasts at most 90 days; change the config for longer")
		}
	}
	if total < time.Minute {
		return 0, bad
	}
	return total, nil
}
