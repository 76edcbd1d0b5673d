package bot

import (
	"github.com/bwmarrin/discordgo"

	"wirewatch/lookup"
)

// Option bounds Discord enforces in its client; the handlers check them
// again, since an interaction's values are untrusted.
const (
	maxCount     = 25
	maxURLLength = 2000
	maxSpanLen   = 20
)

// Definitions are the slash commands wirewatch registers.
func (c *Commands) Definitions() []*discordgo.ApplicationCommand {
	manage := int64(discordgo.PermissionManageGuild)
	noDM := false
	one := 1.0
	days := func(desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionInteger, Name: "days", Description: desc,
			MinValue: &one, MaxValue: lookup.MaxDays,
		}
	}
	topic := func(required bool, desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: desc,
			Required: required, Autocomplete: true, MaxLength: 100,
		}
	}
	date := func(name, desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionString, Name: name, Description: desc, MaxLength: 10,
		}
	}
	channel := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionChannel, Name: "channel",
		Description:  "Alert channel (default: this one)",
		ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews},
	}
	return []*discordgo.ApplicationCommand{
		{
			Name: "timeline", Description: "A topic's events by date, newest first",
			Options: []*discordgo.ApplicationCommandOption{
				topic(true, "Topic to show"),
				days("How many days back (default 90)"),
				date("from", "First day, YYYY-MM-DD"),
				date("to", "Last day, YYYY-MM-DD"),
			},
		},
		{
			Name: "search", Description: "Search stored news, best match first",
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: "query", Required: true,
					Description: `Words to find; "quoted phrase", -exclude, word*`, MaxLength: lookup.MaxQueryRunes,
				},
				topic(false, "Only this topic"),
				days("How many days back (default 365)"),
			},
		},
		{
			Name: "latest", Description: "The newest items with their summaries",
			Options: []*discordgo.ApplicationCommandOption{
				topic(false, "Only this topic"),
				{
					Type: discordgo.ApplicationCommandOptionInteger, Name: "count", Description: "How many (default 5, at most 25)",
					MinValue: &one, MaxValue: maxCount,
				},
			},
		},
		{
			Name: "summary", Description: "Summarize a news article from its link",
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: "url", Description: "Link to a public web page",
				Required: true, MaxLength: maxURLLength,
			}},
		},
		{
			Name: "why", Description: "Why an item alerted, or did not: its whole path through wirewatch",
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: "url", Description: "The item's link (or its GUID)",
				Required: true, MaxLength: maxURLLength,
			}},
		},
		{
			Name: "feeds", Description: "Health of every feed (admins)",
			DefaultMemberPermissions: &manage, DMPermission: &noDM,
		},
		{
			Name: "rules", Description: "Alert rules: list them or test one on stored news",
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionSubCommand, Name: "list", Description: "List the rules, or show one",
					Options: []*discordgo.ApplicationCommandOption{{
						Type: discordgo.ApplicationCommandOptionString, Name: "name", Description: "Rule to show",
						Autocomplete: true, MaxLength: 100,
					}},
				},
				{
					Type: discordgo.ApplicationCommandOptionSubCommand, Name: "test", Description: "Which stored items a rule would have matched",
					Options: []*discordgo.ApplicationCommandOption{
						{
							Type: discordgo.ApplicationCommandOptionString, Name: "name", Description: "Rule to test",
							Required: true, Autocomplete: true, MaxLength: 100,
						},
						days("How many days back (default 30)"),
					},
				},
			},
		},
		{
			Name: "mute", Description: "Pause a topic's alerts in a channel (Manage Server)",
			DefaultMemberPermissions: &manage, DMPermission: &noDM,
			Options: []*discordgo.ApplicationCommandOption{
				topic(true, "Topic to mute"),
				{
					Type: discordgo.ApplicationCommandOptionString, Name: "for", Description: "How long: 30m, 6h, 2d, 1w (at most 90d)",
					Required: true, MaxLength: maxSpanLen,
				},
				channel,
			},
		},
		{
			Name: "unmute", Description: "Resume a topic's alerts in a channel (Manage Server)",
			DefaultMemberPermissions: &manage, DMPermission: &noDM,
			Options: []*discordgo.ApplicationCommandOption{
				topic(true, "Topic to unmute"),
				channel,
			},
		},
	}
}
