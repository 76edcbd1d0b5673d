package demo

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/config"
)

// inProcessDiscord is a Discord of our own, on loopback, that the real
// discordgo client and wirewatch's Discord sink post to, so the demo
// exercises the same delivery code as production.
type inProcessDiscord struct {
	srv  *discordtest.Server
	sink *bot.Discord
}

const demoGuild = "300000000000000001"

func startDiscord(_ context.Context, cfg *config.Config) (*inProcessDiscord, error) {
	srv := discordtest.NewServer(discordtest.Options{})
	srv.AddGuild(demoGuild, "Korea Desk")
	for _, ch := range cfg.Channels {
		srv.AddChannel(demoGuild, ch.ID, ch.Name)
	}
	session, err := srv.Session("demo-token")
	if err != nil {
		srv.Close()
		return nil, err
	}
	session.Client.Transport = bot.NewLimiter(session.Client.Transport, bot.LimiterOptions{FreshStart: true})
	return &inProcessDiscord{srv: srv, sink: bot.NewDiscord(session)}, nil
}

func (d *inProcessDiscord) Close() { d.srv.Close() }

// counts returns how many messages the channels hold and how many edits
// they received.
func (d *inProcessDiscord) counts(channels []config.Channel) (messages, edits int) {
	for _, ch := range channels {
		for _, m := range d.srv.Messages(ch.ID) {
			messages++
			edits += m.Edits
		}
	}
	return messages, edits
}

// show prints what each channel shows, as a user would read it, and returns
// the same text per channel.
func (d *inProcessDiscord) show(out io.Writer, channels []config.Channel, loc *time.Location) map[string][]string {
	shown := make(map[string][]string, len(channels))
	for _, ch := range channels {
		msgs := d.srv.Messages(ch.ID)
		fmt.Fprintf(out, "\n━━ #%s: %s ━━\n", ch.Name, plural(len(msgs), "message"))
		for _, m := range msgs {
			// Discord shows its timestamps in each reader's zone; a
			// terminal shows them in the desk's.
			text := strings.TrimRight(bot.PlainTimes(bot.MessageText(bot.Message{Content: m.Content, Embeds: bot.FromEmbeds(m.Embeds)}), loc), "\n") + "\n"
			switch {
			case m.Edits == 1:
				text += "(edited once: more outlets reported the story, or its article's full text arrived)\n"
			case m.Edits > 1:
				text += fmt.Sprintf("(edited %d times: more outlets reported the story, or its article's full text arrived)\n", m.Edits)
			}
			if !m.Pinged.Empty() {
				text += fmt.Sprintf("(pinged roles: %s)\n", strings.Join(m.Pinged.Roles, ", "))
			}
			fmt.Fprintln(out, text)
			shown[ch.Name] = append(shown[ch.Name], text)
		}
	}
	return shown
}
