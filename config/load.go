package config

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"
)

// Version is wirewatch's version, shown in the default User-Agent. The build
// may set it: go build -ldflags "-X wirewatch/config.Version=1.2.3".
var Version = "dev"

// Defaults, as documented on the types.
const (
	DefaultBotName      = "wirewatch"
	DefaultDatabase     = "wirewatch.db"
	DefaultLogLevel     = "info"
	DefaultTick         = "@every 1m"
	DefaultInterval     = 10 * time.Minute
	DefaultMinInterval  = 2 * time.Minute
	DefaultMaxInterval  = time.Hour
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBodyBytes = 10 << 20
	DefaultPerHost      = 2
	DefaultConcurrency  = 8
	DefaultMaxItemAge   = 48 * time.Hour
	// Flood control: new alerts per poll of a feed; new alerts, role pings
	// and their window per channel.
	DefaultMaxAlertsPerPoll = 20
	DefaultMaxAlerts        = 30
	DefaultMaxPings         = 3
	DefaultAlertWindow      = 10 * time.Minute
	DefaultStoryWindow      = 72 * time.Hour
	DefaultStoryUpdates     = "edit"
	DefaultEditInterval     = 5 * time.Second
	DefaultFullText         = "auto"
	DefaultSeverity         = "alert"
	DefaultCooldown         = 6 * time.Hour
	DefaultDigestStories    = 5
	DefaultPlatform         = "discord"

	maxBodyLimit   = 1 << 30 // larger feed bodies are a mistake, not a feed
	maxConcurrency = 1000
	maxDigestItems = 50
	maxAlertCap    = 10000 // a cap above it caps nothing a feed sends
)

const tokenMessage = "the Discord token is never read from the config file: remove this key and set the DISCORD_TOKEN environment variable"

// Load reads and validates the config file at path. See Parse.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, data)
}

// Parse validates a whole config read from path. On mistakes the error is an
// Errors holding every one, sorted by position. When the file is valid TOML
// the returned Config is non-nil even with mistakes, so that a checker can run
// further checks (rule syntax) and report everything at once; a Config that
// came with an error must never be put to use.
func Parse(path string, data []byte) (*Config, error) {
	d, root, err := decodeFile(path, data)
	if err != nil {
		return nil, err
	}
	cfg := d.config(root)
	cfg.Path = path
	if len(d.errs) > 0 {
		return cfg, d.sorted()
	}
	return cfg, nil
}

// decodeFile reads a TOML file into its tree and a decoder for it; the
// error is the file's syntax error, if any, at its position.
func decodeFile(path string, data []byte) (*decoder, *node, error) {
	// Editors on Windows may add a byte order mark; it is not a column.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	doc := newDocument(path, data)
	if e := doc.syntaxError(); e != nil {
		return nil, nil, Errors{*e}
	}
	root, err := doc.tree()
	if err != nil {
		return nil, nil, Errors{{Pos: Pos{File: path, Line: 1, Col: 1}, Msg: err.Error()}}
	}
	return &decoder{doc: doc}, root, nil
}

func defaults() *Config {
	return &Config{
		Bot: Bot{Name: DefaultBotName, Database: DefaultDatabase, Location: time.UTC, LogLevel: DefaultLogLevel},
		Polling: Polling{
			Tick:             DefaultTick,
			DefaultInterval:  DefaultInterval,
			MinInterval:      DefaultMinInterval,
			MaxInterval:      DefaultMaxInterval,
			Timeout:          DefaultTimeout,
			MaxBodyBytes:     DefaultMaxBodyBytes,
			PerHost:          DefaultPerHost,
			Concurrency:      DefaultConcurrency,
			MaxItemAge:       DefaultMaxItemAge,
			MaxAlertsPerPoll: DefaultMaxAlertsPerPoll,
		},
		Stories: Stories{Window: DefaultStoryWindow, Updates: DefaultStoryUpdates, EditInterval: DefaultEditInterval},
	}
}

