package demo

import (
	"bytes"
	"embed"
	"fmt"
	"net"
	"net/http"
	"path"
	"strings"
	"sync/atomic"
	"text/template"
	"time"
)

//go:embed content
var content embed.FS

// feedNames are the sample outlets; each has a .v1 (before) and .v2 (after) file.
var feedNames = map[string]string{
	"harbor-wire":       "xml",
	"pacific-defense":   "xml",
	"pyongyang-watch":   "xml",
	"peninsula-monitor": "json",
}

// feedServer serves the sample feeds and article pages on 127.0.0.1. Its
// phase says which version of the feeds it serves: 1 before the news, 2 after.
type feedServer struct {
	base  string
	now   time.Time
	phase atomic.Int32
	srv   *http.Server
	ln    net.Listener
}

func startFeedServer(now time.Time) (*feedServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	fs := &feedServer{base: "http://" + ln.Addr().String(), now: now, ln: ln}
	fs.phase.Store(1)
	mux := http.NewServeMux()
	mux.HandleFunc("/feeds/", fs.serveFeed)
	mux.HandleFunc("/pw/articles/", fs.serveArticle)
	fs.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go fs.srv.Serve(ln) //nolint:errcheck // ends with Close
	return fs, nil
}

func (fs *feedServer) Close() error { return fs.srv.Close() }

func (fs *feedServer) serveFeed(w http.ResponseWriter, r *http.Request) {
	name := path.Base(r.URL.Path)
	ext, ok := feedNames[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	body, err := fs.render(fmt.Sprintf("content/%s.v%d.%s", name, fs.phase.Load(), ext))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if ext == "json" {
		w.Header().Set("Content-Type", "application/feed+json")
	} else {
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	}
	w.Write(body) //nolint:errcheck // the client may go away
}

func (fs *feedServer) serveArticle(w http.ResponseWriter, r *http.Request) {
	name := path.Base(r.URL.Path)
	body, err := content.ReadFile("content/articles/" + name + ".html")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(body) //nolint:errcheck // the client may go away
}

// render fills a content template: {{.Base}} is the server's address and
// {{ago "40m"}} a time that long before the demo started, so the sample
// news is always recent.
func (fs *feedServer) render(name string) ([]byte, error) {
	return fs.renderWith(name, "")
}

// renderWith renders a content template; database is the demo config's
// database path.
func (fs *feedServer) renderWith(name, database string) ([]byte, error) {
	raw, err := content.ReadFile(name)
	if err != nil {
		return nil, err
	}
	ago := func(layout string) func(string) (string, error) {
		return func(d string) (string, error) {
			dur, err := time.ParseDuration(d)
			if err != nil {
				return "", err
			}
			return fs.now.Add(-dur).Format(layout), nil
		}
	}
	tpl, err := template.New(name).Funcs(template.FuncMap{
		"ago":     ago(time.RFC1123Z),
		"ago3339": ago(time.RFC3339),
	}).Parse(string(raw))
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	var buf bytes.Buffer
	data := struct{ Base, Database string }{fs.base, database}
	if err := tpl.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// configText is the demo's config with the feed server's address and the
// database path filled in.
func (fs *feedServer) configText(database string) (string, error) {
	b, err := fs.renderWith("content/demo.toml", database)
	return strings.TrimSpace(string(b)) + "\n", err
}
