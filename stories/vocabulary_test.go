package stories

import (
	"errors"
	"slices"
	"testing"

	"wirewatch/config"
)

// TestVocabularyMerge checks how a config's vocabulary meets the shipped
// one: it extends it (its aliases win, facts of one name share values) or,
// with replace, leaves only news English.
func TestVocabularyMerge(t *testing.T) {
	cfg, err := config.Parse("desk.toml", []byte(`
[stories.vocabulary]
common = ["tanker"]
[stories.vocabulary.aliases]
"dprk" = "dprk"
"strait of hormuz" = "hormuz"
[stories.vocabulary.facts.weapon]
drone = ["drone"]
[stories.vocabulary.facts.vessel]
tanker = ["tanker"]
[[stories.vocabulary.acts]]
kind = "attack"
verbs = ["attack"]
`))
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVocabulary(cfg.Stories.Vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	if v.phrases["dprk"] != "dprk" || v.phrases["strait of hormuz"] != "hormuz" || v.phrases["north korea"] != "nkorea" {
		t.Errorf("aliases: dprk=%q hormuz=%q north korea=%q", v.phrases["dprk"], v.phrases["strait of hormuz"], v.phrases["north korea"])
	}
	facts := v.Facts()
	if !slices.Contains(facts["weapon"], "drone") || !slices.Contains(facts["weapon"], "ballistic") || len(facts["vessel"]) != 1 {
		t.Errorf("facts = %v", facts)
	}
	if !slices.Contains(v.Kinds(), "attack") || !slices.Contains(v.Kinds(), "launch") {
		t.Errorf("kinds = %v", v.Kinds())
	}

	cfg.Stories.Vocabulary.Replace = true
	v, err = NewVocabulary(cfg.Stories.Vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	if v.phrases["north korea"] != "" || v.phrases["kick off"] != "begin" || slices.Contains(v.Kinds(), "launch") || !slices.Contains(v.Kinds(), "talks") {
		t.Errorf("replaced: north korea=%q kick off=%q kinds=%v", v.phrases["north korea"], v.phrases["kick off"], v.Kinds())
	}
	if DefaultVocabulary().phrases["dprk"] != "nkorea" {
		t.Error("a config vocabulary changed the shipped one")
	}
}

// TestVocabularyLimits checks that limits reached only when the config's
// facts meet the shipped ones are reported at the config's position.
func TestVocabularyLimits(t *testing.T) {
	src := "[stories.vocabulary]\n"
	// The shipped vocabularies have three facts (weapon, sea, direction).
	for _, name := range []string{"a", "b", "c", "d"} {
		src += "[stories.vocabulary.facts." + name + "]\nx = [\"x" + name + "\"]\n"
	}
	cfg, err := config.Parse("desk.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewVocabulary(cfg.Stories.Vocabulary)
	var list config.Errors
	if !errors.As(err, &list) || len(list) != 1 || list[0].Pos.Line != 8 {
		t.Fatalf("err = %v, want one mistake at line 8 (the fourth fact, seventh in all)", err)
	}
}
