package pipeline

import (
	"testing"

	"wirewatch/config"
	"wirewatch/model"
)

func TestRoutes(t *testing.T) {
	cfg := &config.Config{Channels: []config.Channel{
		{Name: "alerts", ID: "1"}, {Name: "briefing", ID: "2"}, {Name: "morning", ID: "3", DigestOnly: true},
	}}
	drill := model.Match{Rule: "drills", Severity: model.SeverityAlert, Channels: []string{"briefing"}}
	launch := model.Match{Rule: "launch", Severity: model.SeverityUrgent, Channels: []string{"alerts", "briefing", "morning"}}
	statement := model.Match{Rule: "statement", Severity: model.SeverityInfo, Channels: []string{"briefing"}}
	tests := []struct {
		name    string
		matches []model.Match
		want    map[string]string // channel → rule
	}{
		{"no match", nil, map[string]string{}},
		{"one rule, two channels, digest-only skipped", []model.Match{launch}, map[string]string{"alerts": "launch", "briefing": "launch"}},
		{"most severe wins in a shared channel", []model.Match{drill, launch}, map[string]string{"alerts": "launch", "briefing": "launch"}},
		{"first among equals", []model.Match{statement, {Rule: "other", Severity: model.SeverityInfo, Channels: []string{"briefing"}}}, map[string]string{"briefing": "statement"}},
		{"unknown channel ignored", []model.Match{{Rule: "x", Severity: model.SeverityAlert, Channels: []string{"gone"}}}, map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			for _, r := range routes(cfg, tt.matches) {
				if _, dup := got[r.channel.Name]; dup {
					t.Fatalf("channel %s routed twice", r.channel.Name)
				}
				got[r.channel.Name] = r.match.Rule
			}
			if len(got) != len(tt.want) {
				t.Fatalf("routes = %v, want %v", got, tt.want)
			}
			for ch, rule := range tt.want {
				if got[ch] != rule {
					t.Errorf("channel %s: rule %q, want %q", ch, got[ch], rule)
				}
			}
		})
	}
}
