package bot

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wirewatch/model"
)

// digestFixture is a morning brief in Seoul: an urgent launch told by six
// outlets over two days, smaller items, one with hostile feed text, one
// with a link too long to mask, and seven events not listed.
func digestFixture() model.DigestContent {
	kst := time.FixedZone("KST", 9*3600)
	until := time.Date(2026, 12, 5, 8, 0, 0, 0, kst)
	day := func(d int) time.Time { return time.Date(2026, 12, d, 0, 0, 0, 0, kst) }
	return model.DigestContent{Name: "morning-brief", Since: until.Add(-24 * time.Hour), Until: until, Total: 11, NotShown: 7,
		Sections: []model.DigestSection{
			{Topic: "north-korea", Title: "North Korea", Stories: 6, Entries: []model.DigestEntry{
				{StoryID: "s1", Headline: "North Korea launches military spy satellite, says it reached orbit", Link: "https://en.yna.co.kr/view/AEN20261204000351315",
					Summary: "North Korea launched a military reconnaissance satellite from its west coast on Friday morning, South Korea's military said.",
					Feed:    "Yonhap", Sources: 6, Severity: model.SeverityUrgent, EventDate: day(4), Updated: until.Add(-2 * time.Hour)},
				{StoryID: "s2", Headline: "Kim Jong Un visits **new** tractor factory @everyone", Link: "https://kcnawatch.example/1",
					Summary: "# Kim toured the plant in <@&123> and [praised](https://evil.example) its workers.",
					Feed:    "KCNA Watch", Sources: 1, EventDate: day(4), Updated: until.Add(-9 * time.Hour)},
			}},
			{Topic: "south-korea", Title: "South Korea", Stories: 3, Entries: []model.DigestEntry{
				{StoryID: "s3", Headline: "Seoul stocks close higher on chip rally", Link: "https://example.com/" + strings.Repeat("a", 600),
					Feed: "Korea Herald", Sources: 2, Severity: model.SeverityInfo, EventDate: day(4), Updated: until.Add(-15 * time.Hour)},
			}},
			{Topic: "japan", Title: "Japan", Stories: 2, Entries: []model.DigestEntry{
				{StoryID: "s4", Headline: "Japan protests launch through diplomatic channels", Link: "https://kyodo.example/4",
					Summary: "Tokyo lodged a protest with Pyongyang through its embassy in Beijing, the top government spokesman said.",
					Feed:    "Kyodo", Sources: 1, EventDate: day(5), Updated: until.Add(-30 * time.Minute)},
			}},
		}}
}

// longDigest has 40 entries of long text: more than one message holds.
func longDigest() model.DigestContent {
	d := digestFixture()
	d.Sections = nil
	d.Total, d.NotShown = 45, 5
	for s := range 3 {
		sec := model.DigestSection{Topic: fmt.Sprintf("topic-%d", s), Title: fmt.Sprintf("Topic %d", s), Stories: 15}
		for i := range 13 + s/2 {
			sec.Entries = append(sec.Entries, model.DigestEntry{StoryID: fmt.Sprintf("s%d-%d", s, i),
				Headline: fmt.Sprintf("Headline %d.%d ", s, i) + hostile(200), Link: fmt.Sprintf("https://n.example/%d/%d", s, i),
				Summary: hostile(400), Sources: 2 + i, EventDate: d.Since, Updated: d.Until.Add(-time.Duration(i) * time.Hour)})
		}
		d.Sections = append(d.Sections, sec)
	}
	return d
}

// TestRenderDigestGolden holds the digest's layout in testdata/digest.golden
// (UPDATE_GOLDEN=1 rewrites it): a digest of one message, a long one split
// over messages at entry boundaries, and an empty one.
func TestRenderDigestGolden(t *testing.T) {
	var out strings.Builder
	show := func(title string, d model.DigestContent) {
		parts := SplitDigest(d)
		fmt.Fprintf(&out, "=== %s: %d %s\n", title, len(parts), noun(len(parts), "message", "messages"))
		for i, part := range parts {
			p := model.Post{ID: fmt.Sprintf("digest-%d", i+1), Kind: model.PostDigest, Content: model.Content{Digest: &part, TimeZone: "Asia/Seoul"}}
			msg, err := renderFor(p, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			checkMessage(t, msg)
			out.WriteString(MessageText(msg) + "\n")
		}
	}
	show("morning brief", digestFixture())
	long := longDigest()
	for s := range long.Sections {
		long.Sections[s].Entries = long.Sections[s].Entries[:5] // keep the file short: still two messages
		for i := range long.Sections[s].Entries {
			long.Sections[s].Entries[i].Headline = fmt.Sprintf("Headline %d.%d ", s, i) + strings.Repeat("long words ", 12)
			long.Sections[s].Entries[i].Summary = strings.Repeat("A summary sentence of some length. ", 7)
		}
	}
	show("long brief", long)
	empty := digestFixture()
	empty.Sections, empty.Total, empty.NotShown = nil, 0, 0
	show("quiet day", empty)

	golden := filepath.Join("testdata", "digest.golden")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		_ = os.WriteFile(golden, []byte(out.String()), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("digest rendering differs from %s (UPDATE_GOLDEN=1 to accept):\n%s", golden, out.String())
	}
}

// A digest too long for one message is split between entries: every
// part fits Discord's limits with its marker, every entry is in exactly
// one part, whole and in order, and only the last part says how many
// more there are.
func TestSplitDigest(t *testing.T) {
	d := longDigest()
	parts := SplitDigest(d)
	if len(parts) < 3 {
		t.Fatalf("%d parts, want several", len(parts))
	}
	var got []string
	for i, part := range parts {
		if part.Part != i+1 || part.Parts != len(parts) {
			t.Errorf("part %d numbered %d/%d", i+1, part.Part, part.Parts)
		}
		if last := i == len(parts)-1; (part.NotShown > 0) != last {
			t.Errorf("part %d: not shown %d", i+1, part.NotShown)
		}
		msg, err := renderFor(model.Post{ID: "0b6f3c4e-8d1a-4c2e-9f00-1a2b3c4d5e6f", Kind: model.PostDigest,
			Content: model.Content{Digest: &part, TimeZone: "Asia/Seoul"}}, "0b6f3c4e-8d1a-4c2e-9f00-1a2b3c4d5e6f")
		if err != nil {
			t.Fatal(err)
		}
		checkMessage(t, msg)
		text := MessageText(msg)
		for _, sec := range part.Sections {
			for _, e := range sec.Entries {
				got = append(got, e.StoryID)
				for _, line := range strings.Split(strings.TrimSuffix(digestLine(e, zone("Asia/Seoul")), "\n"), "\n") {
					if !strings.Contains(text, "┃ "+line+"\n") {
						t.Errorf("part %d: entry %s not shown whole: %q", i+1, e.StoryID, line)
					}
				}
			}
		}
		if strings.Contains(text, "… and 5 more") != (i == len(parts)-1) {
			t.Errorf("part %d: \"… and 5 more\" misplaced", i+1)
		}
	}
	var want []string
	for _, sec := range d.Sections {
		for _, e := range sec.Entries {
			want = append(want, e.StoryID)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("entries across parts\n got %v\nwant %v", got, want)
	}

	// A digest that fits stays one part, unnumbered.
	if one := SplitDigest(digestFixture()); len(one) != 1 || one[0].Part != 0 || one[0].NotShown != 7 {
		t.Errorf("short digest: %d parts, %+v", len(one), one[0].Part)
	}
}