func (d *decoder) config(root *node) *Config {
	cfg := defaults()
	top := d.table(root, "", false)
	if n := top.get("token"); n != nil {
		d.errorf(n.keyPos, "token: %s", tokenMessage)
	}
	d.bot(d.section(top, "bot"), cfg)
	if t := d.section(top, "discord"); t != nil {
		d.discord(t, cfg)
	}
	d.polling(d.section(top, "polling"), cfg)
	d.stories(d.section(top, "stories"), cfg)
	for _, t := range d.entries(top, "feeds") {
		cfg.Feeds = append(cfg.Feeds, d.feed(t, cfg))
	}
	for _, t := range d.entries(top, "topics") {
		cfg.Topics = append(cfg.Topics, d.topic(t))
	}
	for _, t := range d.entries(top, "channels") {
		cfg.Channels = append(cfg.Channels, d.channel(t, cfg))
	}
	routes := &routes{d: d, cfg: cfg}
	for _, t := range d.entries(top, "rules") {
		cfg.Rules = append(cfg.Rules, d.rule(t, routes))
	}
	for _, t := range d.entries(top, "digests") {
		cfg.Digests = append(cfg.Digests, d.digest(t, cfg, routes))
	}
	d.unique(top, "feeds", "feed", "name")
	d.unique(top, "feeds", "feed", "url")
	d.unique(top, "topics", "topic", "name")
	d.unique(top, "channels", "channel", "name")
	d.unique(top, "rules", "rule", "name")
	d.unique(top, "digests", "digest", "name")
	if t := top.n.fields["discord"]; t != nil && t.kind == kindTable {
		if n := t.fields["admin_channel"]; n != nil && n.kind == kindString && n.str != "" {
			routes.channel(n, "discord.admin_channel", false)
		}
	}
	top.finish()
	cfg.DiscordIDs = d.ids
	return cfg
}

// section returns the table under key, or an empty one when it is absent.
func (d *decoder) section(parent *table, key string) *table {
	n := parent.get(key)
	switch {
	case n == nil:
		return nil
	case n.arrayOfTables:
		d.errorf(n.pos, "%s must be a single table: write [%s], not [[%s]]", key, key, key)
		return nil
	case n.kind != kindTable:
		d.errorf(n.pos, "%s: expected a table [%s], got %s", key, key, describe(n))
		return nil
	}
	return d.table(n, parent.path(key), false)
}

// entries returns the tables of an array of tables ([[feeds]]).
func (d *decoder) entries(parent *table, key string) []*table {
	n := parent.get(key)
	switch {
	case n == nil:
		return nil
	case n.kind == kindTable:
		d.errorf(n.pos, "%s must be a list of tables: write [[%s]] before each entry, not [%s]", key, key, key)
		return nil
	case n.kind != kindArray:
		d.errorf(n.pos, "%s: expected [[%s]] tables, got %s", key, key, describe(n))
		return nil
	}
	var out []*table
	for _, e := range n.elems {
		if e.kind != kindTable {
			d.errorf(e.pos, "%s: expected [[%s]] tables, got %s", key, key, describe(e))
			continue
		}
		out = append(out, d.table(e, parent.path(key), true))
	}
	return out
}

func (d *decoder) bot(t *table, cfg *Config) {
	if t == nil {
		return
	}
	t.nonEmpty("name", &cfg.Bot.Name)
	t.nonEmpty("database", &cfg.Bot.Database)
	t.location("timezone", &cfg.Bot.Location)
	t.oneOf("log_level", &cfg.Bot.LogLevel, "debug", "info", "warn", "error")
	if n := t.str("listen", &cfg.Bot.Listen); n != nil {
		if err := checkListen(n.str); err != nil {
			d.errorf(n.pos, "bot.listen: %v", err)
		}
	}
	if n := t.get("token"); n != nil {
		d.errorf(n.keyPos, "bot.token: %s", tokenMessage)
	}
	t.finish()
}

// nonEmpty reads an optional string that, when written, must not be blank.
func (t *table) nonEmpty(key string, dst *string) *node {
	old := *dst
	n := t.str(key, dst)
	if n != nil && strings.TrimSpace(n.str) == "" {
		t.d.errorf(n.pos, "%s: must not be empty", t.path(key))
		*dst = old
		return nil
	}
	return n
}

