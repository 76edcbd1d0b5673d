package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/config"
	"wirewatch/feeds"
	"wirewatch/lookup"
	"wirewatch/model"
	"wirewatch/rules"
)

// CommandOptions tune the slash commands. Zero values take the defaults.
type CommandOptions struct {
	// DeferAfter is how long a command may work before it is deferred
	// (Discord shows "thinking…" and the answer follows): answering at
	// once is nicer, but Discord drops an interaction not acknowledged
	// within 3 s. Default 1.5 s.
	DeferAfter time.Duration
	// LookupTimeout bounds one command's whole work. Default 30 s.
	LookupTimeout time.Duration
	// LookupBudget bounds a storage lookup (those of lookup.Commands,
	// /why, /rules test, page buttons), waiting for a free slot included; one
	// that takes longer is stopped and answered politely. Default 5 s.
	LookupBudget time.Duration
	// MaxLookups and MaxSummaries are how many lookups and /summary
	// fetches run at once, across all members. Defaults 2 and 2.
	MaxLookups   int
	MaxSummaries int
	// UserInterval and UserBurst are each member's command rate: a burst
	// of UserBurst commands, then one every UserInterval. Defaults 2 s, 5.
	UserInterval time.Duration
	UserBurst    int
	// TimelinePage and SearchPage are results per page. Defaults 10 and 5.
	TimelinePage int
	SearchPage   int

	// Looked, if set, is told how long each command's work took, from
	// asking for a free slot to its answer being ready (metrics); rate
	// limited commands are not told. It must be quick.
	Looked func(command string, took time.Duration)

	// SummaryTimeout bounds /summary's fetch. Default 15 s.
	SummaryTimeout time.Duration
	// SummaryMaxBytes caps the page /summary reads. Default 2 MiB.
	SummaryMaxBytes int64
	// SummarySentences is the length of a summary. Default 4.
	SummarySentences int
	// HTTPClient fetches /summary pages. Default: feeds.NewHTTPClient with
	// the address guard, which refuses loopback, private, link-local and
	// metadata addresses at connect time, after DNS and redirects too.
	// An injected client must bring its own guard.
	HTTPClient *http.Client
	// AllowPrivate lets /summary fetch internal addresses. Only for tests
	// and the demo, which serve articles on loopback.
	AllowPrivate bool
	// UserAgent of /summary fetches; default feeds.DefaultUserAgent.
	UserAgent string

	Now    func() time.Time
	Logger *slog.Logger
}

func (o CommandOptions) withDefaults() CommandOptions {
	if o.DeferAfter <= 0 {
		o.DeferAfter = 1500 * time.Millisecond
	}
	if o.LookupTimeout <= 0 {
		o.LookupTimeout = 30 * time.Second
	}
	if o.LookupBudget <= 0 {
		o.LookupBudget = 5 * time.Second
	}
	if o.MaxLookups <= 0 {
		o.MaxLookups = 2
	}
	if o.MaxSummaries <= 0 {
		o.MaxSummaries = 2
	}
	if o.UserInterval <= 0 {
		o.UserInterval = 2 * time.Second
	}
	if o.UserBurst <= 0 {
		o.UserBurst = 5
	}
	if o.TimelinePage <= 0 {
		o.TimelinePage = 10
	}
	if o.SearchPage <= 0 {
		o.SearchPage = 5
	}
	if o.SummaryTimeout <= 0 {
		o.SummaryTimeout = 15 * time.Second
	}
	if o.SummaryMaxBytes <= 0 {
		o.SummaryMaxBytes = 2 << 20
	}
	if o.SummarySentences <= 0 {
		o.SummarySentences = 4
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// CommandStore is the part of storage.Store the slash commands use;
// storage.Store satisfies it.
type CommandStore interface {
	lookup.Store             // lookup.Commands, /rules test
	lookup.FeedStateStore    // /feeds
	lookup.ChannelStateStore // /feeds: channels that refuse the bot
	lookup.FoldStore         // the page buttons of a flood's fold message
	lookup.StoryStore        // the stories of /latest's items
	lookup.WhyStore          // /why
	// ItemByLink finds a stored item for /summary.
	ItemByLink(ctx context.Context, link string) (model.Item, error)
	// Mutes and SetMute serve /mute and /unmute.
	Mutes(ctx context.Context, at time.Time) ([]model.Mute, error)
	SetMute(ctx context.Context, m model.Mute) error
	// Meta and SetMeta keep the search texts behind page buttons.
	Meta(ctx context.Context, key string) (string, error)
	SetMeta(ctx context.Context, key, value string) error
}

// Commands answers wirewatch's slash commands, their autocomplete and
// their page buttons. Add Handle to a session with s.AddHandler.
type Commands struct {
	store   CommandStore
	runtime func() (*config.Config, *rules.Engine)
	opts    CommandOptions
	client  *http.Client
	log     *slog.Logger
	budget  *budget

	// Handlers run on discordgo's goroutines; Close cancels their work
	// (stop) and waits for them (running), so none outlives the store.
	stop    context.Context
	cancel  context.CancelFunc
	mu      sync.Mutex
	closed  bool
	running sync.WaitGroup
}

// NewCommands returns the command handlers. runtime returns the config and
// compiled rules in force; it is called once per interaction, so a config
// reload applies to the next command.
func NewCommands(store CommandStore, runtime func() (*config.Config, *rules.Engine), opts CommandOptions) *Commands {
	opts = opts.withDefaults()
	client := opts.HTTPClient
	if client == nil {
		client = feeds.NewHTTPClient(feeds.Options{
			UserAgent: opts.UserAgent, Timeout: opts.SummaryTimeout, MaxBodyBytes: opts.SummaryMaxBytes,
		}, opts.AllowPrivate)
	}
	stop, cancel := context.WithCancel(context.Background())
	return &Commands{store: store, runtime: runtime, opts: opts, client: client, log: opts.Logger, budget: newBudget(opts), stop: stop, cancel: cancel}
}

// Close ends the work of commands in progress and waits for their handlers
// to return; interactions that arrive later are ignored.
func (c *Commands) Close() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	c.cancel()
	c.running.Wait()
}

// enter counts a handler in, unless the commands are closed.
func (c *Commands) enter() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return false
	}
	c.running.Add(1)
	return true
}

