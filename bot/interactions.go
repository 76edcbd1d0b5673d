package bot

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/lookup"
)

// reply is what a command shows.
type reply struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Ephemeral  bool
}

// mode says how an interaction is acknowledged.
type mode uint8

const (
	modeMessage     mode = 1 << iota // a command: answer with a new message (type 4, deferred 5)
	modeUpdate                       // a button: update its message (type 7, deferred 6)
	modeEphemeral                    // only the user sees the answer
	modeAlwaysDefer                  // defer at once (the work fetches from the network)
)

// userError is a mistake of the user, shown to them as is (it is built from
// escaped text).
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

func userErrorf(format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...)}
}

type result struct {
	r   reply
	err error
}

// answer runs work and acknowledges the interaction within Discord's 3 s:
// with the answer itself when work ends within DeferAfter, else with a
// deferral followed by the answer. Errors are shown only to the user.
func (c *Commands) answer(in *request, m mode, work func(context.Context, *request) (reply, error)) {
	ctx, cancel := context.WithTimeout(c.stop, c.opts.LookupTimeout)
	defer cancel()
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				c.log.Error("slash command panicked", "panic", p, "stack", string(debug.Stack()))
				done <- result{err: fmt.Errorf("panic: %v", p)}
			}
		}()
		r, err := work(ctx, in)
		done <- result{r, err}
	}()

	if m&modeAlwaysDefer == 0 {
		timer := time.NewTimer(c.opts.DeferAfter)
		select {
		case res := <-done:
			timer.Stop()
			c.deliverNow(ctx, in, m, res)
			return
		case <-timer.C:
		}
	}
	if err := c.deferAck(ctx, in, m); err != nil {
		c.log.Warn("defer interaction", "err", err, "interaction", in.i.ID)
		cancel()
		<-done
		return
	}
	c.deliverLate(ctx, in, m, <-done)
}

// deliverNow answers with the result as the first response.
func (c *Commands) deliverNow(ctx context.Context, in *request, m mode, res result) {
	typ := discordgo.InteractionResponseChannelMessageWithSource
	r := res.r
	if res.err != nil {
		r = c.failure(in, res.err)
	} else {
		if m&modeUpdate != 0 {
			typ = discordgo.InteractionResponseUpdateMessage
		}
		r.Ephemeral = r.Ephemeral || m&modeEphemeral != 0
	}
	if err := c.respond(ctx, in, typ, r); err != nil {
		c.log.Warn("answer interaction", "err", err, "interaction", in.i.ID)
	}
}

// deferAck acknowledges now and promises an answer.
func (c *Commands) deferAck(ctx context.Context, in *request, m mode) error {
	typ := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if m&modeUpdate != 0 {
		typ = discordgo.InteractionResponseDeferredMessageUpdate
	}
	resp := &discordgo.InteractionResponse{Type: typ}
	if m&modeEphemeral != 0 && m&modeUpdate == 0 {
		resp.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions()}
	}
	return in.s.InteractionRespond(in.i.Interaction, resp, discordgo.WithContext(ctx))
}

// deliverLate answers a deferred interaction: it edits the deferred
// message, or for an error replaces it with a message only the user sees.
func (c *Commands) deliverLate(ctx context.Context, in *request, m mode, res result) {
	if res.err == nil {
		if err := c.editOriginal(ctx, in, res.r); err != nil {
			c.log.Warn("edit deferred answer", "err", err, "interaction", in.i.ID)
		}
		return
	}
	r := c.failure(in, res.err)
	if m&modeEphemeral != 0 && m&modeUpdate == 0 {
		if err := c.editOriginal(ctx, in, r); err != nil {
			c.log.Warn("edit deferred answer", "err", err, "interaction", in.i.ID)
		}
		return
	}
	if m&modeUpdate == 0 {
		// The deferred "thinking…" message is public; an error is not.
		if err := in.s.InteractionResponseDelete(in.i.Interaction, discordgo.WithContext(ctx)); err != nil {
			c.log.Warn("delete deferred answer", "err", err, "interaction", in.i.ID)
		}
	}
	if _, err := in.s.FollowupMessageCreate(in.i.Interaction, true, &discordgo.WebhookParams{
		Content: r.Content, Embeds: r.Embeds, Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx)); err != nil {
		c.log.Warn("send error follow-up", "err", err, "interaction", in.i.ID)
	}
}

