package bot

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"wirewatch/config"
)

// Budgets of an answer within Discord's limits (render.go), counted in
// code points. descriptionBudget leaves room under the 6000 total of an
// embed for its title and footer.
const (
	descriptionBudget = 3900
	headlineRunes     = 150
	maxLinkLen        = 512
	colorWirewatch    = 0x5865F2
)

// mdText makes untrusted text safe for a markdown place: one line,
// markdown escaped, mentions defused, at most n code points after escaping.
func mdText(s string, n int) string {
	return Truncate(Markdown(Truncate(strings.Join(strings.Fields(s), " "), n)), n)
}

// plainText is mdText for places Discord shows without markdown (footers).
func plainText(s string, n int) string {
	return Truncate(Plain(Truncate(strings.Join(strings.Fields(s), " "), n)), n)
}

// code shows untrusted text verbatim-looking but inert: escaped, not in
// backticks, which a user could close.
func code(s string) string { return "“" + mdText(s, 100) + "”" }

// link is a masked link to url with already-escaped text; text alone when
// the url is unsafe or absurdly long.
func link(text, url string) string {
	u := SafeURL(url)
	if u == "" || len(u) > maxLinkLen {
		return text
	}
	u = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(u)
	return "[" + text + "](" + u + ")"
}

// stamp is a Discord timestamp, shown in each reader's own time zone.
func stamp(t time.Time, style string) string {
	if t.IsZero() {
		return "never"
	}
	return fmt.Sprintf("<t:%d:%s>", t.Unix(), style)
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return Truncate(s, n)
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// listNames shows config names (topics, rules), at most a dozen.
func listNames(names []string) string {
	if len(names) == 0 {
		return "none configured"
	}
	const most = 12
	shown := names
	if len(shown) > most {
		shown = shown[:most]
	}
	out := make([]string, len(shown))
	for i, n := range shown {
		out[i] = mdText(n, 60)
	}
	s := strings.Join(out, ", ")
	if len(names) > most {
		s += fmt.Sprintf(" and %d more", len(names)-most)
	}
	return s
}

// lines builds an embed description line by line within a budget of code
// points, counting what did not fit.
type lines struct {
	b       strings.Builder
	used    int
	budget  int
	omitted int
}

func (l *lines) add(s string) bool {
	n := utf8.RuneCountInString(s) + 1
	if l.omitted > 0 || l.used+n > l.budget {
		l.omitted++
		return false
	}
	if l.used > 0 {
		l.b.WriteByte('\n')
	}
	l.b.WriteString(s)
	l.used += n
	return true
}

func (l *lines) String() string {
	s := l.b.String()
	if l.omitted > 0 {
		s += fmt.Sprintf("\n… %d more not shown", l.omitted)
	}
	return s
}

func embed(title, description, footer string) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Title:       truncateRunes(title, limitTitle),
		Description: description,
		Color:       colorWirewatch,
	}
	if footer != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: truncateRunes(footer, limitFooter)}
	}
	return e
}

// topicChoices offers the topics whose name or title contains what was
// typed (case-insensitive), prefix matches first, at most 25.
func topicChoices(cfg *config.Config, typed string) []*discordgo.ApplicationCommandOptionChoice {
	var cands []choice
	for _, t := range cfg.Topics {
		label := t.Name
		if t.Title != "" && t.Title != t.Name {
			label = t.Title + " (" + t.Name + ")"
		}
		cands = append(cands, choice{label: label, value: t.Name, keys: []string{t.Name, t.Title}})
	}
	return filterChoices(cands, typed)
}

// ruleChoices offers the rules matching what was typed.
func ruleChoices(cfg *config.Config, typed string) []*discordgo.ApplicationCommandOptionChoice {
	var cands []choice
	for _, r := range cfg.Rules {
		cands = append(cands, choice{label: r.Name, value: r.Name, keys: []string{r.Name}})
	}
	return filterChoices(cands, typed)
}

// feedChoices offers the feeds matching what was typed.
func feedChoices(cfg *config.Config, typed string) []*discordgo.ApplicationCommandOptionChoice {
	var cands []choice
	for _, f := range cfg.Feeds {
		cands = append(cands, choice{label: f.Name, value: f.Name, keys: []string{f.Name}})
	}
	return filterChoices(cands, typed)
}

type choice struct {
	label, value string
	keys         []string
}

func filterChoices(cands []choice, typed string) []*discordgo.ApplicationCommandOptionChoice {
	typed = strings.ToLower(strings.TrimSpace(truncateRunes(typed, 100)))
	type scored struct {
		c    choice
		rank int // 0 prefix, 1 substring
	}
	var hits []scored
	for _, c := range cands {
		if len(c.value) > 100 {
			continue // Discord refuses longer values; such a name cannot be offered
		}
		rank := -1
		for _, k := range c.keys {
			k = strings.ToLower(k)
			switch {
			case strings.HasPrefix(k, typed):
				rank = 0
			case rank < 0 && strings.Contains(k, typed):
				rank = 1
			}
		}
		if rank >= 0 {
			hits = append(hits, scored{c, rank})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].rank < hits[j].rank })
	out := []*discordgo.ApplicationCommandOptionChoice{}
	for _, h := range hits {
		if len(out) == maxChoices {
			break
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: truncateRunes(h.c.label, 100), Value: h.c.value})
	}
	return out
}
