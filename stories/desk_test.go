package stories

import (
	"testing"
	"time"

	"wirewatch/model"
)

// TestDeskVocabularyFromConfig groups confusable pairs of an energy and
// shipping desk with that desk's vocabulary, written in config only
// (testdata/energy.toml), and with the shipped Korea desk's vocabulary.
// With its own words the desk keeps each pair apart. With the Korea words
// a halt and a restart of one day merge wrongly, since nothing there says
// that they are different acts; two attacks two days apart stay apart
// either way, since reports that name no act the vocabulary knows and
// another day are another event.
func TestDeskVocabularyFromConfig(t *testing.T) {
	mon := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	pairs := []struct {
		name       string
		a, b       model.Item
		koreaApart bool // with the shipped Korea vocabulary
	}{{
		name: "a pipeline halt and its restart",
		a: model.Item{Feed: "Energy Wire", Link: "https://e.example/1", Published: mon,
			Title: "Oil flows through Nordline pipeline halted after leak at pumping station",
			Text:  "Oil flows through the Nordline pipeline to the Baltic coast were halted on Monday after a leak was found at a pumping station, the operator said."},
		b: model.Item{Feed: "Energy Wire", Link: "https://e.example/2", Published: mon.Add(9 * time.Hour),
			Title: "Oil flows through Nordline pipeline resume after leak at pumping station repaired",
			Text:  "Oil flows through the Nordline pipeline to the Baltic coast resumed on Monday evening after the leak at a pumping station was repaired, the operator said."},
	}, {
		name: "two tanker attacks two days apart",
		a: model.Item{Feed: "Shipping Daily", Link: "https://s.example/1", Published: mon,
			Title: "Tanker attacked in Red Sea off Yemen, crew safe",
			Text:  "A product tanker was attacked by a drone boat in the Red Sea off Yemen on Monday, the maritime security agency said. The crew is safe."},
		b: model.Item{Feed: "Shipping Daily", Link: "https://s.example/2", Published: mon.Add(49 * time.Hour),
			Title: "Second tanker attacked in Red Sea off Yemen, crew evacuated",
			Text:  "A crude tanker was attacked by a drone boat in the Red Sea off Yemen on Wednesday, the maritime security agency said. The crew was evacuated."},
		koreaApart: true,
	}}
	desk := setVocabulary(t, "testdata/energy.toml")
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			for _, tc := range []struct {
				vocab string
				v     *Vocabulary
				apart bool
			}{{"energy.toml", desk, true}, {"the shipped Korea desk's", DefaultVocabulary(), p.koreaApart}} {
				g := NewGrouperWith(72*time.Hour, tc.v)
				a, b := p.a, p.b
				g.Add(&a, time.UTC)
				g.Add(&b, time.UTC)
				if apart := a.StoryID != b.StoryID; apart != tc.apart {
					t.Errorf("with %s vocabulary: apart=%v, want %v", tc.vocab, apart, tc.apart)
				}
			}
		})
	}
}
