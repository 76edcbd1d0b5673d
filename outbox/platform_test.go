package outbox_test

import (
	"errors"
	"slices"
	"testing"

	"wirewatch/model"
	"wirewatch/outbox"
)

// Each channel's posts go through the sink of its platform; a channel whose
// platform has no sink keeps its posts pending and is left alone.
func TestSinkPerPlatform(t *testing.T) {
	f := newFixture(t)
	webhook := newScriptSink(f.clock.Now)
	platform := map[string]string{"alerts": "discord", "ops": "webhook", "gone": "matrix"}
	opts := f.options()
	opts.Platform = func(channel string) string { return platform[channel] }
	ob := outbox.New(f.store, outbox.Sinks{"discord": f.sink, "webhook": webhook}, opts)
	f.add(alert("alerts", 0, t0), alert("ops", 0, t0), alert("ops", 1, t0), alert("gone", 0, t0))
	err := f.flush(ob)
	if !errors.Is(err, outbox.ErrParked) {
		t.Errorf("flush: %v, want the channel without a sink parked", err)
	}
	if got := markersOf(f.sink.messages("id-alerts")); !slices.Equal(got, []string{"ref:alerts-000"}) {
		t.Errorf("discord shows %v in alerts", got)
	}
	if got := markersOf(webhook.messages("id-ops")); !slices.Equal(got, []string{"ref:ops-000", "ref:ops-001"}) {
		t.Errorf("webhook shows %v in ops", got)
	}
	if n := len(f.sink.callsOf("send", "id-ops")) + len(webhook.callsOf("send", "id-alerts")); n != 0 {
		t.Errorf("%d sends through another platform's sink", n)
	}
	tried := 0
	for _, s := range []*scriptSink{f.sink, webhook} {
		for _, op := range []string{"send", "edit", "recent"} {
			tried += len(s.callsOf(op, "id-gone"))
		}
	}
	if p := f.post("gone-000"); p.State != model.PostPending || tried != 0 {
		t.Errorf("post of a channel without a sink: %s; want pending and untried", p.State)
	}
}
