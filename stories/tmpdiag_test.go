package stories

import (
	"fmt"
	"testing"
	"time"

	"wirewatch/summarize"
)

func TestTmpDiag(t *testing.T) {
	for _, f := range []struct{ file, vocab string }{{"testdata/dev-energy.txt", "testdata/energy.toml"}, {"testdata/dev-korea.txt", ""}, {"testdata/heldout2.txt", ""}} {
		set := readLabelled(t, f.file)
		v := setVocabulary(t, f.vocab)
		g := NewGrouperWith(72*time.Hour, v)
		g.Merges = true
		storyOf := map[string]string{}
		into := map[string]string{}
		resolve := func(s string) string {
			for into[s] != "" {
				s = into[s]
			}
			return s
		}
		for i := range set {
			it := set[i].item
			it.Text = summarize.Clean(it.Text)
			it.Summary = summarize.Summarize(it.Title, it.Text, 3)
			g.Prune(it.Published)
			fe, _, _ := v.extract(&it, set[i].zone)
			// score against stories holding this label's earlier items
			w := g.weigher()
			seen := map[string]bool{}
			var notes []string
			for j := 0; j < i; j++ {
				if set[j].story != set[i].story {
					continue
				}
				sid := resolve(storyOf[set[j].id])
				if seen[sid] {
					continue
				}
				seen[sid] = true
				slot, ok := g.byID[sid]
				if !ok {
					notes = append(notes, "gone")
					continue
				}
				s := g.slots[slot]
				notes = append(notes, fmt.Sprintf("%.3f veto=%v open=%v kind=%v/%v day=%d", g.score(s, &fe, w), v.vetoed(s, &fe), g.open(s, &fe), fe.kind, s.members[0].kind, fe.day))
			}
			g.Add(&it, set[i].zone)
			for _, m := range g.TakeMerges() {
				into[m.From] = m.Into
			}
			storyOf[set[i].id] = it.StoryID
			joined := false
			for j := 0; j < i; j++ {
				if set[j].story == set[i].story && resolve(storyOf[set[j].id]) == resolve(it.StoryID) {
					joined = true
				}
			}
			if len(notes) > 0 && !joined {
				t.Logf("%s %s MISSED %q: %v", f.file, set[i].id, it.Title, notes)
			}
		}
	}
}
