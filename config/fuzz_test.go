package config

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: Parse never panics, always answers with Errors whose positions
// are in the file and sorted, and maps every query byte to a position.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.toml")
	seeds = append(seeds, filepath.Join("..", "config.example.toml"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("f.toml", data)
		if err == nil && cfg == nil {
			t.Fatal("nil config without an error")
		}
		if err != nil {
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error %v (%T) is not a non-empty Errors", err, err)
			}
			for i, e := range errs {
				if e.Pos.File != "f.toml" || e.Pos.Line < 1 || e.Pos.Col < 1 {
					t.Fatalf("bad position %+v", e.Pos)
				}
				if i > 0 {
					p := errs[i-1].Pos
					if p.Line > e.Pos.Line || p.Line == e.Pos.Line && p.Col > e.Pos.Col {
						t.Fatalf("errors not sorted: %v", errs)
					}
				}
			}
		}
		if cfg == nil {
			return
		}
		for _, r := range cfg.Rules {
			for i := 0; i <= len(r.Query); i++ {
				if p := r.QueryPosAt(i); p.Line < 1 || p.Col < 1 {
					t.Fatalf("rule %q: QueryPosAt(%d) = %+v", r.Name, i, p)
				}
			}
		}
	})
}
