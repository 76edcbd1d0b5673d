package config

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one mistake in a config file, at a position. A warning is
// printed the same way, marked "warning:": something legal that probably
// does not do what its writer meant.
type Error struct {
	Pos     Pos
	Msg     string
	Warning bool
}

func (e Error) Error() string {
	if e.Warning {
		return fmt.Sprintf("%s: warning: %s", e.Pos, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

// String writes the position as file:line:col.
func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Errors is every mistake found in a config file; it is an error itself.
type Errors []Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sorted orders the mistakes by position, stable for equal ones.
func (es Errors) Sorted() Errors {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i].Pos, es[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return es
}
