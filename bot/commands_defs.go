package bot

import (
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/lookup"
)

// Option bounds Discord enforces in its client; the handlers check them
// again, since an interaction's values are untrusted.
const (
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
	channel := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionChannel, Name: "channel",
		Description:  "Alert channel (default: this one)",
		ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews},
	}
	// Registered in this order: everyone's lookups, summary and why, then
	// the admins' lookups and the configuration commands.
	var members, operators []*discordgo.ApplicationCommand
	for _, lc := range lookup.Commands {
		if lc.Admin {
			operators = append(operators, lookupDefinition(lc))
		} else {
			members = append(members, lookupDefinition(lc))
		}
	}
	defs := append(members, []*discordgo.ApplicationCommand{
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
	}...)
	defs = append(defs, operators...)
	return append(defs, []*discordgo.ApplicationCommand{
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
	}...)
}

// lookupDefinition is the slash command of a lookup: its parameters
// offered in chat are its options, in order.
func lookupDefinition(lc lookup.Command) *discordgo.ApplicationCommand {
	def := &discordgo.ApplicationCommand{Name: lc.Name, Description: truncateRunes(lookup.Capitalize(lc.Summary), 100)}
	if lc.Admin {
		manage := int64(discordgo.PermissionManageGuild)
		noDM := false
		def.DefaultMemberPermissions, def.DMPermission = &manage, &noDM
	}
	for _, p := range lc.Params {
		if p.In(lookup.Chat) {
			def.Options = append(def.Options, lookupOption(p))
		}
	}
	return def
}

// lookupOption is the slash command option of a lookup's parameter.
func lookupOption(p lookup.Param) *discordgo.ApplicationCommandOption {
	o := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: p.Name, Description: p.Describe(), Required: p.Required,
	}
	switch p.Type {
	case lookup.Number:
		least := float64(p.Min)
		o.Type, o.MinValue, o.MaxValue = discordgo.ApplicationCommandOptionInteger, &least, float64(p.MaxIn(lookup.Chat))
	case lookup.Date:
		o.MaxLength = len(time.DateOnly)
	case lookup.Topic, lookup.Feed:
		o.Autocomplete, o.MaxLength = true, p.MaxRunes
	default:
		o.MaxLength = p.MaxRunes
	}
	return o
}