// Register replaces the application's commands with Definitions: one bulk
// overwrite per guild, or one global overwrite when guildIDs is empty, so
// that renamed or removed commands do not linger.
func (c *Commands) Register(s *discordgo.Session, appID string, guildIDs []string) error {
	defs := c.Definitions()
	if len(guildIDs) == 0 {
		c.log.Warn("slash commands registered globally: they answer in every server that adds the bot; set discord.guild_ids to the desk's servers")
		guildIDs = []string{""}
	}
	for _, g := range guildIDs {
		if _, err := s.ApplicationCommandBulkOverwrite(appID, g, defs); err != nil {
			where := "globally"
			if g != "" {
				where = "in guild " + g
			}
			return fmt.Errorf("register %d commands %s: %w", len(defs), where, err)
		}
		c.log.Info("registered slash commands", "count", len(defs), "guild", g)
	}
	return nil
}

// Handle answers one interaction: a command, an autocomplete request or a
// page button. It returns when the answer is delivered.
func (c *Commands) Handle(s *discordgo.Session, i *discordgo.InteractionCreate) {
	if i == nil || i.Interaction == nil || !c.enter() {
		return
	}
	defer c.running.Done()
	defer func() {
		if p := recover(); p != nil {
			c.log.Error("slash command panicked", "panic", p, "stack", string(debug.Stack()))
		}
	}()
	if cfg, _ := c.runtime(); cfg != nil {
		if why := outOfScope(i, cfg); why != "" {
			c.refuse(s, i, why)
			return
		}
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		c.command(s, i)
	case discordgo.InteractionApplicationCommandAutocomplete:
		c.autocomplete(s, i)
	case discordgo.InteractionMessageComponent:
		c.component(s, i)
	}
}

// command routes a slash command to its handler.
func (c *Commands) command(s *discordgo.Session, i *discordgo.InteractionCreate) {
	data := i.ApplicationCommandData()
	cfg, engine := c.runtime()
	in := &request{c: c, s: s, i: i, cfg: cfg, engine: engine, opts: newOptions(data.Options)}
	c.log.Debug("slash command", "command", data.Name, "user", userID(i), "guild", i.GuildID)
	if lc, ok := lookup.CommandNamed(data.Name); ok {
		m, k := modeMessage, kindLookup
		if lc.Admin {
			m |= modeEphemeral
		}
		if lc.Light {
			k = kindCheap
		}
		c.answer(in, m, c.budgeted(k, tooLongOf(lc.Name), c.lookupWork(lc)))
		return
	}
	switch data.Name {
	case "summary":
		c.answer(in, modeMessage|modeAlwaysDefer, c.budgeted(kindSummary, "", c.summary))
	case "why":
		c.answer(in, modeMessage|modeEphemeral, c.budgeted(kindLookup, tooLongOther, c.why))
	case "rules":
		k := kindCheap
		if in.opts.sub == "test" {
			k = kindLookup
		}
		c.answer(in, modeMessage, c.budgeted(k, tooLongRules, c.rules))
	case "mute":
		c.answer(in, modeMessage, c.budgeted(kindCheap, "", c.mute))
	case "unmute":
		c.answer(in, modeMessage, c.budgeted(kindCheap, "", c.unmute))
	default:
		c.answer(in, modeMessage, func(context.Context, *request) (reply, error) {
			return reply{}, userErrorf("wirewatch has no /%s command any more; type / to see the current ones", data.Name)
		})
	}
}

// request is one interaction with what its handler needs.
type request struct {
	c      *Commands
	s      *discordgo.Session
	i      *discordgo.InteractionCreate
	cfg    *config.Config
	engine *rules.Engine
	opts   options
}

func userID(i *discordgo.InteractionCreate) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// canManageServer reports whether the member who sent the interaction has
// Manage Server (or Administrator) in the guild. Discord computes the
// member's permissions in the interaction itself.
func canManageServer(i *discordgo.InteractionCreate) bool {
	if i.GuildID == "" || i.Member == nil {
		return false
	}
	p := i.Member.Permissions
	return p&discordgo.PermissionAdministrator != 0 || p&discordgo.PermissionManageGuild != 0
}