func (d *decoder) discord(t *table, cfg *Config) {
	cfg.Discord.Enabled = true
	if n := t.snowflake("application_id", "application", &cfg.Discord.ApplicationID); n != nil {
		d.ids = append(d.ids, IDRef{Key: "discord.application_id", ID: n.str, Pos: n.pos})
	}
	for _, n := range t.strings("guild_ids", &cfg.Discord.GuildIDs) {
		if !isSnowflake(n.str) {
			d.errorf(n.pos, "discord.guild_ids: %q is not a Discord id (digits only)", n.str)
			continue
		}
		d.ids = append(d.ids, IDRef{Key: "discord.guild_ids", ID: n.str, Pos: n.pos})
	}
	t.str("admin_channel", &cfg.Discord.AdminChannel) // checked against [[channels]] later
	if n := t.str("api_base", &cfg.Discord.APIBase); n != nil {
		base, err := checkAPIBase(n.str)
		if err != nil {
			d.errorf(n.pos, "discord.api_base: %v", err)
		}
		cfg.Discord.APIBase = base
	}
	if n := t.get("token"); n != nil {
		d.errorf(n.keyPos, "discord.token: %s", tokenMessage)
	}
	t.finish()
}

func (d *decoder) polling(t *table, cfg *Config) {
	p := &cfg.Polling
	if t == nil {
		p.UserAgent = defaultUserAgent(cfg.Bot.Name)
		return
	}
	if n := t.str("tick", &p.Tick); n != nil {
		if err := checkCron(n.str); err != nil {
			d.errorf(n.pos, "polling.tick: %v", err)
		}
	}
	defNode := t.duration("default_interval", &p.DefaultInterval, false)
	minNode := t.duration("min_interval", &p.MinInterval, false)
	maxNode := t.duration("max_interval", &p.MaxInterval, false)
	t.duration("timeout", &p.Timeout, false)
	t.duration("max_item_age", &p.MaxItemAge, false)
	t.count("max_alerts_per_poll", &p.MaxAlertsPerPoll, maxAlertCap)
	d.maxBody(t, p)
	perHostNode := t.count("per_host", &p.PerHost, maxConcurrency)
	concNode := t.count("concurrency", &p.Concurrency, maxConcurrency)
	t.nonEmpty("user_agent", &p.UserAgent)
	if p.UserAgent == "" {
		p.UserAgent = defaultUserAgent(cfg.Bot.Name)
	}
	t.finish()

	// A bound left at its default follows the one that was written; two
	// written bounds that contradict each other are a mistake.
	if maxNode == nil && p.MaxInterval < p.MinInterval {
		p.MaxInterval = p.MinInterval
	}
	if minNode == nil && p.MinInterval > p.MaxInterval {
		p.MinInterval = p.MaxInterval
	}
	if defNode == nil {
		p.DefaultInterval = min(max(p.DefaultInterval, p.MinInterval), p.MaxInterval)
	}
	switch {
	case p.MinInterval > p.MaxInterval:
		d.errorf(maxNode.pos, "polling.max_interval: %s is less than min_interval %s", FormatDuration(p.MaxInterval), FormatDuration(p.MinInterval))
	case defNode != nil && (p.DefaultInterval < p.MinInterval || p.DefaultInterval > p.MaxInterval):
		d.errorf(defNode.pos, "polling.default_interval: %s is outside min_interval %s to max_interval %s",
			FormatDuration(p.DefaultInterval), FormatDuration(p.MinInterval), FormatDuration(p.MaxInterval))
	}
	if perHostNode != nil && p.PerHost > p.Concurrency {
		at := perHostNode
		if concNode != nil {
			at = concNode
		}
		d.errorf(at.pos, "polling: per_host %d is more than concurrency %d", p.PerHost, p.Concurrency)
	}
}

