package sqlq

import (
	"testing"
	"time"

	"wirewatch/storage"
)

type numbered struct{ Dialect }

func (numbered) Numbered() bool { return true }

type plain struct{ Dialect }

func (plain) Numbered() bool { return false }

func TestRebind(t *testing.T) {
	for _, tt := range []struct{ in, numbered string }{
		{`SELECT 1`, `SELECT 1`},
		{`a = ? AND b IN (?, ?)`, `a = $1 AND b IN ($2, $3)`},
		{`x = '?' AND y = ?`, `x = '?' AND y = $1`},                                                   // a ? inside a literal is text
		{`s @@ '''_s1'' & ''?'''::tsquery AND id < ?`, `s @@ '''_s1'' & ''?'''::tsquery AND id < $1`}, // doubled quotes stay inside
		{`LIMIT ? OFFSET ?`, `LIMIT $1 OFFSET $2`},
	} {
		if got := Rebind(numbered{}, tt.in); got != tt.numbered {
			t.Errorf("Rebind(%q) = %q, want %q", tt.in, got, tt.numbered)
		}
		if got := Rebind(plain{}, tt.in); got != tt.in {
			t.Errorf("Rebind(%q) without numbers = %q", tt.in, got)
		}
	}
}

type pageDialect struct{ Dialect }

func (pageDialect) NoLimit() any { return "none" }

func (pageDialect) Time(t time.Time) any { return t }

func TestWherePage(t *testing.T) {
	var w Where
	w.Add(`a = ?`, 1)
	w.Add(`b < ?`, 2)
	if got := w.SQL(); got != ` WHERE a = ? AND b < ?` {
		t.Fatalf("SQL() = %q", got)
	}
	if got := w.Page(pageDialect{}, queryLimit(-1, 5)); got != ` LIMIT ? OFFSET ?` {
		t.Fatalf("Page() = %q", got)
	}
	if want := []any{1, 2, "none", 5}; len(w.Args) != 4 || w.Args[2] != want[2] || w.Args[3] != want[3] {
		t.Fatalf("args %v, want %v", w.Args, want)
	}
	var empty Where
	if empty.SQL() != "" {
		t.Fatal("an empty Where writes SQL")
	}
}

func queryLimit(limit, offset int) storage.Query { return storage.Query{Limit: limit, Offset: offset} }