// failure turns an error into what the user sees: their mistake as is,
// anything else as an apology (the details go to the log).
func (c *Commands) failure(in *request, err error) reply {
	var ue *userError
	var te *lookup.TopicError
	var re *lookup.RuleError
	var ie *lookup.InputError
	var ne *lookup.NoItemError
	msg := ""
	switch {
	case errors.As(err, &ue):
		msg = ue.msg
	case errors.As(err, &te):
		msg = fmt.Sprintf("No topic named %s. Try /%s topic: and pick one from the list (known: %s).",
			code(te.Name), commandName(in), listNames(te.Known))
	case errors.As(err, &re):
		msg = fmt.Sprintf("No rule named %s. Try /rules test name: and pick one from the list (known: %s).",
			code(re.Name), listNames(re.Known))
	case errors.As(err, &ie):
		msg = capitalize(mdText(ie.Msg, 1500)) + "."
	case errors.As(err, &ne):
		msg = fmt.Sprintf("No stored item has the link, key or GUID %s. Paste the link of an item wirewatch stored (from an alert, /search or /latest).", code(ne.Ref))
	case errors.Is(err, context.DeadlineExceeded):
		msg = "That took too long and was stopped. Try a shorter range or fewer words."
	default:
		c.log.Error("slash command failed", "err", err, "interaction", in.i.ID, "user", userID(in.i))
		msg = "Something went wrong on wirewatch's side; try again in a minute. If it keeps failing, tell an admin."
	}
	return reply{Content: truncateRunes("⚠️ "+msg, 2000), Ephemeral: true}
}

// commandName is the command an interaction belongs to, for hints.
func commandName(in *request) string {
	if in.i.Type == discordgo.InteractionApplicationCommand {
		return in.i.ApplicationCommandData().Name
	}
	if strings.HasPrefix(in.i.MessageComponentData().CustomID, searchButton+":") {
		return "search"
	}
	return "timeline"
}

// noMentions lets nothing in an answer ping anyone.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func responseData(r reply) *discordgo.InteractionResponseData {
	d := &discordgo.InteractionResponseData{
		Content: r.Content, Embeds: r.Embeds, Components: r.Components, AllowedMentions: noMentions(),
	}
	if d.Components == nil {
		d.Components = []discordgo.MessageComponent{}
	}
	if r.Ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

func (c *Commands) respond(ctx context.Context, in *request, typ discordgo.InteractionResponseType, r reply) error {
	return in.s.InteractionRespond(in.i.Interaction, &discordgo.InteractionResponse{Type: typ, Data: responseData(r)}, discordgo.WithContext(ctx))
}

func (c *Commands) editOriginal(ctx context.Context, in *request, r reply) error {
	content, embeds, comps := r.Content, r.Embeds, r.Components
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	_, err := in.s.InteractionResponseEdit(in.i.Interaction, &discordgo.WebhookEdit{
		Content: &content, Embeds: &embeds, Components: &comps, AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx))
	return err
}

// options reads a command's options, flattening a subcommand. Values are
// untrusted: Discord validates them, but nothing forces a client to.
type options struct {
	sub    string
	values map[string]*discordgo.ApplicationCommandInteractionDataOption
}

func newOptions(list []*discordgo.ApplicationCommandInteractionDataOption) options {
	o := options{values: map[string]*discordgo.ApplicationCommandInteractionDataOption{}}
	for _, opt := range list {
		if opt == nil {
			continue
		}
		if opt.Type == discordgo.ApplicationCommandOptionSubCommand {
			o.sub = opt.Name
			for _, so := range opt.Options {
				if so != nil {
					o.values[so.Name] = so
				}
			}
			continue
		}
		o.values[opt.Name] = opt
	}
	return o
}

