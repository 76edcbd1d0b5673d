package lookup

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/storage"
)

// A Command is one lookup users run, declared once in Commands: the
// command line (cmd/wirewatch) makes a subcommand of it, with its flags,
// help and shell completion, and the bot a slash command, with its options
// and dispatch. Each surface renders the result its own way (words and
// JSON in a shell, embeds in Discord), by the result's type, so a lookup
// whose result is of a known type (ItemPage, TimelinePage, FeedReport) is
// one entry here and nothing else.
type Command struct {
	Name string
	// Summary is one line, lower case: the list of commands and the slash
	// command's description (capitalized there; at most 100 characters).
	Summary string
	Params  []Param
	// Examples are command lines without the leading "wirewatch ".
	Examples []string
	// Admin commands are for operators: in chat only members with Manage
	// Server see and use them, and the answer is private.
	Admin bool
	// Light commands read no archive, only the config and small state:
	// chat runs them without waiting for a lookup slot.
	Light bool
	// TooLong is what a member is told when the lookup spends its time
	// budget; "" for the general words.
	TooLong string
	// Run answers the command.
	Run func(ctx context.Context, env Env, a Args) (any, error)
	// None says that Run found nothing (the command line says it on
	// standard error; "" for results that say it themselves).
	None func(a Args) string
}

// Surface is where a parameter is offered.
type Surface uint8

const (
	Everywhere  Surface = iota
	CommandLine         // a flag or argument of the command line only
	Chat                // a slash command option only
)

// ParamType is what a parameter's value is.
type ParamType uint8

const (
	Text   ParamType = iota // free text, at most MaxRunes code points
	Number                  // a whole number in [Min, Max]
	Topic                   // a configured topic's name: offered from the config, checked by Run
	Date                    // a calendar date, YYYY-MM-DD
	Feed                    // a configured feed's name: offered from the config, checked by Run
)

// Param is one parameter of a command.
type Param struct {
	Name string
	Type ParamType
	// Help is one line, lower case: the flag's usage and, capitalized, the
	// slash option's description unless ChatHelp says it.
	Help     string
	ChatHelp string
	Required bool
	// Positional parameters are the command line's arguments, not flags:
	// a Text one takes all of them (joined by spaces), any other one.
	Positional bool
	Only       Surface
	Min, Max   int // a Number's bounds
	// Default is a Number's value when it is not given; ChatDefault and
	// ChatMax, when set, are chat's (a chat answer has less room).
	Default, ChatDefault, ChatMax int
	MaxRunes                      int // a Text's length
}

// In reports whether the parameter is offered on surface s.
func (p Param) In(s Surface) bool { return p.Only == Everywhere || p.Only == s }

// DefaultIn is a Number's value on surface s when it is not given.
func (p Param) DefaultIn(s Surface) int {
	if s == Chat && p.ChatDefault != 0 {
		return p.ChatDefault
	}
	return p.Default
}

// MaxIn is a Number's largest value on surface s.
func (p Param) MaxIn(s Surface) int {
	if s == Chat && p.ChatMax != 0 {
		return p.ChatMax
	}
	return p.Max
}

// Describe is the slash option's description: ChatHelp, or Help
// capitalized.
func (p Param) Describe() string {
	if p.ChatHelp != "" {
		return p.ChatHelp
	}
	return Capitalize(p.Help)
}

// Capitalize upper-cases the first letter: a summary or help line as a
// slash command shows it.
func Capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// Args are a command's parameter values, as a surface read them; a
// Number not given holds its default there.
type Args struct {
	Texts   map[string]string // Text, Topic, Date and Feed parameters
	Numbers map[string]int
	// Page and PerPage page the results when PerPage is set (chat's page
	// buttons; Page 0 is the first); else a "count" bounds them.
	Page, PerPage int
}

// Text returns a text parameter's value, "" when not given.
func (a Args) Text(name string) string { return a.Texts[name] }

// Int returns a number parameter's value, 0 when not given.
func (a Args) Int(name string) int { return a.Numbers[name] }

// window is the page and page size of a paged command: Page and
// PerPage when set, else the first count results.
func (a Args) window() (pageNo, perPage int) {
	if a.PerPage > 0 {
		return a.Page, a.PerPage
	}
	return 0, a.Int("count")
}

// Reader is the part of storage the commands read.
type Reader interface {
	Store
	FeedStateStore
	ChannelStateStore
}

