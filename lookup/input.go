package lookup

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"wirewatch/config"
)

// Bounds on what a user may ask for. Everything a user types is untrusted:
// these keep one request from asking storage for more than a page's worth
// of work.
const (
	MaxQueryRunes = 200   // a search query, in code points
	MaxLimit      = 200   // results of one lookup
	MaxOffset     = 10000 // how deep paging may go
	MaxRuleScan   = 20000 // stored items RuleTest examines at most
	DefaultLimit  = 20
	minYear       = 1970 // dates before this are typos, not news
)

// InputError says what is wrong with a user's request, in words the user
// can act on. Anything else a lookup returns is the system's fault.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputf(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// IsInput reports whether err is the user's mistake (bad argument, unknown
// topic or rule) rather than a failure of the system.
func IsInput(err error) bool {
	var ie *InputError
	var te *TopicError
	var re *RuleError
	var ne *NoItemError
	return errors.As(err, &ie) || errors.As(err, &te) || errors.As(err, &re) || errors.As(err, &ne)
}

// RuleError says a rule name is not in the config, and which are.
type RuleError struct {
	Name  string
	Known []string
}

func (e *RuleError) Error() string {
	return fmt.Sprintf("no rule named %q; known rules: %s", e.Name, strings.Join(e.Known, ", "))
}

// CheckRule returns the rule of that name, or a *RuleError.
func CheckRule(cfg *config.Config, name string) (config.Rule, error) {
	known := make([]string, 0, len(cfg.Rules))
	for _, r := range cfg.Rules {
		if r.Name == name {
			return r, nil
		}
		known = append(known, r.Name)
	}
	sort.Strings(known)
	return config.Rule{}, &RuleError{Name: name, Known: known}
}

// ParseRange turns a user's days/from/to into a range. days 0 means "not
// given" (defDays is used); from and to are calendar dates (2006-01-02) in
// loc, to inclusive. With both dates days is ignored; with one date days
// counts from it. Ranges before 1970, past next year, reversed or longer
// than MaxDays are refused.
func ParseRange(days int, from, to string, defDays int, now time.Time, loc *time.Location) (Range, error) {
	if loc == nil {
		loc = time.UTC
	}
	if days < 0 || days > MaxDays {
		return Range{}, inputf("days must be between 1 and %d, not %d", MaxDays, days)
	}
	if days == 0 {
		days = defDays
	}
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	var r Range
	var err error
	switch {
	case from == "" && to == "":
		return DaysRange(days, now, loc)
	case from != "" && to != "":
		if r.From, err = parseDay(from, "from", now, loc); err != nil {
			return Range{}, err
		}
		if r.To, err = parseDay(to, "to", now, loc); err != nil {
			return Range{}, err
		}
		r.To = r.To.AddDate(0, 0, 1)
	case from != "":
		if r.From, err = parseDay(from, "from", now, loc); err != nil {
			return Range{}, err
		}
		r.To = r.From.AddDate(0, 0, days)
		if today, _ := DaysRange(1, now, loc); r.To.After(today.To) {
			r.To = today.To
		}
	default:
		if r.To, err = parseDay(to, "to", now, loc); err != nil {
			return Range{}, err
		}
		r.To = r.To.AddDate(0, 0, 1)
		r.From = r.To.AddDate(0, 0, -days)
	}
	if !r.From.Before(r.To) {
		return Range{}, inputf("from (%s) must be before to (%s)", r.From.In(loc).Format(time.DateOnly), r.To.In(loc).AddDate(0, 0, -1).Format(time.DateOnly))
	}
	if r.To.Sub(r.From) > time.Duration(MaxDays)*24*time.Hour+time.Hour {
		return Range{}, inputf("a range may span at most %d days", MaxDays)
	}
	return r, nil
}

// parseDay reads one calendar date and refuses absurd ones.
func parseDay(s, what string, now time.Time, loc *time.Location) (time.Time, error) {
	if utf8.RuneCountInString(s) > 10 {
		return time.Time{}, inputf("%s must be a date such as %s", what, now.In(loc).Format(time.DateOnly))
	}
	t, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil {
		return time.Time{}, inputf("%s must be a date such as %s, not %q", what, now.In(loc).Format(time.DateOnly), s)
	}
	if t.Year() < minYear || t.Year() > now.In(loc).Year()+1 {
		return time.Time{}, inputf("%s %s is out of range: use a date between %d and %d", what, s, minYear, now.In(loc).Year()+1)
	}
	return t, nil
}

// CleanQuery trims a search query, drops control characters and refuses an
// empty or overlong one.
func CleanQuery(text string) (string, error) {
	text = strings.ToValidUTF8(text, "")
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, text)
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return "", inputf("give words to search for, such as: missile launch")
	}
	if n := utf8.RuneCountInString(text); n > MaxQueryRunes {
		return "", inputf("the query is %d characters long; the limit is %d", n, MaxQueryRunes)
	}
	return text, nil
}

// page checks a limit and offset and applies the defaults.
func page(limit, offset int) (int, int, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	if offset < 0 || offset > MaxOffset {
		return 0, 0, inputf("results past the first %d cannot be paged to; narrow the search instead", MaxOffset)
	}
	return limit, offset, nil
}
