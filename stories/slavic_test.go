package stories

import (
	"slices"
	"testing"
	"time"

	"wirewatch/model"
)

// TestSlavicNames: a report in Russian (or Serbian) names a place or a
// person as an English report of the event does, whatever case it puts
// the name in ("в Твери", "Тверском", "Миронову"), and an English name
// with a Slavic surname's ending ("Mironova") meets its Cyrillic forms;
// different places stay apart, "Курской" is Kursk, no shorter name, and
// with slavicNames off nothing meets across the scripts.
func TestSlavicNames(t *testing.T) {
	v := DefaultVocabulary()
	off := *v
	off.off = slavicNames
	terms := func(v *Vocabulary, text string) []string {
		var out []string
		for _, tm := range v.canonicalTerms(splitWords(text), false) {
			out = append(out, tm.text)
		}
		return out
	}
	shared := []struct{ cyrillic, latin, term string }{
		{"Суд в Твери арестовал активистку.", "A court in Tver remanded the activist.", "tver"},
		{"Пожар на Тверском заводе потушен.", "The fire at the Tver plant was put out.", "tver"},
		{"Суд арестовал Ольгу Миронову.", "The court remanded Olga Mironova.", "mironov"},
		{"Губернатор Курской области ушел в отставку.", "The governor of the Kursk region resigned.", "kursk"},
		{"Протест у дома Белгородского губернатора.", "A protest outside the Belgorod governor's home.", "belgorod"},
		{"Задержан бывший советник Вучића.", "A former adviser to Vucic was detained.", "vucic"},
	}
	for _, c := range shared {
		a, b := terms(v, c.cyrillic), terms(v, c.latin)
		if !slices.Contains(a, c.term) || !slices.Contains(b, c.term) {
			t.Errorf("%q %v and %q %v do not share %q", c.cyrillic, a, c.latin, b, c.term)
		}
		if a, b := terms(&off, c.cyrillic), terms(&off, c.latin); slices.Contains(a, c.term) && slices.Contains(b, c.term) {
			t.Errorf("with slavicNames off, %q %v and %q %v share %q", c.cyrillic, a, c.latin, b, c.term)
		}
	}
	if a, b := terms(v, "Пожар в Твери."), terms(v, "Пожар в Тюмени."); slices.Equal(a, b) {
		t.Errorf("Tver and Tyumen read alike: %v", a)
	}
	names := func(v *Vocabulary, text string) []uint32 {
		f, _, _ := v.extract(&model.Item{Title: "x", Text: text}, time.UTC)
		return f.names
	}
	if a, b := names(v, "Полиция задержала Игоря Лаврентьева."), names(v, "Police detained Igor Lavrentyev."); len(a) == 0 || !slices.Equal(a, b) {
		t.Errorf("Игоря Лаврентьева and Igor Lavrentyev are different names")
	}
	if a, b := names(&off, "Полиция задержала Игоря Лаврентьева."), names(&off, "Police detained Igor Lavrentyev."); slices.Equal(a, b) {
		t.Errorf("with slavicNames off, Игоря Лаврентьева and Igor Lavrentyev are one name")
	}
}
