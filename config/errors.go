package config

import (
	"fmt"
	"strings"
)

// Error is one mistake in a config file, at a position.
type Error struct {
	Pos Pos
	Msg string
}

func (e Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Pos.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Errors is every mistake found in a config file; it is an error itself.
type Errors []Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}
