package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func mustLoad(t *testing.T, path string) *Config {
	t.Helper()
	cfg, err := Load(path)
	if err != nil {
		t.Fatalf("Load(%s): %v", path, err)
	}
	return cfg
}

func TestDefaults(t *testing.T) {
	cfg := mustLoad(t, "testdata/minimal.toml")
	if cfg.Path != "testdata/minimal.toml" {
		t.Errorf("Path = %q", cfg.Path)
	}
	b := cfg.Bot
	if b.Name != "wirewatch" || b.Database != "wirewatch.db" || b.Location != time.UTC || b.LogLevel != "info" {
		t.Errorf("Bot defaults = %+v", b)
	}
	if cfg.Discord.Enabled {
		t.Errorf("Discord.Enabled without a [discord] table")
	}
	want := Polling{
		Tick:             "@every 1m",
		DefaultInterval:  10 * time.Minute,
		MinInterval:      2 * time.Minute,
		MaxInterval:      time.Hour,
		Timeout:          20 * time.Second,
		MaxBodyBytes:     10 << 20,
		PerHost:          2,
		Concurrency:      8,
		MaxItemAge:       48 * time.Hour,
		MaxAlertsPerPoll: 20,
		UserAgent:        "wirewatch/" + Version + " (+https://github.com/wirewatch/wirewatch; feed reader)",
	}
	if cfg.Polling != want {
		t.Errorf("Polling = %+v\nwant %+v", cfg.Polling, want)
	}
	if cfg.Stories.Window != 72*time.Hour || cfg.Stories.Updates != "edit" || cfg.Stories.Vocabulary.Set || cfg.Stories.EditInterval != 5*time.Second {
		t.Errorf("Stories = %+v", cfg.Stories)
	}
	f := cfg.Feeds[0]
	if f.FullText != "auto" || f.Interval != 0 || f.Location != time.UTC || f.AllowPrivate {
		t.Errorf("Feed defaults = %+v", f)
	}
	if f.Pos != (Pos{"testdata/minimal.toml", 1, 1}) || f.URLPos != (Pos{"testdata/minimal.toml", 3, 7}) {
		t.Errorf("Feed Pos = %v, URLPos = %v", f.Pos, f.URLPos)
	}
	if tp := cfg.Topics[0]; tp.Title != "north-korea" || tp.Pos.Line != 5 {
		t.Errorf("Topic = %+v", tp)
	}
	c := cfg.Channels[0]
	if c.DigestOnly || c.Quiet == nil || *c.Quiet != (QuietHours{Start: 23 * 60, End: 7 * 60, Location: time.UTC}) {
		t.Errorf("Channel = %+v quiet %+v", c, c.Quiet)
	}
	r := cfg.Rules[0]
	if r.Severity != "alert" || r.Cooldown != 6*time.Hour || r.Mentions != nil || r.Pos.Line != 14 {
		t.Errorf("Rule = %+v", r)
	}
	if r.QueryPos != (Pos{"testdata/minimal.toml", 16, 10}) {
		t.Errorf("QueryPos = %v", r.QueryPos)
	}
	d := cfg.Digests[0]
	if d.MaxStories != 5 || d.Topics != nil || d.Schedule != "CRON_TZ=UTC 0 8 * * *" {
		t.Errorf("Digest = %+v", d)
	}
}

func TestPollingBoundsFollowWrittenOnes(t *testing.T) {
	tests := []struct {
		toml               string
		def, lower, higher time.Duration
	}{
		// min above the default max: max follows, default is clamped.
		{"[polling]\nmin_interval = \"2h\"\n", 2 * time.Hour, 2 * time.Hour, 2 * time.Hour},
		// max below the default min: min follows.
		{"[polling]\nmax_interval = \"1m\"\n", time.Minute, time.Minute, time.Minute},
		{"[polling]\nmin_interval = \"15m\"\nmax_interval = \"24h\"\n", 15 * time.Minute, 15 * time.Minute, 24 * time.Hour},
	}
	for _, tt := range tests {
		cfg, err := Parse("t.toml", []byte(tt.toml))
		if err != nil {
			t.Fatalf("%q: %v", tt.toml, err)
		}
		p := cfg.Polling
		if p.DefaultInterval != tt.def || p.MinInterval != tt.lower || p.MaxInterval != tt.higher {
			t.Errorf("%q: default %v min %v max %v", tt.toml, p.DefaultInterval, p.MinInterval, p.MaxInterval)
		}
	}
}

