package demo

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// TestDemo runs the whole demo and checks what a user would see: the
// backlog is not posted, the missile launch reported by four outlets is one
// alert per channel with its sources, the drill and the statement are
// routed by their rules, and nothing pinged but the urgent rule's role.
func TestDemo(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out bytes.Buffer
	res, err := Run(ctx, &out, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, out.String())
	}
	t.Log(out.String())
	if res.First.Posts != 0 || res.First.Backlog == 0 {
		t.Errorf("first poll = %+v: want backlog recorded and nothing posted", res.First)
	}
	alerts := strings.Join(res.Channels["alerts"], "\n")
	if n := strings.Count(alerts, "ballistic missile"); n == 0 {
		t.Errorf("#alerts shows no missile alert:\n%s", alerts)
	}
	if got := len(res.Channels["alerts"]); got != 1 {
		t.Errorf("#alerts shows %d messages, want one alert for the launch reported by four outlets:\n%s", got, alerts)
	}
	// The three other outlets' updates are written in one poll: coalesced
	// into one edit showing all four sources.
	for _, want := range []string{"(4 sources)", "edited once", "pinged roles: 200000000000000001"} {
		if !strings.Contains(alerts, want) {
			t.Errorf("#alerts lacks %q: the alert should be edited once with the other three outlets:\n%s", want, alerts)
		}
	}
	briefing := strings.Join(res.Channels["briefing"], "\n")
	if got := len(res.Channels["briefing"]); got != 3 {
		t.Errorf("#briefing shows %d messages, want 3: the launch, the drill and the statement about it:\n%s", got, strings.Join(res.Channels["briefing"], "\n"))
	}
	for _, want := range []string{"Freedom Edge", "Asian NATO"} {
		if !strings.Contains(briefing, want) {
			t.Errorf("#briefing lacks %q:\n%s", want, briefing)
		}
	}
	for _, junk := range []string{"Also read this", "Comment (0)", "Cookies", "javascript:"} {
		if strings.Contains(out.String(), junk) {
			t.Errorf("demo output carries web junk %q", junk)
		}
	}
	if !strings.Contains(out.String(), "wirewatch timeline north-korea") {
		t.Errorf("demo prints no timeline")
	}
}
