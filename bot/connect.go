package bot

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/rules"
	"wirewatch/storage"
)

// Connection is a live Discord session: the sink the outbox posts through
// and the slash commands it answers.
type Connection struct {
	*Discord
	session  *discordgo.Session
	commands *Commands
	ready    *atomic.Bool // the gateway is connected and identified
}

// Hooks are told what the connection sees, for metrics; nil fields are
// skipped.
type Hooks struct {
	// Answered is told the status of each REST answer (LimiterOptions).
	Answered func(status int, global bool)
	// Looked is told how long each slash command's work took
	// (CommandOptions).
	Looked func(command string, took time.Duration)
}

// Connect opens a gateway session with token, puts the REST limiter in front
// of every call (and under it, with discord.api_base set, the rewrite of
// Discord's REST address to that base), registers the slash commands with one bulk overwrite (per
// configured guild, or globally) and starts answering them.
func Connect(ctx context.Context, token string, store CommandStore, runtime func() (*config.Config, *rules.Engine), log *slog.Logger, hooks Hooks) (*Connection, error) {
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	return connect(ctx, s, store, runtime, log, hooks)
}

// lookupPools is a store with a connection pool of its own for members'
// lookups (both backends), which the commands then read through.
type lookupPools interface {
	ForLookups() storage.Store
}

// connect finishes a session made by Connect or, in tests, by the fake.
func connect(_ context.Context, s *discordgo.Session, store CommandStore, runtime func() (*config.Config, *rules.Engine), log *slog.Logger, hooks Hooks) (*Connection, error) {
	cfg, _ := runtime()
	transport := s.Client.Transport
	if cfg.Discord.APIBase != "" {
		rt, err := NewAPIBase(transport, cfg.Discord.APIBase)
		if err != nil {
			return nil, err
		}
		transport = rt
		log.Info("discord REST calls go through discord.api_base", "api_base", cfg.Discord.APIBase)
	}
	s.Client.Transport = NewLimiter(transport, LimiterOptions{Logger: log, UrgentChannels: urgentChannels(runtime), Answered: hooks.Answered})
	s.Identify.Intents = discordgo.IntentsGuilds // interactions need no intent
	if v, ok := store.(lookupPools); ok {
		store = v.ForLookups()
	}
	cmds := NewCommands(store, runtime, CommandOptions{Logger: log, UserAgent: cfg.Polling.UserAgent, Looked: hooks.Looked})
	s.AddHandler(cmds.Handle)
	ready := new(atomic.Bool)
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		ready.Store(true)
		log.Info("discord ready", "user", r.User.Username, "guilds", len(r.Guilds))
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
		ready.Store(true)
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
		ready.Store(false)
		log.Warn("discord gateway disconnected; reconnecting")
	})
	if err := s.Open(); err != nil {
		return nil, fmt.Errorf("open discord gateway: %w", err)
	}
	if cfg.Discord.ApplicationID != "" {
		if err := cmds.Register(s, cfg.Discord.ApplicationID, cfg.Discord.GuildIDs); err != nil {
			s.Close()
			return nil, fmt.Errorf("register slash commands: %w", err)
		}
	} else {
		log.Warn("no discord.application_id: slash commands are not registered")
	}
	return &Connection{Discord: NewDiscord(s, WithSinkLogger(log)), session: s, commands: cmds, ready: ready}, nil
}

// urgentChannels tells whether an urgent rule of the current config posts
// to a channel id: there the limiter keeps places for urgent alerts.
func urgentChannels(runtime func() (*config.Config, *rules.Engine)) func(string) bool {
	return func(channelID string) bool {
		cfg, _ := runtime()
		for _, r := range cfg.Rules {
			if r.Severity != string(model.SeverityUrgent) {
				continue
			}
			for _, name := range r.Channels {
				if ch := cfg.Channel(name); ch != nil && ch.ID == channelID {
					return true
				}
			}
		}
		return false
	}
}

// Connected reports whether the gateway session is up: identified (Ready)
// or resumed, and not disconnected since. discordgo reconnects by itself;
// /readyz asks this meanwhile.
func (c *Connection) Connected() bool { return c.ready.Load() }

// Close closes the gateway session, then waits for slash commands in
// progress, whose work it cancels.
func (c *Connection) Close() error {
	err := c.session.Close()
	c.commands.Close()
	return err
}