func TestValuesAccepted(t *testing.T) {
	data := `
[bot]
name = "korea desk"
timezone = "Asia/Seoul"
log_level = "DEBUG"

[discord]
application_id = "123456789012345678"

[polling]
max_body_mb = 0.5
per_host = 1

[[feeds]]
name = "local"
url = "http://127.0.0.1:8080/feed.xml"
allow_private = true
full_text = true
interval = "0"

[[channels]]
name = "digest"
id = "000000000000000003"
delivery = "digest-only"

[[rules]]
name = "pasted role"
query = "x"
channels = ["digest-too"]
severity = "urgent"
mentions = ["<@&000000000000000011>"]

[[channels]]
name = "digest-too"
id = "000000000000000004"

[[digests]]
name = "d"
schedule = "TZ=Asia/Tokyo @daily"
channels = ["digest"]
`
	cfg, err := Parse("ok.toml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Bot.Location.String() != "Asia/Seoul" || cfg.Bot.LogLevel != "debug" {
		t.Errorf("Bot = %+v", cfg.Bot)
	}
	if !cfg.Discord.Enabled || cfg.Discord.ApplicationID != "123456789012345678" {
		t.Errorf("Discord = %+v", cfg.Discord)
	}
	if cfg.Polling.MaxBodyBytes != 512<<10 {
		t.Errorf("MaxBodyBytes = %d", cfg.Polling.MaxBodyBytes)
	}
	if ua := cfg.Polling.UserAgent; !strings.HasPrefix(ua, "korea-desk/") {
		t.Errorf("UserAgent = %q", ua)
	}
	if f := cfg.Feeds[0]; f.FullText != "true" || !f.AllowPrivate || f.Location.String() != "Asia/Seoul" {
		t.Errorf("Feed = %+v", f)
	}
	if !cfg.Channels[0].DigestOnly || cfg.Channels[1].DigestOnly {
		t.Errorf("Channels = %+v", cfg.Channels)
	}
	if m := cfg.Rules[0].Mentions; len(m) != 1 || m[0] != "000000000000000011" {
		t.Errorf("Mentions = %q", m)
	}
	if s := cfg.Digests[0].Schedule; s != "TZ=Asia/Tokyo @daily" {
		t.Errorf("Schedule = %q (a zone already written must stay)", s)
	}
}

func TestEditInterval(t *testing.T) {
	tests := []struct {
		value string
		want  time.Duration
		err   string
	}{
		{`"2s"`, 2 * time.Second, ""},
		{`"0s"`, 0, ""},
		{`"-1s"`, 0, `ok.toml:2:17: stories.edit_interval: must be positive, got "-1s"`},
		{`"soon"`, 0, `ok.toml:2:17: stories.edit_interval: invalid duration "soon"`},
		{`5`, 0, `ok.toml:2:17: stories.edit_interval: expected a duration string`},
	}
	for _, tt := range tests {
		cfg, err := Parse("ok.toml", []byte("[stories]\nedit_interval = "+tt.value+"\n"))
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.value, err)
		case tt.err == "" && cfg.Stories.EditInterval != tt.want:
			t.Errorf("%s: EditInterval = %s, want %s", tt.value, cfg.Stories.EditInterval, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: error %v, want %q", tt.value, err, tt.err)
		}
	}
}