// string returns a string option, "" when absent or not a string.
func (o options) string(name string) string {
	if opt := o.values[name]; opt != nil {
		if s, ok := opt.Value.(string); ok {
			return s
		}
	}
	return ""
}

// int returns an integer option (0 when absent), refusing what is not a
// whole number within [lo, hi].
func (o options) int(name string, lo, hi int) (int, error) {
	opt := o.values[name]
	if opt == nil || opt.Value == nil {
		return 0, nil
	}
	var f float64
	switch v := opt.Value.(type) {
	case float64:
		f = v
	case string:
		n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return 0, userErrorf("%s must be a whole number between %d and %d", name, lo, hi)
		}
		f = n
	default:
		return 0, userErrorf("%s must be a whole number between %d and %d", name, lo, hi)
	}
	if f != math.Trunc(f) || f < float64(lo) || f > float64(hi) {
		return 0, userErrorf("%s must be a whole number between %d and %d, not %s", name, lo, hi, code(strconv.FormatFloat(f, 'f', -1, 64)))
	}
	return int(f), nil
}

func (o options) focused() (*discordgo.ApplicationCommandInteractionDataOption, bool) {
	for _, opt := range o.values {
		if opt.Focused {
			return opt, true
		}
	}
	return nil, false
}

// component answers a button: the custom_id says what to show, so a page
// button works after a restart too.
func (c *Commands) component(s *discordgo.Session, i *discordgo.InteractionCreate) {
	data := i.MessageComponentData()
	cfg, engine := c.runtime()
	in := &request{c: c, s: s, i: i, cfg: cfg, engine: engine}
	kind, _, _ := strings.Cut(data.CustomID, ":")
	switch kind {
	case timelineButton:
		c.answer(in, modeUpdate, c.budgeted(kindLookup, tooLongOf("timeline"), func(ctx context.Context, in *request) (reply, error) {
			return c.timelineButton(ctx, in, data.CustomID)
		}))
	case searchButton:
		c.answer(in, modeUpdate, c.budgeted(kindLookup, tooLongOf("search"), func(ctx context.Context, in *request) (reply, error) {
			return c.searchButton(ctx, in, data.CustomID)
		}))
	case foldButton:
		c.answer(in, modeUpdate, c.budgeted(kindLookup, tooLongOther, func(ctx context.Context, in *request) (reply, error) {
			return c.foldButton(ctx, data.CustomID)
		}))
	default:
		c.answer(in, modeUpdate, func(context.Context, *request) (reply, error) {
			return reply{}, userErrorf("This button no longer works; run the command again.")
		})
	}
}

// maxChoices is Discord's limit on autocomplete choices.
const maxChoices = 25

// autocomplete offers the configured topics, rules or feeds matching what
// the user typed, at most 25.
func (c *Commands) autocomplete(s *discordgo.Session, i *discordgo.InteractionCreate) {
	data := i.ApplicationCommandData()
	cfg, _ := c.runtime()
	opts := newOptions(data.Options)
	var choices []*discordgo.ApplicationCommandOptionChoice
	if f, ok := opts.focused(); ok {
		typed, _ := f.Value.(string)
		switch {
		case f.Name == "topic":
			choices = topicChoices(cfg, typed)
		case data.Name == "rules" && f.Name == "name":
			choices = ruleChoices(cfg, typed)
		case f.Name == "feed":
			choices = feedChoices(cfg, typed)
		}
	}
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	ctx, cancel := context.WithTimeout(c.stop, c.opts.LookupTimeout)
	defer cancel()
	if err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}, discordgo.WithContext(ctx)); err != nil {
		c.log.Warn("answer autocomplete", "err", err, "interaction", i.ID)
	}
}