func (d *decoder) maxBody(t *table, p *Polling) {
	mb := t.get("max_body_mb")
	var bytesNode *node
	var n int64
	if bytesNode = t.integer("max_body_bytes", &n); bytesNode != nil {
		if n < 1 || n > maxBodyLimit {
			d.errorf(bytesNode.pos, "polling.max_body_bytes: %d is out of range (1 to %d)", n, int64(maxBodyLimit))
		} else {
			p.MaxBodyBytes = n
		}
	}
	if mb == nil {
		return
	}
	if bytesNode != nil || t.n.fields["max_body_bytes"] != nil {
		d.errorf(mb.keyPos, "polling: set max_body_mb or max_body_bytes, not both")
		return
	}
	var v float64
	switch mb.kind {
	case kindInteger:
		v = float64(mb.integer)
	case kindFloat:
		v = mb.float
	default:
		t.wrongType("max_body_mb", mb, "a number of megabytes")
		return
	}
	if !(v > 0) || v*(1<<20) > maxBodyLimit {
		d.errorf(mb.pos, "polling.max_body_mb: %s is out of range (more than 0, at most 1024)", strings.TrimPrefix(describe(mb), mb.kind.String()+" "))
		return
	}
	p.MaxBodyBytes = int64(v * (1 << 20))
}

func defaultUserAgent(botName string) string {
	product := strings.Join(strings.Fields(botName), "-")
	return fmt.Sprintf("%s/%s (+https://github.com/wirewatch/wirewatch; feed reader)", product, Version)
}

// FormatDuration writes a duration as a config would: 2m rather than 2m0s,
// 6h rather than 6h0m0s. Messages and JSON output use it too.
func FormatDuration(v time.Duration) string {
	s := v.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

func (d *decoder) stories(t *table, cfg *Config) {
	if t == nil {
		return
	}
	t.duration("window", &cfg.Stories.Window, false)
	t.oneOf("updates", &cfg.Stories.Updates, "edit", "reply", "thread", "none")
	t.duration("edit_interval", &cfg.Stories.EditInterval, true)
	if v := d.section(t, "vocabulary"); v != nil {
		cfg.Stories.Vocabulary = *d.vocabulary(v, true)
	}
	t.finish()
}

func (d *decoder) feed(t *table, cfg *Config) Feed {
	f := Feed{Pos: t.n.pos, FullText: DefaultFullText, Location: cfg.Bot.Location}
	t.required("name", &f.Name)
	urlNode := t.required("url", &f.URL)
	if n := t.duration("interval", &f.Interval, true); n != nil && f.Interval != 0 {
		p := cfg.Polling
		if f.Interval < p.MinInterval || f.Interval > p.MaxInterval {
			d.errorf(n.pos, "feeds.interval: %s is outside polling.min_interval %s to max_interval %s",
				FormatDuration(f.Interval), FormatDuration(p.MinInterval), FormatDuration(p.MaxInterval))
		}
	}
	if n := t.get("full_text"); n != nil {
		switch n.kind {
		case kindBool:
			f.FullText = fmt.Sprint(n.boolean)
		case kindString:
			t.known = t.known[:len(t.known)-1]
			t.oneOf("full_text", &f.FullText, "auto", "true", "false")
		default:
			t.wrongType("full_text", n, `true, false or "auto"`)
		}
	}
	t.location("timezone", &f.Location)
	t.boolean("allow_private", &f.AllowPrivate)
	if urlNode != nil {
		f.URLPos = urlNode.pos
		if err := checkFeedURL(f.URL, f.AllowPrivate); err != nil {
			d.errorf(urlNode.pos, "feeds.url: %v", err)
		}
	}
	t.finish()
	return f
}

func isSlug(s string) bool {
	for i, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0) {
			return false
		}
	}
	return s != ""
}

