package searchquery

import (
	"strings"
	"testing"
)

func TestParseRender(t *testing.T) {
	tests := []struct {
		in   string
		fts5 string
		ts   string
	}{
		{in: "", fts5: "", ts: ""},
		{in: `"`, fts5: "", ts: ""},
		{in: `*`, fts5: "", ts: ""},
		{in: `AND OR`, fts5: `(("and"))`, ts: `(('and'))`},
		{in: `OR`, fts5: "", ts: ""},
		{in: `'; DROP TABLE items; --`, fts5: `(("drop") AND ("table") AND ("items"))`, ts: `(('drop')) & (('table')) & (('items'))`},
		{in: "🚀🔥", fts5: "", ts: ""},
		{in: "missile launch", fts5: `(("missile") AND ("launch"))`, ts: `(('missile')) & (('launch'))`},
		{in: `"Freedom Edge" drill`, fts5: `(("freedom edge") AND ("drill"))`, ts: `(('freedom' <-> 'edge')) & (('drill'))`},
		{in: `kcna OR yonhap -rumor`, fts5: `(("kcna" OR "yonhap")) NOT "rumor"`, ts: `(('kcna') | ('yonhap')) & !('rumor')`},
		{in: `-rumor`, fts5: "", ts: ""},
		{in: `missil*`, fts5: `(("missil"*))`, ts: `(('missil':*))`},
		{in: `Kim's`, fts5: `(("kim s"))`, ts: `(('kim' <-> 's'))`},
		{in: `북한 미사일`, fts5: `(("북한") AND ("미사일"))`, ts: `(('북한')) & (('미사일'))`},
		{in: `"unclosed phrase`, fts5: `(("unclosed phrase"))`, ts: `(('unclosed' <-> 'phrase'))`},
		{in: `-"fake news" real`, fts5: `(("real")) NOT "fake news"`, ts: `(('real')) & !('fake' <-> 'news')`},
		{in: `a\b`, fts5: `(("a b"))`, ts: `(('a' <-> 'b'))`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := Parse(tt.in)
			if got := q.FTS5(); got != tt.fts5 {
				t.Errorf("FTS5(%q) = %q, want %q", tt.in, got, tt.fts5)
			}
			if got := q.TSQuery(); got != tt.ts {
				t.Errorf("TSQuery(%q) = %q, want %q", tt.in, got, tt.ts)
			}
		})
	}
}

func TestParseCapsTerms(t *testing.T) {
	in := ""
	for i := 0; i < 100; i++ {
		in += "word "
	}
	if got := len(Parse(in).Must); got != maxTerms {
		t.Fatalf("terms = %d, want %d", got, maxTerms)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Pyŏngyang":   "pyongyang",
		"Chosŏn":      "choson",
		"KIM IL SŬNG": "kim il sung",
		"북한이":         "북한이",
		"Café":        "cafe",
		"e\u0301":     "e",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Parse("PYÖNGYANG").FTS5(); got != `(("pyongyang"))` {
		t.Errorf("Parse folds words: got %s", got)
	}
}

func TestStems(t *testing.T) {
	tests := map[string]string{
		"북한이 동해상으로 탄도미사일을 발사했다": "북한 동해상 탄도미사일",
		"합동참모본부는 밝혔다":           "합동참모본부",
		"Pyongyang fired 미사일":   "",
		"서울에서부터 부산까지":           "서울 부산",
		"이":                     "",
	}
	for in, want := range tests {
		if got := Stems(in); got != want {
			t.Errorf("Stems(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFTS5Column(t *testing.T) {
	q := Parse(`missile OR rocket launch -test`)
	if got, want := q.FTS5Column("title"), `{title} : (("missile" OR "rocket") AND ("launch"))`; got != want {
		t.Errorf("FTS5Column = %q, want %q", got, want)
	}
	if got := Parse("").FTS5Column("title"); got != "" {
		t.Errorf("empty FTS5Column = %q", got)
	}
}

func TestBudget(t *testing.T) {
	for in, want := range map[string]string{
		"missile":               "",
		"mis*":                  "",
		"mis* lau*":             "",
		"mis* OR lau* launch":   "",
		"북한이*":                  "",
		"a*":                    "at least 3 letters",
		"mi*":                   "at least 3 letters",
		"북한*":                   "at least 3 letters",
		"ballistic-m*":          "at least 3 letters",
		"missile -x*":           "at least 3 letters",
		"mis* lau* fir*":        "at most 2 words ending in *; this one has 3",
		"mis* OR lau* -fir*":    "at most 2 words ending in *",
		"aaa* bbb* ccc* ddd* a": "at most 2",
	} {
		err := Parse(in).Budget()
		switch {
		case want == "" && err != nil:
			t.Errorf("Budget(%q) = %v, want nil", in, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("Budget(%q) = %v, want %q", in, err, want)
		}
	}
}
