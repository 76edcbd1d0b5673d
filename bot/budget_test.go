package bot_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/model"
	"wirewatch/storage"
)

func TestSearchRefusesCostlyPrefixes(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	h.fillTimeline(3)
	wantError(t, settle(t, h.command(cmdAnalyst, "search", str("query", "a*"))), `at least 3 letters before the \*`, "write more of the word")
	wantError(t, settle(t, h.command(cmdAnalyst, "search", str("query", "nor* kor* pyo*"))), `at most 2 words ending in \*`)
	cb := settle(t, h.command(cmdAnalyst, "search", str("query", "nor* kor*")))
	if len(cb.Embeds) == 0 || cb.Flags != 0 {
		t.Errorf("two long prefixes: %+v", cb)
	}
}

// gateStore holds every Search and Timeline until the gate opens (or the
// lookup's context ends), counting how many wait at once.
type gateStore struct {
	storage.Store
	gate             chan struct{}
	mu               sync.Mutex
	inFlight, maxNow int
}

func (s *gateStore) hold(ctx context.Context) error {
	s.mu.Lock()
	s.inFlight++
	s.maxNow = max(s.maxNow, s.inFlight)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()
	select {
	case <-s.gate:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("interrupted (9): %w", ctx.Err())
	}
}

func (s *gateStore) counts() (int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inFlight, s.maxNow
}

func (s *gateStore) Search(ctx context.Context, text string, q storage.Query) ([]model.Item, error) {
	if err := s.hold(ctx); err != nil {
		return nil, err
	}
	return s.Store.Search(ctx, text, q)
}

func (s *gateStore) Timeline(ctx context.Context, q storage.Query) ([]model.Story, error) {
	if err := s.hold(ctx); err != nil {
		return nil, err
	}
	return s.Store.Timeline(ctx, q)
}

func TestLookupOverBudgetAnsweredPolitely(t *testing.T) {
	t.Parallel()
	gs := &gateStore{gate: make(chan struct{})}
	h := newCmdHarness(t, bot.CommandOptions{DeferAfter: 20 * time.Millisecond, LookupBudget: 300 * time.Millisecond}, "",
		func(st storage.Store) storage.Store { gs.Store = st; return gs })
	h.fillTimeline(3)
	start := time.Now()
	in := h.command(cmdAnalyst, "search", str("query", "korea"))
	first(t, in)
	cmdWaitFor(t, "the over-budget answer", func() bool { return len(in.Followups()) == 1 })
	f := in.Followups()[0]
	if f.Flags&int(discordgo.MessageFlagsEphemeral) == 0 || !strings.Contains(f.Content, "That search took too long; try fewer or longer words") {
		t.Fatalf("over-budget answer %+v", f)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the over-budget answer came after %v; the budget is 300 ms", took)
	}
	in = h.command(cmdAnalyst, "timeline", str("topic", "north-korea"))
	first(t, in)
	cmdWaitFor(t, "the over-budget answer", func() bool { return len(in.Followups()) == 1 })
	if f := in.Followups()[0]; !strings.Contains(f.Content, "That timeline took too long") {
		t.Fatalf("over-budget timeline answer %+v", f)
	}
}

func TestLookupsRunTwoAtOnce(t *testing.T) {
	t.Parallel()
	gs := &gateStore{gate: make(chan struct{})}
	h := newCmdHarness(t, bot.CommandOptions{DeferAfter: 20 * time.Millisecond, LookupBudget: 20 * time.Second}, "",
		func(st storage.Store) storage.Store { gs.Store = st; return gs })
	h.fillTimeline(3)
	var ins []*discordtest.Interaction
	for k := range 6 { // six members at once
		ins = append(ins, h.command(fmt.Sprintf("3000000000000001%02d", k), "search", str("query", "korea")))
	}
	cmdWaitFor(t, "two lookups in storage", func() bool { n, _ := gs.counts(); return n >= 2 })
	time.Sleep(200 * time.Millisecond) // room for a third to slip in, were it allowed
	if _, most := gs.counts(); most != 2 {
		t.Fatalf("%d lookups reached storage at once; the cap is 2", most)
	}
	close(gs.gate)
	for _, in := range ins {
		cb := settle(t, in)
		if len(cb.Embeds) == 0 || !strings.Contains(cb.Embeds[0].Description, "North Korea") {
			t.Errorf("a queued search was not answered: %+v", cb)
		}
	}
}

func TestSummariesRunTwoAtOnce(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	inFlight, most := 0, 0
	gate := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		mu.Unlock()
		<-gate
		mu.Lock()
		inFlight--
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(articlePage))
	}))
	t.Cleanup(srv.Close)
	var open sync.Once
	release := func() { open.Do(func() { close(gate) }) }
	t.Cleanup(release) // before srv.Close, should the test fail early
	h := newCmdHarness(t, bot.CommandOptions{AllowPrivate: true}, "", nil)
	var ins []*discordtest.Interaction
	for k := range 5 {
		ins = append(ins, h.command(fmt.Sprintf("3000000000000002%02d", k), "summary", str("url", fmt.Sprintf("%s/a%d", srv.URL, k))))
	}
	cmdWaitFor(t, "two fetches", func() bool { mu.Lock(); defer mu.Unlock(); return inFlight >= 2 })
	time.Sleep(200 * time.Millisecond)
	mu.Lock()
	got := most
	mu.Unlock()
	release()
	if got != 2 {
		t.Fatalf("%d /summary fetches at once; the cap is 2", got)
	}
	for _, in := range ins {
		cmdWaitFor(t, "the summary", func() bool { m, ok := in.Original(); return ok && m.Edits > 0 })
	}
}

func TestMembersAreRateLimited(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{UserBurst: 3, UserInterval: time.Hour}, "", nil)
	h.fillTimeline(3)
	for range 3 {
		if cb := settle(t, h.command(cmdAnalyst, "latest")); len(cb.Embeds) == 0 {
			t.Fatalf("a command within the burst was refused: %+v", cb)
		}
	}
	wantError(t, settle(t, h.command(cmdAnalyst, "latest")), "faster than wirewatch answers", "try again in 3600 s")
	wantError(t, settle(t, h.command(cmdAnalyst, "search", str("query", "korea"))), "faster than wirewatch answers")
	// Another member is not held up by the first.
	if cb := settle(t, h.command(cmdAdmin, "latest")); len(cb.Embeds) == 0 {
		t.Fatalf("another member was refused: %+v", cb)
	}
}
