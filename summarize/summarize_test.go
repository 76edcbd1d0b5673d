package summarize

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"wirewatch/words"
)

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const drillTitle = "Allies Open 'Shield Line' Drills as Pyongyang Warns of Response"

func TestSummarizeArticle(t *testing.T) {
	text := readFixture(t, "drill-article.txt")
	all := Sentences(Clean(text))
	for _, n := range []int{1, 3, 5} {
		got := Summarize(drillTitle, text, n)
		if len(got) != n {
			t.Fatalf("n=%d: got %d sentences: %q", n, len(got), got)
		}
		// Every sentence comes from the cleaned article, in article order.
		last := -1
		for _, s := range got {
			i := slices.Index(all, s)
			if i < 0 {
				t.Errorf("n=%d: %q is not a sentence of the cleaned article", n, s)
			}
			if i <= last {
				t.Errorf("n=%d: %q is out of article order", n, s)
			}
			last = i
			for _, bad := range []string{"Also read", "Keep connected", "©", "Shield Line’ Drills"} {
				if strings.Contains(s, bad) {
					t.Errorf("n=%d: boilerplate or title echo %q in summary", n, s)
				}
			}
		}
		if !reflect.DeepEqual(got, Summarize(drillTitle, text, n)) {
			t.Errorf("n=%d: Summarize is not deterministic", n)
		}
	}
	// The lede carries the news: a 3-sentence summary must keep it.
	if got := Summarize(drillTitle, text, 3); !strings.HasPrefix(got[0], "South Korea, the United States and Japan began") {
		t.Errorf("summary lost the lede: %q", got)
	}
}

func TestSummarizeEdgeCases(t *testing.T) {
	tests := []struct {
		name, title, text string
		n                 int
		want              []string
	}{
		{"n zero", "", "One sentence here is long enough.", 0, nil},
		{"empty text", "T", "", 3, nil},
		{"fewer sentences than n", "",
			"North Korea fired a missile on Monday. Japan protested the launch on Tuesday.", 3,
			[]string{"North Korea fired a missile on Monday.", "Japan protested the launch on Tuesday."}},
		{"title echo and heading dropped", "Seoul protests launch",
			"Seoul protests launch\nSeoul protests launch.\nKey points\nSouth Korea lodged a protest after the North fired a missile on Monday.\nThe launch was the third this month, officials said.", 2,
			[]string{"South Korea lodged a protest after the North fired a missile on Monday.", "The launch was the third this month, officials said."}},
		{"only headings still summarised", "", "Missile launch\nSeoul reacts", 1, []string{"Missile launch"}},
		{"non-English falls back to the lead", "Øvelse",
			"Sydkorea, USA og Japan indledte mandag en stor flådeøvelse syd for Jeju. Nordkorea advarede om et kraftigt svar på øvelsen. Analytikere venter nye missilprøver i de kommende dage. Øvelsen slutter fredag, oplyser forsvaret.\nDette websted bruger cookies", 2,
			[]string{"Sydkorea, USA og Japan indledte mandag en stor flådeøvelse syd for Jeju.", "Nordkorea advarede om et kraftigt svar på øvelsen."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Summarize(tt.title, tt.text, tt.n); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Summarize = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRankPenalties(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) bool
		in   string
		want bool
	}{
		{"quote without speaker", isQuoteWithoutSpeaker, `"We will never give up our weapons."`, true},
		{"quote with speaker", isQuoteWithoutSpeaker, `"We will respond," the ministry said.`, false},
		{"curly quote without speaker", isQuoteWithoutSpeaker, "“This is war.”", true},
		{"not a quote", isQuoteWithoutSpeaker, "The ministry said it would respond.", false},
		{"connective start", startsMidThought, "However, the talks collapsed.", true},
		{"pronoun start", startsMidThought, "He said the drills were defensive.", true},
		{"plain start", startsMidThought, "Seoul said the drills were defensive.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fn(tt.in); got != tt.want {
				t.Errorf("%q: got %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestLead(t *testing.T) {
	text := readFixture(t, "drill-article.txt")
	got := Lead(drillTitle, text, 2)
	if len(got) != 2 || !strings.HasPrefix(got[0], "South Korea, the United States") || !strings.HasPrefix(got[1], "The exercise in international waters") {
		t.Errorf("Lead = %q", got)
	}
}

// TestSummaryLeavesOutTableRows: a table row that happens to end with a
// full stop is kept in the text but is no summary sentence.
func TestSummaryLeavesOutTableRows(t *testing.T) {
	text := "Adaeze Okafor held the Valley district seat after a full count, the election office said.\n" +
		"Candidate | Party | Votes\n" +
		"Adaeze Okafor | Green Union | 18,402 votes in the Valley district count.\n" +
		"Tomas Lindqvist | Civic Alliance | 16,771 votes in the Valley district count.\n" +
		"Turnout fell for the second election running in the Valley district.\n" +
		"Okafor said she would ask the council to reopen two polling stations in the district."
	if !strings.Contains(Clean(text), "Tomas Lindqvist | Civic Alliance | 16,771") {
		t.Errorf("Clean dropped a table row:\n%s", Clean(text))
	}
	for _, s := range Summarize("Okafor holds the Valley seat", text, 3) {
		if strings.Contains(s, " | ") {
			t.Errorf("summary sentence is a table row: %q", s)
		}
	}
}

func TestIsTeaser(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"short teaser", "North Korea fired a missile on Monday, Seoul said. The launch came as allied drills began…", true},
		{"empty", "", true},
		{"full article", readFixture(t, "drill-article.txt"), false},
		{"long text cut off", strings.Repeat("The allies held drills near the peninsula on Monday. ", 40) + "Read more", true},
		{"boilerplate padding does not count", strings.Repeat("We use cookies to improve your experience on our website.\n", 40) + "Seoul said the drill ended.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsTeaser(tt.text); got != tt.want {
				t.Errorf("IsTeaser = %v, want %v", got, tt.want)
			}
		})
	}
}

func BenchmarkSummarize(b *testing.B) {
	text := readFixture(b, "drill-article.txt")
	b.ReportMetric(float64(len(strings.Fields(text))), "words")
	Summarize(drillTitle, text, 3) // load the sentence model outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Summarize(drillTitle, text, 3)
	}
}

