package pipeline

import (
	"context"
	"testing"
	"time"

	"wirewatch/model"
)

// The urgent gate holds bulk work back while something urgent is in hand,
// until it is let go, its hold ends, or the waiter's context does; a
// waiter waits one hold at most however many urgent alerts keep coming,
// and no longer than its own last step of work took.
func TestUrgentGateWait(t *testing.T) {
	const hold = 300 * time.Millisecond
	urgent := model.Post{ID: "u1", Kind: model.PostAlert, Priority: model.PriorityUrgent}
	for _, tt := range []struct {
		name     string
		gate     *urgentGate
		setup    func(g *urgentGate) // before the wait
		during   func(g *urgentGate) // while it waits
		min, max time.Duration       // the wait's bounds
		canceled bool                // the waiter's context is cancelled
		worked   time.Duration       // the waiter's last step of work; 0 for longer than any hold
	}{
		{name: "nothing in hand", gate: newUrgentGate(hold), max: hold / 3},
		{name: "no gate", gate: newUrgentGate(0), setup: func(g *urgentGate) { g.begin("x") }, max: hold / 3},
		{name: "an alert of another severity", gate: newUrgentGate(hold),
			setup: func(g *urgentGate) {
				g.stored([]model.Post{{ID: "a", Kind: model.PostAlert, Priority: model.PriorityAlert}, {ID: "f", Kind: model.PostFold, Priority: model.PriorityUrgent}})
			}, max: hold / 3},
		{name: "urgent alert delivered", gate: newUrgentGate(hold),
			setup:  func(g *urgentGate) { g.stored([]model.Post{urgent}) },
			during: func(g *urgentGate) { time.Sleep(hold / 6); g.end(urgent.ID) },
			min:    hold / 6, max: hold - hold/6},
		{name: "poll committed", gate: newUrgentGate(hold),
			setup:  func(g *urgentGate) { g.begin(pollHold("Good Wire")) },
			during: func(g *urgentGate) { time.Sleep(hold / 6); g.end(pollHold("Good Wire")) },
			min:    hold / 6, max: hold - hold/6},
		{name: "urgent alert never reported sent", gate: newUrgentGate(hold),
			setup: func(g *urgentGate) { g.stored([]model.Post{urgent}) },
			min:   hold - hold/6, max: 3 * hold},
		{name: "urgent alerts keep coming", gate: newUrgentGate(hold),
			setup: func(g *urgentGate) { g.stored([]model.Post{urgent}) },
			during: func(g *urgentGate) {
				for i := range 6 {
					time.Sleep(hold / 5)
					g.begin(pollHold(string(rune('a' + i))))
				}
			},
			min: hold - hold/6, max: 3 * hold},
		{name: "bulk work's last step was short", gate: newUrgentGate(hold),
			setup: func(g *urgentGate) { g.stored([]model.Post{urgent}) }, worked: hold / 6,
			min: hold / 6, max: hold - hold/6},
		{name: "waiter's context ends", gate: newUrgentGate(10 * hold),
			setup: func(g *urgentGate) { g.stored([]model.Post{urgent}) }, canceled: true, max: hold},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.gate
			if tt.setup != nil {
				tt.setup(g)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.canceled {
				time.AfterFunc(hold/6, cancel)
			}
			if tt.during != nil {
				go tt.during(g)
			}
			worked := tt.worked
			if worked == 0 {
				worked = time.Hour
			}
			began := time.Now()
			g.wait(ctx, worked)
			if took := time.Since(began); took < tt.min || took > tt.max {
				t.Errorf("waited %s, want %s to %s", took, tt.min, tt.max)
			}
		})
	}
}

// A hold that ended lets no waiter wait: after its hold an alert never
// reported sent is forgotten.
func TestUrgentGateForgetsAfterHold(t *testing.T) {
	g := newUrgentGate(50 * time.Millisecond)
	g.stored([]model.Post{{ID: "u1", Kind: model.PostAlert, Priority: model.PriorityUrgent}})
	time.Sleep(60 * time.Millisecond)
	began := time.Now()
	g.wait(context.Background(), time.Hour)
	if took := time.Since(began); took > 25*time.Millisecond {
		t.Errorf("waited %s for an alert whose hold had ended", took)
	}
	if n := g.live.Load(); n != 0 {
		t.Errorf("%d holds kept, want none", n)
	}
}