// slugify suggests a topic name: "North Korea" → "north-korea".
func slugify(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func (d *decoder) topic(t *table) Topic {
	tp := Topic{Pos: t.n.pos}
	if n := t.required("name", &tp.Name); n != nil && !isSlug(n.str) {
		d.errorf(n.pos, "topics.name: %q must be lower-case letters, digits and hyphens, such as %q (rules write topic:<name>)", n.str, slugify(n.str))
	}
	t.nonEmpty("title", &tp.Title)
	if tp.Title == "" {
		tp.Title = tp.Name
	}
	nodes := t.strings("aliases", &tp.Aliases)
	for _, n := range nodes {
		if strings.TrimSpace(n.str) == "" {
			d.errorf(n.pos, "topics.aliases: empty alias")
		}
	}
	if a := t.n.fields["aliases"]; a == nil || (a.kind == kindArray && len(a.elems) == 0) {
		at := t.n.pos
		if a != nil {
			at = a.pos
		}
		d.errorf(at, "topics.aliases: a topic needs at least one alias")
	}
	t.finish()
	return tp
}

func (d *decoder) channel(t *table, cfg *Config) Channel {
	c := Channel{Pos: t.n.pos, Platform: DefaultPlatform, MaxAlerts: DefaultMaxAlerts, MaxPings: DefaultMaxPings, AlertWindow: DefaultAlertWindow}
	t.required("name", &c.Name)
	if n := t.nonEmpty("platform", &c.Platform); n != nil {
		c.PlatformPos = n.pos
	}
	// The form of an id is the platform's to check (wirewatch check asks
	// it); here it must only be written as a string.
	if n := t.channelID("id", &c.ID); n != nil {
		c.IDPos = n.pos
	} else if t.n.fields["id"] == nil {
		d.errorf(t.n.pos, "[[channels]]: missing required key \"id\"")
	}
	delivery := "immediate"
	t.oneOf("delivery", &delivery, "immediate", "digest-only")
	c.DigestOnly = delivery == "digest-only"
	loc := cfg.Bot.Location
	t.location("timezone", &loc)
	var quiet string
	if n := t.str("quiet_hours", &quiet); n != nil {
		start, end, err := parseQuietHours(quiet)
		if err != nil {
			d.errorf(n.pos, "channels.quiet_hours: %v", err)
		} else {
			c.Quiet = &QuietHours{Start: start, End: end, Location: loc}
		}
	}
	t.count("max_alerts", &c.MaxAlerts, maxAlertCap)
	t.count("max_pings", &c.MaxPings, maxAlertCap)
	t.duration("alert_window", &c.AlertWindow, false)
	t.finish()
	return c
}

func (d *decoder) rule(t *table, routes *routes) Rule {
	r := Rule{Pos: t.n.pos, QueryPos: t.n.pos, Severity: DefaultSeverity, Cooldown: DefaultCooldown}
	t.required("name", &r.Name)
	if n := t.str("query", &r.Query); n != nil {
		r.queryAt = d.doc.stringPositions(n)
		if len(r.queryAt) > 0 {
			r.QueryPos = r.queryAt[0]
		} else {
			r.QueryPos = n.pos
			r.QueryPos.Col++
		}
		if strings.TrimSpace(r.Query) == "" {
			d.errorf(n.pos, "rules.query: empty query")
		}
	} else if t.n.fields["query"] == nil {
		d.errorf(t.n.pos, "[[rules]]: missing required key \"query\"")
	}
	for _, n := range t.strings("channels", &r.Channels) {
		routes.channel(n, "rules.channels", true)
	}
	if ch := t.n.fields["channels"]; ch == nil || (ch.kind == kindArray && len(ch.elems) == 0) {
		at := t.n.pos
		if ch != nil {
			at = ch.pos
		}
		d.errorf(at, "rules.channels: a rule needs at least one channel")
	}
	t.oneOf("severity", &r.Severity, "info", "alert", "urgent")
	for _, n := range t.strings("mentions", &r.Mentions) {
		id := strings.TrimSuffix(strings.TrimPrefix(n.str, "<@&"), ">")
		switch {
		case n.str == "@everyone" || n.str == "@here" || n.str == "everyone" || n.str == "here":
			d.errorf(n.pos, "rules.mentions: %q is never pinged; list role ids", n.str)
		case !isSnowflake(id):
			d.errorf(n.pos, "rules.mentions: %q is not a Discord role id (digits only)", n.str)
		default:
			d.ids = append(d.ids, IDRef{Key: "rules.mentions", ID: id, Pos: n.pos})
		}
	}
	for i, m := range r.Mentions {
		// Accept a pasted role mention <@&123>: it names the same role.
		r.Mentions[i] = strings.TrimSuffix(strings.TrimPrefix(m, "<@&"), ">")
	}
	if m := t.n.fields["mentions"]; m != nil && len(r.Mentions) > 0 && r.Severity != "urgent" {
		d.errorf(m.pos, "rules.mentions: only urgent rules may mention roles (this rule is %q)", r.Severity)
	}
	t.duration("cooldown", &r.Cooldown, true)
	t.finish()
	return r
}

func (d *decoder) digest(t *table, cfg *Config, routes *routes) Digest {
	g := Digest{Pos: t.n.pos, MaxStories: DefaultDigestStories}
	t.required("name", &g.Name)
	if n := t.required("schedule", &g.Schedule); n != nil {
		if err := checkCron(n.str); err != nil {
			d.errorf(n.pos, "digests.schedule: %v", err)
		} else if g.Schedule = strings.TrimSpace(g.Schedule); !hasCronZone(g.Schedule) {
			// Without a zone the scheduler would use the server's.
			g.Schedule = "CRON_TZ=" + cfg.Bot.Location.String() + " " + g.Schedule
		}
		g.parsed, _ = parseCron(g.Schedule) // checked above; nil if not, and Parsed says why
	}
	for _, n := range t.strings("channels", &g.Channels) {
		routes.channel(n, "digests.channels", false)
	}
	if ch := t.n.fields["channels"]; ch == nil || (ch.kind == kindArray && len(ch.elems) == 0) {
		at := t.n.pos
		if ch != nil {
			at = ch.pos
		}
		d.errorf(at, "digests.channels: a digest needs at least one channel")
	}
	for _, n := range t.strings("topics", &g.Topics) {
		routes.topic(n, "digests.topics")
	}
	t.count("max_stories", &g.MaxStories, maxDigestItems)
	t.finish()
	return g
}

// routes checks references to channels and topics by name.
type routes struct {
	d   *decoder
	cfg *Config
}

func (r *routes) channel(n *node, where string, forRule bool) {
	var names []string
	for _, c := range r.cfg.Channels {
		if c.Name == n.str {
			if forRule && c.DigestOnly {
				r.d.errorf(n.pos, "%s: channel %q is digest-only; rules do not post there", where, n.str)
			}
			return
		}
		names = append(names, c.Name)
	}
	r.undefined(n, where, "channel", names)
}

func (r *routes) topic(n *node, where string) {
	var names []string
	for _, t := range r.cfg.Topics {
		if t.Name == n.str {
			return
		}
		names = append(names, t.Name)
	}
	r.undefined(n, where, "topic", names)
}

// undefined reports a reference n to a kind ("channel", "topic") with no
// such name among names, suggesting the closest one.
func (r *routes) undefined(n *node, where, kind string, names []string) {
	msg := fmt.Sprintf("%s: undefined %s %q", where, kind, n.str)
	if s := Suggest(n.str, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += fmt.Sprintf(" (define it in a [[%ss]] table)", kind)
	}
	r.d.errorf(n.pos, "%s", msg)
}

// unique reports a key whose string value repeats across entries of [[list]].
func (d *decoder) unique(top *table, list, what, key string) {
	arr := top.n.fields[list]
	if arr == nil || arr.kind != kindArray {
		return
	}
	seen := map[string]Pos{}
	for _, e := range arr.elems {
		if e.kind != kindTable {
			continue
		}
		n := e.fields[key]
		if n == nil || n.kind != kindString || strings.TrimSpace(n.str) == "" {
			continue
		}
		if first, dup := seen[n.str]; dup {
			if key == "url" { // never quoted: it may carry credentials
				d.errorf(n.pos, "%s.%s: duplicate %s %s (first at line %d)", list, key, what, key, first.Line)
				continue
			}
			d.errorf(n.pos, "%s.%s: duplicate %s %s %q (first at line %d)", list, key, what, key, n.str, first.Line)
			continue
		}
		seen[n.str] = n.pos
	}
}