// BenchmarkSummarizeCost measures, in one run, the two speed
// figures on the 800-word fixture (a CNN/DailyMail-length article):
// articles summarized per second on one goroutine, and the cost of
// Summarize relative to merely splitting the text into sentences, words
// and stems (splitStem).
func BenchmarkSummarizeCost(b *testing.B) {
	text := readFixture(b, "drill-article.txt")
	Summarize(drillTitle, text, 3) // load the sentence model outside the timing
	var summarizing, splitting time.Duration
	for b.Loop() {
		t0 := time.Now()
		splitStem(text)
		t1 := time.Now()
		Summarize(drillTitle, text, 3)
		summarizing += time.Since(t1)
		splitting += t1.Sub(t0)
	}
	b.ReportMetric(float64(b.N)/summarizing.Seconds(), "articles/s")
	b.ReportMetric(summarizing.Seconds()/splitting.Seconds(), "x-split-stem")
}

// splitStem is the floor the summarizer is measured against: sentences,
// their words, and every word stemmed (with the summarizer's stem cache,
// so that the cache does not flatter the ratio).
func splitStem(text string) int {
	n := 0
	for _, s := range Sentences(text) {
		for _, w := range lowerWords(s) {
			n += len(words.Stem(w))
		}
	}
	return n
}

// BenchmarkLead is the cost of cleaning and splitting alone, to compare
// with BenchmarkSummarize in the same run.
func BenchmarkLead(b *testing.B) {
	text := readFixture(b, "drill-article.txt")
	Lead(drillTitle, text, 3)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Lead(drillTitle, text, 3)
	}
}

// BenchmarkClean is the cost of the boilerplate rules (and the sentence
// split they need for sentence-scope rules) on the 800-word article.
func BenchmarkClean(b *testing.B) {
	text := readFixture(b, "drill-article.txt")
	Clean(text)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Clean(text)
	}
}

// BenchmarkSentences is the cost of splitting the cleaned article.
func BenchmarkSentences(b *testing.B) {
	text := Clean(readFixture(b, "drill-article.txt"))
	Sentences(text)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Sentences(text)
	}
}

// TestSummarizeConcurrent: the pipeline shares the sentence model and rules
// between goroutines; run with -race.
func TestSummarizeConcurrent(t *testing.T) {
	text := readFixture(t, "drill-article.txt")
	want := Summarize(drillTitle, text, 3)
	errs := make(chan string, 8)
	for range 8 {
		go func() {
			got := Summarize(drillTitle, text, 3)
			if !reflect.DeepEqual(got, want) {
				errs <- strings.Join(got, " | ")
				return
			}
			errs <- ""
		}()
	}
	for range 8 {
		if e := <-errs; e != "" {
			t.Errorf("concurrent Summarize differs: %s", e)
		}
	}
}

func TestIsEnglish(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"English", readFixture(t, "drill-article.txt"), true},
		{"short", "Seoul reacts.", true},
		{"Dutch", "Zuid-Korea, de Verenigde Staten en Japan zijn maandag begonnen met een grote oefening ten zuiden van Jeju. Het is de derde keer dit jaar dat de landen samen oefenen. Noord-Korea heeft gedreigd met een krachtig antwoord, zo meldt het staatspersbureau. Of het zover komt is niet duidelijk.", false},
		{"German", "Südkorea, die USA und Japan haben am Montag ein großes Manöver südlich von Jeju begonnen. Das ist das dritte Mal in diesem Jahr. Nordkorea hat mit einer harten Antwort gedroht, was die Lage weiter verschärft. Die Regierung in Seoul sagt, die Übung sei defensiv und lange geplant.", false},
		{"French", "La Corée du Sud, les États-Unis et le Japon ont commencé lundi un grand exercice naval au sud de Jeju. Il s'agit de la troisième fois cette année. La Corée du Nord a menacé d'une réponse ferme, et la situation reste tendue. Le gouvernement de Séoul affirme que l'exercice est défensif.", false},
		{"Korean", "한국과 미국, 일본은 월요일 제주 남쪽 해상에서 대규모 연합훈련을 시작했다. 북한은 강력한 대응을 경고했다. 전문가들은 앞으로 며칠 안에 추가 미사일 시험이 있을 수 있다고 내다봤다. 훈련은 금요일에 끝난다고 국방부는 밝혔다.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isEnglish(withWords(cleanSentences(tt.text))); got != tt.want {
				t.Errorf("isEnglish = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTrimCutRune(t *testing.T) {
	s := "a서울b"
	for i := 0; i <= len(s); i++ {
		got := trimCutRune(s[:i])
		if !utf8.ValidString(got) || !strings.HasPrefix(s, got) || len(s[:i])-len(got) >= utf8.UTFMax {
			t.Errorf("trimCutRune(%q) = %q", s[:i], got)
		}
	}
	if got := trimCutRune("ab\xff"); got != "ab\xff" {
		t.Errorf("invalid byte that starts no rune is kept as it is: %q", got)
	}
}
