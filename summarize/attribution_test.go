package summarize

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"wirewatch/model"
)

// TestWithoutOutletAttribution reads testdata/attribution.txt: each "<"
// sentence must come back as the ">" line after it.
func TestWithoutOutletAttribution(t *testing.T) {
	f, err := os.Open("testdata/attribution.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var in string
	cases := 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		switch {
		case strings.HasPrefix(text, "< "):
			in = text[2:]
		case strings.HasPrefix(text, "> "):
			cases++
			if got, want := WithoutOutletAttribution(in), text[2:]; got != want {
				t.Errorf("line %d: %q\n got %q\nwant %q", line, in, got, want)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cases < 20 {
		t.Fatalf("only %d cases read", cases)
	}
}

func TestStoryLead(t *testing.T) {
	tests := []struct {
		name string
		it   model.Item
		want string
	}{
		{"summary's first sentence, attribution dropped",
			model.Item{Title: "N. Korea fires missile", Summary: []string{"SEOUL, Dec. 4 (Yonhap) -- North Korea fired a ballistic missile on Thursday, an official told Yonhap News Agency.", "It was the third launch this year."}},
			"North Korea fired a ballistic missile on Thursday, an official said."},
		{"text's lead when there is no summary",
			model.Item{Title: "Talks end", Text: "The two sides ended three days of talks in Geneva without a deal. They will meet again in March."},
			"The two sides ended three days of talks in Geneva without a deal."},
		{"a question summarizes nothing",
			model.Item{Title: "What next?", Summary: []string{"What will Pyongyang do next?"}},
			""},
		{"too short", model.Item{Title: "Update", Summary: []string{"More soon."}}, ""},
		{"nothing", model.Item{Title: "Headline only"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := StoryLead(&tt.it); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// BenchmarkStoryLead is what a story's summary adds to each new item: its
// first summary sentence through the attribution rule.
func BenchmarkStoryLead(b *testing.B) {
	it := model.Item{Title: "N. Korea launches military spy satellite: JCS", Summary: []string{
		"SEOUL, Dec. 4 (Yonhap) -- North Korea launched a military reconnaissance satellite from its west coast toward the south on Friday morning, an official of the Joint Chiefs of Staff told Yonhap News Agency.",
		"The rocket lifted off at 7:12 a.m.", "Seoul and Washington are analysing the flight."}}
	b.ReportAllocs()
	for b.Loop() {
		if StoryLead(&it) == "" {
			b.Fatal("no lead")
		}
	}
}
