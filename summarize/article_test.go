package summarize

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/encoding/korean"

	"wirewatch/feeds"
)

const articleBody = `<p>North Korea fired a short-range ballistic missile into the East Sea on Saturday, the Joint Chiefs of Staff said, its first launch in three weeks.</p>
<p>The missile flew about 600 kilometers after it was launched from the Sunan area of Pyongyang, the military said in a statement to reporters.</p>
<p>Japan said the missile fell outside its exclusive economic zone and caused no damage to ships or aircraft in the area.</p>
<p>Also read this: Seoul and Washington open talks on wartime command</p>
<p>Analysts said the launch appeared timed to the end of a trilateral exercise by the United States, South Korea and Japan.</p>`

func TestFetchArticle(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>N. Korea fires missile | Wire</title></head><body><article><h1>N. Korea fires missile</h1>%s<p>Escape \x1b[2J here.</p></article></body></html>", articleBody)
	})
	mux.HandleFunc("/euc-kr", func(w http.ResponseWriter, r *http.Request) {
		page := "<html><head><title>북한 미사일</title></head><body><article>" + articleBody + "<p>북한이 탄도미사일을 발사했다.</p></article></body></html>"
		enc, _ := korean.EUCKR.NewEncoder().String(page)
		w.Header().Set("Content-Type", "text/html; charset=euc-kr")
		fmt.Fprint(w, enc)
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7")
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html><body><nav>Home | News</nav></body></html>")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	private := feeds.NewHTTPClient(feeds.Options{}, true)
	guarded := feeds.NewHTTPClient(feeds.Options{}, false)

	tests := []struct {
		name    string
		client  *http.Client
		path    string
		wantErr error
		want    []string
		notWant []string
	}{
		{name: "article", client: private, path: "/article", want: []string{"short-range ballistic missile", "Japan said"}, notWant: []string{"Also read this", "\x1b"}},
		{name: "EUC-KR page", client: private, path: "/euc-kr", want: []string{"북한이 탄도미사일을 발사했다."}},
		{name: "not a page", client: private, path: "/report.pdf", wantErr: ErrNotHTML},
		{name: "no article", client: private, path: "/empty", wantErr: ErrNoArticle},
		{name: "loopback refused", client: guarded, path: "/article", wantErr: feeds.ErrForbiddenAddress},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FetchArticle(context.Background(), tt.client, srv.URL+tt.path, 1<<20)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(a.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, a.Text)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(a.Text, w) {
					t.Errorf("text keeps %q:\n%s", w, a.Text)
				}
			}
			if a.URL != srv.URL+tt.path || a.Title == "" {
				t.Errorf("url %q title %q", a.URL, a.Title)
			}
		})
	}
}
