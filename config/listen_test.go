package config

import (
	"strings"
	"testing"
)

// TestListen checks [bot] listen: accepted addresses and the URL wirewatch
// health asks for each, and refused ones with their message.
func TestListen(t *testing.T) {
	tests := []struct {
		listen  string
		url     string // ReadyURL; "" when the address is refused or empty
		wantErr string
	}{
		{listen: "", url: ""},
		{listen: "127.0.0.1:9090", url: "http://127.0.0.1:9090/readyz"},
		{listen: ":9090", url: "http://127.0.0.1:9090/readyz"},
		{listen: "0.0.0.0:9090", url: "http://127.0.0.1:9090/readyz"},
		{listen: "[::]:9090", url: "http://[::1]:9090/readyz"},
		{listen: "[::1]:9100", url: "http://[::1]:9100/readyz"},
		{listen: "localhost:9090", url: "http://localhost:9090/readyz"},
		{listen: "9090", wantErr: `3:10: bot.listen: "9090" is not host:port (write "127.0.0.1:9090", or ":9090" for every interface)`},
		{listen: "127.0.0.1:0", wantErr: `3:10: bot.listen: "127.0.0.1:0": the port must be a number from 1 to 65535`},
		{listen: "127.0.0.1:http", wantErr: `3:10: bot.listen: "127.0.0.1:http": the port must be a number from 1 to 65535`},
		{listen: "127.0.0.1:70000", wantErr: `3:10: bot.listen: "127.0.0.1:70000": the port must be a number from 1 to 65535`},
		{listen: "http://127.0.0.1:9090", wantErr: `3:10: bot.listen: "http://127.0.0.1:9090" is not host:port (write "127.0.0.1:9090", or ":9090" for every interface)`},
	}
	for _, tt := range tests {
		t.Run(tt.listen, func(t *testing.T) {
			data := "\n[bot]\nlisten = \"" + tt.listen + "\"\n" + minimalFeedAndChannel
			cfg, err := Parse("listen.toml", []byte(data))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Bot.Listen != tt.listen {
				t.Errorf("Listen = %q, want %q", cfg.Bot.Listen, tt.listen)
			}
			u, ok := cfg.Bot.ReadyURL()
			if u != tt.url || ok != (tt.url != "") {
				t.Errorf("ReadyURL = %q, %v; want %q", u, ok, tt.url)
			}
		})
	}
}

const minimalFeedAndChannel = `
[[feeds]]
name = "wire"
url = "https://example.com/feed.xml"

[[channels]]
name = "desk"
id = "123456789012345678"
`