// Env is what a command runs with.
type Env struct {
	Store  Reader
	Config *config.Config
	Now    time.Time
}

// CommandNamed returns the command of that name.
func CommandNamed(name string) (Command, bool) {
	for _, c := range Commands {
		if c.Name == name {
			return c, true
		}
	}
	return Command{}, false
}

// The parameters several commands share.
var (
	topicParam = Param{Name: "topic", Type: Topic, Help: "only this topic", MaxRunes: 100}
	// newestCount is how many of the newest items a listing shows.
	newestCount = Param{Name: "count", Type: Number, Min: 1, Max: MaxLimit, Default: 10, ChatDefault: 5, ChatMax: 25,
		Help: fmt.Sprintf("how many results, at most %d", MaxLimit), ChatHelp: "How many (default 5, at most 25)"}
)

// CountParam is the command line's --count: how many results, def when
// not given. Chat pages instead.
func CountParam(def int) Param {
	return Param{Name: "count", Type: Number, Only: CommandLine, Min: 1, Max: MaxLimit, Default: def,
		Help: fmt.Sprintf("how many results, at most %d", MaxLimit)}
}

// DaysParam is how many days back a lookup reads: def on the command
// line, chatDef in chat.
func DaysParam(def, chatDef int) Param {
	return Param{Name: "days", Type: Number, Min: 1, Max: MaxDays, Default: def, ChatDefault: chatDef,
		Help: "how many days back, today included", ChatHelp: fmt.Sprintf("How many days back (default %d)", chatDef)}
}

// Commands are the lookups, in the order they are registered (chat puts
// the Admin ones after the others). /why and /summary are not lookups of
// this shape and stay wired by hand: why answers one object (its JSON is
// not a list), privately to every member, from the compiled rules and
// the guild, and an unknown item is exit status 1, not an empty result;
// summary fetches a web page (the address guard, its own budget), which
// the read path over storage must not do, and its command line, summarize,
// reads files and standard input, not storage.
var Commands = []Command{
	{
		Name: "timeline", Summary: "a topic's stories by event date, newest first",
		Params: []Param{
			{Name: "topic", Type: Topic, Help: "topic to show", Required: true, Positional: true, MaxRunes: 100},
			DaysParam(30, 90),
			{Name: "from", Type: Date, Help: "first day, YYYY-MM-DD", Only: Chat},
			{Name: "to", Type: Date, Help: "last day, YYYY-MM-DD", Only: Chat},
			CountParam(50),
		},
		Examples: []string{"timeline north-korea", "timeline north-korea --days 7 --json"},
		TooLong:  "That timeline took too long; try a shorter range.",
		Run:      runTimeline,
		None: func(a Args) string {
			return fmt.Sprintf("no stories of %s %s", a.Text("topic"), InDays(a.Int("days")))
		},
	},
	{
		Name: "search", Summary: "full-text search over stored items, best match first",
		Params: []Param{
			{Name: "query", Type: Text, Required: true, Positional: true, MaxRunes: MaxQueryRunes,
				Help: `words to find; "quoted phrase", -exclude, word*`},
			topicParam,
			DaysParam(30, 365),
			CountParam(20),
		},
		Examples: []string{"search ballistic missile", `search '"joint drills"' --topic north-korea --days 7`, "search sanctions --json"},
		TooLong:  "That search took too long; try fewer or longer words.",
		Run:      runSearch,
		None: func(a Args) string {
			if t := a.Text("topic"); t != "" {
				return fmt.Sprintf("no items of %s match %q %s", t, a.Text("query"), InDays(a.Int("days")))
			}
			return fmt.Sprintf("no items match %q %s", a.Text("query"), InDays(a.Int("days")))
		},
	},
	{
		Name: "latest", Summary: "the newest items with their summaries",
		Params: []Param{
			topicParam,
			newestCount,
		},
		Examples: []string{"latest", "latest --topic north-korea --count 5 --json"},
		Run:      runLatest,
		None: func(a Args) string {
			if t := a.Text("topic"); t != "" {
				return "no items of " + t + " stored yet"
			}
			return "no items stored yet"
		},
	},
	{
		Name: "outlet", Summary: "the newest items of one feed",
		Params: []Param{
			{Name: "feed", Type: Feed, Help: "feed to show", Required: true, Positional: true, MaxRunes: 100},
			newestCount,
		},
		Examples: []string{`outlet "KCNA Watch"`, "outlet Yonhap --count 5 --json"},
		Run:      runOutlet,
		None:     func(a Args) string { return "no items of " + a.Text("feed") + " stored yet" },
	},
	{
		Name: "feeds", Summary: "health of every feed (admins)",
		Admin: true, Light: true,
		Run: func(ctx context.Context, env Env, _ Args) (any, error) {
			return FeedReportOf(ctx, env.Store, env.Config)
		},
	},
}

