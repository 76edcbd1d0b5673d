package bot

import (
	"context"
	"errors"
	"net/http"
	"slices"

	"github.com/bwmarrin/discordgo"

	"wirewatch/config"
)

// Scope: wirewatch answers only in the desk's servers. An interaction from
// a direct message, or from a guild that discord.guild_ids does not name,
// is refused before any handler runs, since the commands read the archive
// and the rules and change mutes. wirewatch has no command that is
// harmless in a DM (no /help), so every DM is refused. With no guild_ids
// (global registration) every guild is accepted; Register warns about it.

// outOfScope says why an interaction may not be answered here, or "".
func outOfScope(i *discordgo.InteractionCreate, cfg *config.Config) string {
	if i.GuildID == "" {
		return "wirewatch's commands work only in the news desk's server, not in direct messages."
	}
	if ids := cfg.Discord.GuildIDs; len(ids) > 0 && !slices.Contains(ids, i.GuildID) {
		return "wirewatch is not set up for this server; its commands work only in the servers its config names."
	}
	return ""
}

// refuse answers an out-of-scope interaction privately (autocomplete with
// no choices, since it cannot carry a message).
func (c *Commands) refuse(s *discordgo.Session, i *discordgo.InteractionCreate, why string) {
	c.log.Info("interaction refused: outside the configured guilds",
		"guild", i.GuildID, "user", userID(i), "channel", i.ChannelID)
	ctx, cancel := context.WithTimeout(c.stop, c.opts.LookupTimeout)
	defer cancel()
	resp := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: responseData(reply{Content: "⚠️ " + why, Ephemeral: true}),
	}
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		resp = &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{}},
		}
	}
	if err := s.InteractionRespond(i.Interaction, resp, discordgo.WithContext(ctx)); err != nil {
		c.log.Warn("answer refused interaction", "err", err, "interaction", i.ID)
	}
}

// inGuild reports whether a channel belongs to guild, asking Discord: a
// channel option is an id the client chose, and an interaction's resolved
// channels do not name their guild. A channel Discord does not show the
// bot (unknown, or in a guild without the bot) is not in the guild.
func inGuild(ctx context.Context, s *discordgo.Session, channelID, guildID string) (bool, error) {
	ch, err := s.Channel(channelID, discordgo.WithContext(ctx))
	if err != nil {
		var re *discordgo.RESTError
		if errors.As(err, &re) && re.Response != nil &&
			(re.Response.StatusCode == http.StatusNotFound || re.Response.StatusCode == http.StatusForbidden) {
			return false, nil
		}
		return false, err
	}
	return ch.GuildID == guildID, nil
}
