package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// decoder collects every mistake instead of stopping at the first.
type decoder struct {
	doc  *document
	errs Errors
	ids  []IDRef // Discord ids outside [[channels]], for Config.DiscordIDs
}

func (d *decoder) errorf(pos Pos, format string, args ...any) {
	d.errs = append(d.errs, Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// sorted returns the mistakes ordered by position (stable for equal ones).
func (d *decoder) sorted() Errors { return d.errs.Sorted() }

// table reads the keys of one TOML table. Every accessor records its key as
// known, so finish can report the others as unknown.
type table struct {
	d     *decoder
	n     *node
	name  string // "polling", "feeds", "" for the top level
	array bool   // an entry of [[name]]
	known []string
}

func (d *decoder) table(n *node, name string, array bool) *table {
	return &table{d: d, n: n, name: name, array: array}
}

// where names the table in messages: "[polling]", "[[feeds]]", "the top level".
func (t *table) where() string {
	switch {
	case t.name == "":
		return "top level"
	case t.array:
		return "[[" + t.name + "]]"
	}
	return "[" + t.name + "]"
}

// path names a key in messages: "polling.timeout", "feeds.url".
func (t *table) path(key string) string {
	if t.name == "" {
		return key
	}
	return t.name + "." + key
}

// get returns the key's node, or nil when the key is absent.
func (t *table) get(key string) *node {
	t.known = append(t.known, key)
	return t.n.fields[key]
}

func describe(n *node) string {
	switch n.kind {
	case kindString:
		return fmt.Sprintf("string %q", n.str)
	case kindInteger:
		return fmt.Sprintf("integer %d", n.integer)
	case kindFloat:
		return fmt.Sprintf("float %s", strconv.FormatFloat(n.float, 'g', -1, 64))
	case kindBool:
		return fmt.Sprintf("boolean %t", n.boolean)
	case kindDateTime:
		return "date-time " + n.str
	}
	return "a " + n.kind.String()
}

func (t *table) wrongType(key string, n *node, want string) {
	t.d.errorf(n.pos, "%s: expected %s, got %s", t.path(key), want, describe(n))
}

// str reads a string key; it returns the node when the key is a string.
func (t *table) str(key string, dst *string) *node {
	n := t.get(key)
	if n == nil {
		return nil
	}
	if n.kind != kindString {
		t.wrongType(key, n, "a string")
		return nil
	}
	*dst = n.str
	return n
}

// required is like str but reports a missing or empty key at the table.
func (t *table) required(key string, dst *string) *node {
	n := t.str(key, dst)
	if t.n.fields[key] == nil {
		t.d.errorf(t.n.pos, "%s: missing required key %q", t.where(), key)
		return nil
	}
	if n != nil && strings.TrimSpace(n.str) == "" {
		t.d.errorf(n.pos, "%s: must not be empty", t.path(key))
		return nil
	}
	return n
}

func (t *table) boolean(key string, dst *bool) *node {
	n := t.get(key)
	if n == nil {
		return nil
	}
	if n.kind != kindBool {
		t.wrongType(key, n, "true or false")
		return nil
	}
	*dst = n.boolean
	return n
}

func (t *table) integer(key string, dst *int64) *node {
	n := t.get(key)
	if n == nil {
		return nil
	}
	if n.kind != kindInteger {
		t.wrongType(key, n, "an integer")
		return nil
	}
	*dst = n.integer
	return n
}

// count reads a positive integer no larger than limit.
func (t *table) count(key string, dst *int, limit int64) *node {
	var v int64
	n := t.integer(key, &v)
	if n == nil {
		return nil
	}
	if v < 1 || v > limit {
		t.d.errorf(n.pos, "%s: %d is out of range (1 to %d)", t.path(key), v, limit)
		return nil
	}
	*dst = int(v)
	return n
}

// strings reads an array of strings; elems receives each element's node.
func (t *table) strings(key string, dst *[]string) []*node {
	n := t.get(key)
	if n == nil {
		return nil
	}
	if n.kind != kindArray {
		t.wrongType(key, n, "an array of strings")
		return nil
	}
	out := make([]string, 0, len(n.elems))
	nodes := make([]*node, 0, len(n.elems))
	for _, e := range n.elems {
		if e.kind != kindString {
			t.d.errorf(e.pos, "%s: expected strings in the array, got %s", t.path(key), describe(e))
			continue
		}
		out = append(out, e.str)
		nodes = append(nodes, e)
	}
	*dst = out
	return nodes
}

// snowflake reads a Discord id, which must be a quoted string of digits.
func (t *table) snowflake(key, what string, dst *string) *node {
	n := t.get(key)
	if n == nil {
		return nil
	}
	switch {
	case n.kind == kindInteger:
		t.d.errorf(n.pos, "%s: write Discord ids as strings: \"%d\"", t.path(key), n.integer)
		return nil
	case n.kind != kindString:
		t.wrongType(key, n, "a string")
		return nil
	case !isSnowflake(n.str):
		t.d.errorf(n.pos, "%s: %q is not a Discord %s id (digits only)", t.path(key), n.str, what)
		return nil
	}
	*dst = n.str
	return n
}

// channelID reads a channel's id on its platform: a non-empty string.
// Numbers are refused, since ids such as Discord's lose digits as TOML
// integers read by other tools.
func (t *table) channelID(key string, dst *string) *node {
	n := t.get(key)
	if n == nil {
		return nil
	}
	switch {
	case n.kind == kindInteger:
		t.d.errorf(n.pos, "%s: write channel ids as strings: \"%d\"", t.path(key), n.integer)
		return nil
	case n.kind != kindString:
		t.wrongType(key, n, "a string")
		return nil
	case strings.TrimSpace(n.str) == "":
		t.d.errorf(n.pos, "%s: must not be empty", t.path(key))
		return nil
	}
	*dst = n.str
	return n
}

// duration reads a Go duration string ("90s", "5m", "48h"). zeroOK allows "0".
func (t *table) duration(key string, dst *time.Duration, zeroOK bool) *node {
	var s string
	n := t.get(key)
	if n == nil {
		return nil
	}
	if n.kind != kindString {
		t.wrongType(key, n, `a duration string such as "10m"`)
		return nil
	}
	s = strings.TrimSpace(n.str)
	v, err := time.ParseDuration(s)
	if err != nil {
		t.d.errorf(n.pos, "%s: invalid duration %q (write a number and a unit: \"90s\", \"5m\", \"48h\")", t.path(key), n.str)
		return nil
	}
	if v < 0 || (v == 0 && !zeroOK) {
		t.d.errorf(n.pos, "%s: must be positive, got %q", t.path(key), n.str)
		return nil
	}
	*dst = v
	return n
}

// location reads an IANA time zone name.
func (t *table) location(key string, dst **time.Location) *node {
	var s string
	n := t.str(key, &s)
	if n == nil {
		return nil
	}
	loc, err := loadLocation(s)
	if err != nil {
		t.d.errorf(n.pos, "%s: %v", t.path(key), err)
		return nil
	}
	*dst = loc
	return n
}

// oneOf reads a string that must be one of choices (compared in lower case).
func (t *table) oneOf(key string, dst *string, choices ...string) *node {
	var s string
	n := t.str(key, &s)
	if n == nil {
		return nil
	}
	s = strings.ToLower(strings.TrimSpace(s))
	for _, c := range choices {
		if s == c {
			*dst = s
			return n
		}
	}
	t.d.errorf(n.pos, "%s: %q is not one of %s", t.path(key), n.str, QuoteList(choices, "or"))
	return nil
}

// QuoteList writes words as "a", "b" or "c" (conj "or") or "a", "b" and
// "c" (conj "and"): the first few of many, then how many more, so that a
// message stays one readable line.
func QuoteList(ws []string, conj string) string {
	const most = 5
	q := make([]string, 0, most+1)
	for _, w := range ws[:min(len(ws), most)] {
		q = append(q, strconv.Quote(w))
	}
	if len(ws) > most {
		q = append(q, fmt.Sprintf("%d more", len(ws)-most))
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + conj + " " + q[len(q)-1]
}

// finish reports every key that no accessor asked for.
func (t *table) finish() {
	for _, key := range t.n.keys {
		if contains(t.known, key) {
			continue
		}
		v := t.n.fields[key]
		hint := Suggest(key, t.known)
		switch {
		case v.kind == kindTable && t.name == "":
			msg := fmt.Sprintf("unknown table [%s]", key)
			if hint != "" {
				msg += fmt.Sprintf("; did you mean [%s]?", hint)
			}
			t.d.errorf(v.pos, "%s", msg)
		case v.arrayOfTables && t.name == "":
			msg := fmt.Sprintf("unknown table [[%s]]", key)
			if hint != "" {
				msg += fmt.Sprintf("; did you mean [[%s]]?", hint)
			}
			t.d.errorf(v.pos, "%s", msg)
		default:
			at := "in " + t.where()
			if t.name == "" {
				at = "at the top level"
			}
			msg := fmt.Sprintf("unknown key %q %s", key, at)
			if hint != "" {
				msg += fmt.Sprintf("; did you mean %q?", hint)
			} else if home := sectionOf(key); t.name == "" && home != "" {
				// Keys written above the first header belong to no table.
				msg += fmt.Sprintf("; it belongs under [%s]", home)
			}
			t.d.errorf(v.keyPos, "%s", msg)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Suggest returns the known name closest to key, if it is close enough to be a
// likely typo ("intervall", "max-interval", "Timeout").
func Suggest(key string, known []string) string {
	norm := func(s string) string { return strings.ReplaceAll(strings.ToLower(s), "-", "_") }
	best, bestDist := "", -1
	for _, k := range known {
		dist := levenshtein(norm(key), norm(k))
		limit := max(1, len(k)/3)
		if dist <= limit && (bestDist < 0 || dist < bestDist) {
			best, bestDist = k, dist
		}
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// sectionKeys lists the keys of the single tables, for hints about keys
// written at the top level by mistake.
var sectionKeys = map[string][]string{
	"bot":     {"name", "database", "timezone", "log_level", "listen"},
	"discord": {"application_id", "guild_ids", "admin_channel", "api_base"},
	"polling": {"tick", "default_interval", "min_interval", "max_interval", "timeout", "max_body_mb", "max_body_bytes", "per_host", "concurrency", "max_item_age", "max_alerts_per_poll", "user_agent"},
	"stories": {"window", "updates", "edit_interval"},
}

func sectionOf(key string) string {
	for _, section := range []string{"bot", "discord", "polling", "stories"} {
		if contains(sectionKeys[section], key) {
			return section
		}
	}
	return ""
}