// InDays is "in the last N days", or "today", for a no-results message.
func InDays(days int) string {
	if days == 1 {
		return "today"
	}
	return fmt.Sprintf("in the last %d days", days)
}

// ItemPage is one page of stored items: what search and latest found.
type ItemPage struct {
	Items []model.Item
	Query string // the search's words, "" for a listing
	Topic string // "" for all
	About string // what a listing is of (a topic's title), "" for everything
	Range Range  // zero for a listing of the newest
	Page  int    // 0 is the first
	More  bool   // a next page exists
}

func runTimeline(ctx context.Context, env Env, a Args) (any, error) {
	r, err := ParseRange(a.Int("days"), a.Text("from"), a.Text("to"), 0, env.Now, env.Config.Location())
	if err != nil {
		return nil, err
	}
	pageNo, perPage := a.window()
	return TimelinePaged(ctx, env.Store, env.Config, a.Text("topic"), r, pageNo, perPage)
}

func runSearch(ctx context.Context, env Env, a Args) (any, error) {
	text, err := CleanQuery(a.Text("query"))
	if err != nil {
		return nil, err
	}
	r, err := ParseRange(a.Int("days"), "", "", 0, env.Now, env.Config.Location())
	if err != nil {
		return nil, err
	}
	pageNo, perPage := a.window()
	return SearchPage(ctx, env.Store, env.Config, text, a.Text("topic"), r, pageNo, perPage)
}

// SearchPage returns page pageNo (0 = the first) of a search, perPage
// items a page.
func SearchPage(ctx context.Context, st Store, cfg *config.Config, text, topic string, r Range, pageNo, perPage int) (ItemPage, error) {
	items, err := Search(ctx, st, cfg, text, topic, r, perPage+1, pageNo*perPage)
	if err != nil {
		return ItemPage{}, err
	}
	p := ItemPage{Items: items, Query: text, Topic: topic, Range: r, Page: pageNo, More: len(items) > perPage}
	if p.More {
		p.Items = items[:perPage]
	}
	return p, nil
}

func runLatest(ctx context.Context, env Env, a Args) (any, error) {
	topic := a.Text("topic")
	items, err := Latest(ctx, env.Store, env.Config, topic, a.Int("count"))
	if err != nil {
		return nil, err
	}
	p := ItemPage{Items: items, Topic: topic}
	if topic != "" {
		p.About = env.Config.TopicTitle(topic)
	}
	return p, nil
}

func runOutlet(ctx context.Context, env Env, a Args) (any, error) {
	feed := a.Text("feed")
	if env.Config.Feed(feed) == nil {
		known := make([]string, 0, len(env.Config.Feeds))
		for _, f := range env.Config.Feeds {
			known = append(known, f.Name)
		}
		return nil, inputf("no feed named %q; known feeds: %s", feed, strings.Join(known, ", "))
	}
	limit, _, err := page(a.Int("count"), 0)
	if err != nil {
		return nil, err
	}
	items, err := env.Store.Latest(ctx, storage.Query{Feed: feed, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("latest of feed %q: %w", feed, err)
	}
	return ItemPage{Items: items, About: feed}, nil
}

// FeedReport is how the feeds are doing, and the channels that refuse
// the bot.
type FeedReport struct {
	Feeds    []FeedStatus
	Channels []BrokenChannel
}

// FeedReportOf reads every feed's health and the broken channels.
func FeedReportOf(ctx context.Context, st interface {
	FeedStateStore
	ChannelStateStore
}, cfg *config.Config) (FeedReport, error) {
	feeds, err := FeedHealth(ctx, st, cfg)
	if err != nil {
		return FeedReport{}, err
	}
	broken, err := BrokenChannels(ctx, st, cfg)
	if err != nil {
		return FeedReport{}, err
	}
	return FeedReport{Feeds: feeds, Channels: broken}, nil
}