func TestFloodControl(t *testing.T) {
	data := `[polling]
max_alerts_per_poll = 5

[[channels]]
name = "desk"
id = "100000000000000001"
max_alerts = 12
max_pings = 2
alert_window = "30m"

[[channels]]
name = "other"
id = "100000000000000002"
`
	cfg, err := Parse("ok.toml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Polling.MaxAlertsPerPoll != 5 || cfg.Polling.AlertsPerPoll() != 5 {
		t.Errorf("MaxAlertsPerPoll = %d", cfg.Polling.MaxAlertsPerPoll)
	}
	if a, p, w := cfg.Channels[0].Limits(); a != 12 || p != 2 || w != 30*time.Minute {
		t.Errorf("desk limits = %d, %d, %s", a, p, w)
	}
	if a, p, w := cfg.Channels[1].Limits(); a != 30 || p != 3 || w != 10*time.Minute {
		t.Errorf("default limits = %d, %d, %s", a, p, w)
	}
	if a, p, w := (Channel{}).Limits(); a != 30 || p != 3 || w != 10*time.Minute {
		t.Errorf("limits of a zero channel = %d, %d, %s", a, p, w)
	}
	if n := (Polling{}).AlertsPerPoll(); n != 20 {
		t.Errorf("AlertsPerPoll of zero polling = %d", n)
	}

	bad := `[polling]
max_alerts_per_poll = 0

[[channels]]
name = "desk"
id = "100000000000000001"
max_alerts = -3
max_pings = "three"
alert_window = "0s"
`
	_, err = Parse("bad.toml", []byte(bad))
	if err == nil {
		t.Fatal("bad flood-control values accepted")
	}
	for _, want := range []string{
		`bad.toml:2:23: polling.max_alerts_per_poll: 0 is out of range (1 to 10000)`,
		`bad.toml:7:14: channels.max_alerts: -3 is out of range (1 to 10000)`,
		`bad.toml:8:13: channels.max_pings: expected an integer`,
		`bad.toml:9:16: channels.alert_window: must be positive, got "0s"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
}

func TestSyntaxErrorHasNoConfig(t *testing.T) {
	cfg, err := Load("testdata/syntax.toml")
	if cfg != nil || err == nil {
		t.Fatalf("Load = %v, %v; want nil config and an error", cfg, err)
	}
	// Mistakes other than syntax still give the parsed config, so that a
	// checker can also check rule syntax.
	cfg, err = Load("testdata/routes.toml")
	if cfg == nil || err == nil || len(cfg.Rules) != 3 {
		t.Fatalf("Load(routes.toml) = %v, %v; want a config with 3 rules and errors", cfg, err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.toml"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want fs.ErrNotExist", err)
	}
}

// TestColumnsCountRunes: a mistake after non-ASCII text is at the column an
// editor shows, and a byte order mark is not a column.
func TestColumnsCountRunes(t *testing.T) {
	data := "\xef\xbb\xbf[[feeds]]\nname = \"연합뉴스\"; url = 1\n"
	_, err := Parse("k.toml", []byte(data))
	want := "k.toml:2:14: TOML syntax: " // the ';' after 4 Hangul runes
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("err = %v, want prefix %q", err, want)
	}
	data = "[[feeds]]\nname = \"연합뉴스\"\nurl = \"ftp://x\"\n[[feeds]]\nname = \"연합뉴스\"\nurl = \"https://x\"\n"
	_, err = Parse("k.toml", []byte(data))
	if err == nil || !strings.Contains(err.Error(), "k.toml:5:8: feeds.name: duplicate feed name \"연합뉴스\"") {
		t.Fatalf("err = %v", err)
	}
}

func TestCheckCron(t *testing.T) {
	tests := []struct {
		spec string
		ok   bool
	}{
		{"@every 1m", true},
		{"@daily", true},
		{"@hourly", true},
		{"CRON_TZ=Asia/Seoul 0 8 * * *", true},
		{"TZ=UTC 30 6 * * 1-5", true},
		{"*/15 * * * *", true},
		{"@every 0s", false},
		{"@every 500ms", false},
		{"@every soon", false},
		{"@sometimes", false},
		{"CRON_TZ=", false},
		{"TZ=", false},
		{"CRON_TZ= 0 8 * * *", false},
		{"0 8 * * * *", false}, // seconds field: not the standard parser
		{"60 8 * * *", false},
		{"0 0 31 2 *", false},
		{"", false},
	}
	for _, tt := range tests {
		err := checkCron(tt.spec)
		if (err == nil) != tt.ok {
			t.Errorf("checkCron(%q) = %v, want ok=%v", tt.spec, err, tt.ok)
		}
	}
}

func TestSuggest(t *testing.T) {
	known := []string{"name", "url", "interval", "full_text", "timezone", "allow_private"}
	tests := map[string]string{
		"intervall":     "interval",
		"fulltext":      "full_text",
		"full-text":     "full_text",
		"Timezone":      "timezone",
		"URL":           "url",
		"colour":        "",
		"allow_privat":  "allow_private",
		"private_allow": "",
	}
	for in, want := range tests {
		if got := Suggest(in, known); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestExampleConfig loads config.example.toml from the repository root: it
// must have no mistakes, and every rule's QueryPos must point at its query.
func TestExampleConfig(t *testing.T) {
	path := filepath.Join("..", "config.example.toml")
	cfg := mustLoad(t, path)
	if len(cfg.Feeds) < 10 || len(cfg.Topics) < 5 || len(cfg.Rules) < 2 || len(cfg.Digests) < 1 {
		t.Fatalf("example too small: %d feeds, %d topics, %d rules, %d digests",
			len(cfg.Feeds), len(cfg.Topics), len(cfg.Rules), len(cfg.Digests))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for _, r := range cfg.Rules {
		first, _ := utf8.DecodeRuneInString(r.Query)
		if got := runeAt(lines, r.QueryPos); got != first {
			t.Errorf("rule %s: QueryPos %v points at %q, want %q", r.Name, r.QueryPos, got, first)
		}
	}
	var urgent bool
	for _, r := range cfg.Rules {
		if r.Severity == "urgent" && len(r.Mentions) > 0 && strings.Contains(r.Query, "NEAR/8") {
			urgent = true
		}
	}
	if !urgent {
		t.Error("example lacks the urgent missile-launch rule with a mention")
	}
	if cfg.Digests[0].Schedule != "CRON_TZ=Asia/Seoul 0 8 * * *" {
		t.Errorf("morning digest schedule = %q", cfg.Digests[0].Schedule)
	}
	for _, f := range cfg.Feeds {
		if runeAt(lines, f.URLPos) != '"' {
			t.Errorf("feed %s: URLPos %v is not at the URL's quote", f.Name, f.URLPos)
		}
	}
}

// runeAt returns the rune at a position (columns count runes).
func runeAt(lines []string, p Pos) rune {
	if p.Line < 1 || p.Line > len(lines) {
		return 0
	}
	runes := []rune(lines[p.Line-1])
	if p.Col < 1 || p.Col > len(runes) {
		return 0
	}
	return runes[p.Col-1]
}

func TestQueryPosAt(t *testing.T) {
	path := "testdata/queries.toml"
	cfg := mustLoad(t, path)
	rules := map[string]Rule{}
	for _, r := range cfg.Rules {
		rules[r.Name] = r
	}
	at := func(rule, sub string) Pos {
		r := rules[rule]
		i := strings.Index(r.Query, sub)
		if i < 0 {
			t.Fatalf("rule %s: %q not in %q", rule, sub, r.Query)
		}
		return r.QueryPosAt(i)
	}
	p := func(line, col int) Pos { return Pos{File: path, Line: line, Col: col} }
	tests := []struct {
		rule, sub string
		want      Pos
	}{
		{"plain", "missile", p(7, 10)},
		{"plain", "NEAR", p(7, 18)},
		{"escaped", `"Kim`, p(12, 18)}, // the escape \" starts there
		{"escaped", "Kim", p(12, 20)},
		{"escaped", "été", p(12, 38)},
		{"escaped", "OR", p(12, 52)},
		{"korean", "북한", p(17, 10)},
		{"korean", "미사일", p(17, 17)},
		{"korean", "OR", p(17, 21)},
		{"multiline", "topic", p(23, 1)},
		{"multiline", "(ICBM", p(24, 3)},
		{"multiline", "NEAR", p(25, 3)},
		{"multiline", "fire", p(25, 10)},
		{"literal", `"Freedom`, p(31, 1)},
		{"literal", "drill", p(32, 1)},
	}
	for _, tt := range tests {
		if got := at(tt.rule, tt.sub); got != tt.want {
			t.Errorf("%s: QueryPosAt(%q) = %d:%d, want %d:%d", tt.rule, tt.sub, got.Line, got.Col, tt.want.Line, tt.want.Col)
		}
	}
	if r := rules["korean"]; r.QueryPos != r.QueryPosAt(0) || r.QueryPosAt(len(r.Query)) != p(17, 25) {
		t.Errorf("korean: QueryPos %v, end %v", r.QueryPos, r.QueryPosAt(len(r.Query)))
	}
	if got := rules["plain"].QueryPosAt(1 << 20); got != p(7, 32) {
		t.Errorf("offset past the end = %v, want the closing quote", got)
	}
	// A rule built in code has no map: columns count from QueryPos.
	r := Rule{Query: "북한 OR x", QueryPos: Pos{File: "f", Line: 3, Col: 5}}
	if got := r.QueryPosAt(len("북한 ")); got != (Pos{File: "f", Line: 3, Col: 8}) {
		t.Errorf("fallback QueryPosAt = %v", got)
	}
}

