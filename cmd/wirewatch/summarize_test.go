package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractJSONL: batch extraction answers every line, a bad one with an
// error, and goes on.
func TestExtractJSONL(t *testing.T) {
	page := `<html><head><title>Launch</title></head><body><article>
<p>North Korea fired a short-range ballistic missile into the East Sea on Saturday, the Joint Chiefs of Staff said in a statement to reporters in Seoul.</p>
<p>The missile flew about 600 kilometers after it was launched from the Sunan area of Pyongyang, the military said.</p>
<p>Japan said the missile fell outside its exclusive economic zone and caused no damage to ships or aircraft in the area.</p>
<p>Also read this: Seoul and Washington open talks</p>
<p>Analysts said the launch appeared timed to the end of a trilateral exercise by the United States, South Korea and Japan.</p>
</article></body></html>`
	line, _ := json.Marshal(map[string]string{"id": "a1", "html": page, "url": "https://news.example/a1"})
	in := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(in, []byte(string(line)+"\n{not json\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := runExtract(context.Background(), []string{"--jsonl", in}, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d output lines, want 2:\n%s", len(lines), out.String())
	}
	var first struct{ ID, Text, Error string }
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil || first.ID != "a1" || !strings.Contains(first.Text, "ballistic missile") || strings.Contains(first.Text, "Also read") {
		t.Errorf("first line = %s (%v)", lines[0], err)
	}
	if !strings.Contains(lines[1], `"error"`) {
		t.Errorf("a bad line should give an error line, got %s", lines[1])
	}
}