// TestAPIBase: discord.api_base takes an absolute http(s) address without
// userinfo, query or fragment, drops a trailing slash, and reports every
// mistake at the value's position without quoting it (it may hold a secret).
func TestAPIBase(t *testing.T) {
	tests := []struct {
		value string
		want  string // the stored value, or the error after "f.toml:"
	}{
		{"http://127.0.0.1:8080/api", "http://127.0.0.1:8080/api"},
		{"https://proxy.internal/api/", "https://proxy.internal/api"},
		{"https://proxy.internal", "https://proxy.internal"},
		{"", "3:12: discord.api_base: must not be empty (omit the key to talk to Discord itself)"},
		{"proxy.internal/api", "3:12: discord.api_base: the URL must start with http:// or https://"},
		{"ftp://proxy.internal/api", "3:12: discord.api_base: the URL must start with http:// or https://"},
		{"/api", "3:12: discord.api_base: the URL must start with http:// or https://"},
		{"https:///api", "3:12: discord.api_base: the URL has no host"},
		{"https://bot:s3cret@proxy.internal/api", "3:12: discord.api_base: the URL must not hold a user or password (the bot token is the only credential sent)"},
		{"https://proxy.internal/api?key=s3cret", "3:12: discord.api_base: the URL must not have a query (?...)"},
		{"https://proxy.internal/api?", "3:12: discord.api_base: the URL must not have a query (?...)"},
		{"https://proxy.internal/api#x", "3:12: discord.api_base: the URL must not have a fragment (#...)"},
		{"https://proxy.internal/api ", "3:12: discord.api_base: the URL contains spaces"},
		{"http://[::1/api", "3:12: discord.api_base: not a valid URL"},
	}
	for _, tt := range tests {
		data := "[discord]\napplication_id = \"1\"\napi_base = \"" + tt.value + "\"\n"
		cfg, err := Parse("f.toml", []byte(data))
		if strings.Contains(tt.want, ": discord.api_base: ") {
			if err == nil || err.Error() != "f.toml:"+tt.want {
				t.Errorf("api_base %q: err = %v, want f.toml:%s", tt.value, err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), "s3cret") {
				t.Errorf("api_base %q: the error quotes the secret: %v", tt.value, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("api_base %q: %v", tt.value, err)
			continue
		}
		if cfg.Discord.APIBase != tt.want {
			t.Errorf("api_base %q: stored %q, want %q", tt.value, cfg.Discord.APIBase, tt.want)
		}
	}
}

// TestSchedulesParsedByConfig: a loaded digest holds its schedule parsed in
// the bot's zone, a digest built by hand is parsed on demand, a bad one
// says which spec, and polling.tick parses with the same parser.
func TestSchedulesParsedByConfig(t *testing.T) {
	cfg, err := Load("../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 3, 10, 9, 0, 0, 0, seoul)
	tests := []struct {
		name string
		d    Digest
		want time.Time
		err  string
	}{
		{"loaded", cfg.Digests[0], time.Date(2026, 3, 11, 8, 0, 0, 0, seoul), ""},
		{"by hand", Digest{Schedule: "CRON_TZ=Asia/Seoul 30 17 * * *"}, time.Date(2026, 3, 10, 17, 30, 0, 0, seoul), ""},
		{"bad", Digest{Schedule: "0 25 * * *"}, time.Time{}, `schedule "0 25 * * *"`},
		{"zone only", Digest{Schedule: "TZ=UTC"}, time.Time{}, `schedule "TZ=UTC"`},
	}
	for _, tt := range tests {
		s, err := tt.d.Parsed()
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: err = %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := s.Next(from); !got.Equal(tt.want) {
			t.Errorf("%s: next run after %v = %v, want %v", tt.name, from, got, tt.want)
		}
	}
	if cfg.Digests[0].parsed == nil {
		t.Error("the loader did not keep the digest's parsed schedule")
	}
	tick, err := cfg.Polling.TickSchedule()
	if err != nil {
		t.Fatal(err)
	}
	if got := tick.Next(from); got.Sub(from) != time.Minute {
		t.Errorf("tick %q: next after %v = %v", cfg.Polling.Tick, from, got)
	}
	if _, err := (Polling{Tick: "@every 1ms"}).TickSchedule(); err == nil {
		t.Error("tick @every 1ms accepted")
	}
}

func TestFormatDuration(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{10 * time.Minute, "10m"},
		{time.Hour, "1h"},
		{6 * time.Hour, "6h"},
		{90 * time.Second, "1m30s"},
		{time.Hour + 30*time.Second, "1h0m30s"},
		{0, "0s"},
		{1500 * time.Millisecond, "1.5s"},
	} {
		if got := FormatDuration(tt.d); got != tt.want {
			t.Errorf("FormatDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}
