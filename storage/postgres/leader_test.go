package postgres

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/storagetest"
)

// TestLeader: of two replicas on one schema only one leads; the other
// waits, and takes over when the leader releases or its store closes.
func TestLeader(t *testing.T) {
	dsn := testDSN(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	a, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	leadA, releaseA, err := a.Lead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	waitCtx, stopWaiting := context.WithTimeout(ctx, 3*time.Second)
	if _, _, err := b.Lead(waitCtx); err == nil {
		t.Fatal("a second replica became leader while the first still leads")
	}
	stopWaiting()
	if leadA.Err() != nil {
		t.Fatal("the leader lost its lead while a standby waited")
	}

	got := make(chan error, 1)
	go func() {
		_, releaseB, err := b.Lead(ctx)
		if err == nil {
			defer releaseB()
		}
		got <- err
	}()
	releaseA()
	if leadA.Err() == nil {
		t.Error("released leadership's context is still live")
	}
	select {
	case err := <-got:
		if err != nil {
			t.Fatalf("standby did not take over: %v", err)
		}
	case <-ctx.Done():
		t.Fatal("standby did not take over within 30 s")
	}
}

// throughProxy returns dsn with its host and port replaced by addr.
func throughProxy(t *testing.T, dsn, addr string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Host = addr
	return u.String()
}

// TestLeaderStopsWhenLockConnectionSilent: the leader's lock connection
// goes silent (a proxy stops forwarding it without closing it, as after a
// partition) while its other connections work. The leader's lead ends
// within a check's interval and deadline; the server frees the lock, a
// standby takes over, and the old leader's writes are refused from then on.
func TestLeaderStopsWhenLockConnectionSilent(t *testing.T) {
	dsn := testDSN(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	proxy := storagetest.NewProxy(t, u.Host)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a, err := Open(ctx, throughProxy(t, dsn, proxy.Addr()))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	leadA, releaseA, err := a.Lead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer releaseA()
	if err := a.AddPosts(ctx, []model.Post{{ID: "before", Channel: "alerts"}}); err != nil {
		t.Fatalf("the leader's write: %v", err)
	}

	proxy.Blackhole("pg_try_advisory_lock")
	silent := time.Now()
	select {
	case <-leadA.Done():
	case <-time.After(LeaderCheckInterval + LeaderCheckTimeout + 2*time.Second):
		t.Fatalf("the leader still leads %s after its lock connection went silent", time.Since(silent).Round(time.Millisecond))
	}
	stopped := time.Since(silent)
	if cause := context.Cause(leadA); !strings.Contains(cause.Error(), "not confirmed") {
		t.Errorf("cause %q, want the lock not confirmed", cause)
	}

	leadB, releaseB, err := b.Lead(ctx)
	if err != nil {
		t.Fatalf("standby did not take over: %v", err)
	}
	defer releaseB()
	took := time.Since(silent)
	t.Logf("old leader stopped %s after its lock connection went silent; the standby led after %s", stopped.Round(time.Millisecond), took.Round(time.Millisecond))
	if took < stopped {
		t.Errorf("the standby led (%s) before the old leader stopped (%s)", took, stopped)
	}
	if err := a.AddPosts(ctx, []model.Post{{ID: "after", Channel: "alerts"}}); !errors.Is(err, storage.ErrDeposed) {
		t.Errorf("the deposed leader's write: %v, want ErrDeposed", err)
	}
	if err := b.AddPosts(ctx, []model.Post{{ID: "new", Channel: "alerts"}}); err != nil || leadB.Err() != nil {
		t.Errorf("the new leader's write: %v (lead %v)", err, leadB.Err())
	}
}

// TestFencedWrites: once another replica is elected, every write that
// matters of the old leader is refused, and its lead ends.
func TestFencedWrites(t *testing.T) {
	stores := openReplicas(t, 2)
	a, b := stores[0], stores[1]
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	leadA, releaseA, err := a.Lead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer releaseA()
	if err := a.AddPosts(ctx, []model.Post{{ID: "p1", Channel: "alerts"}, {ID: "p2", Channel: "alerts"}}); err != nil {
		t.Fatal(err)
	}
	if ok, err := a.LeaseChannel(ctx, "alerts"); err != nil || !ok {
		t.Fatalf("the leader's claim: %v, %v", ok, err)
	}
	stored := model.Item{Key: "k0", Feed: "f", Published: time.Now()}
	if _, err := a.SaveItem(ctx, &stored, &model.Story{ID: "s0", Title: "t", Topics: []string{"t"}}, nil); err != nil {
		t.Fatal(err)
	}
	// An election elsewhere (b cannot take the lock a holds; it bumps the
	// epoch as an election would).
	if _, err := b.pool.Exec(ctx, `UPDATE leader_epoch SET epoch = epoch + 1`); err != nil {
		t.Fatal(err)
	}
	item := model.Item{Key: "k", Feed: "f", Published: time.Now()}
	story := model.Story{ID: "s", Title: "t", Topics: []string{"t"}}
	for name, write := range map[string]func() error{
		"SaveItem": func() error { _, err := a.SaveItem(ctx, &item, &story, nil); return err },
		"SaveFullText": func() error {
			return a.SaveFullText(ctx, stored, nil, nil, []model.Post{{ID: "p4", Channel: "alerts"}})
		},
		"AddPosts": func() error { return a.AddPosts(ctx, []model.Post{{ID: "p3", Channel: "alerts"}}) },
		"AddPostsMovingMeta": func() error {
			_, err := a.AddPostsMovingMeta(ctx, []model.Post{{ID: "p5", Channel: "alerts"}}, storage.MetaMove{Key: "k", Old: "", New: "v"})
			return err
		},
		"LeaseChannel":     func() error { _, err := a.LeaseChannel(ctx, "alerts"); return err },
		"MarkFirstAttempt": func() error { return a.MarkFirstAttempt(ctx, "p1", time.Now()) },
		"MarkSent":         func() error { return a.MarkSent(ctx, "p1", "m1", time.Now()) },
		"MarkAttempt":      func() error { return a.MarkAttempt(ctx, "p1", "x") },
		"MarkFailed":       func() error { return a.MarkFailed(ctx, "p1", "x") },
	} {
		if err := write(); !errors.Is(err, storage.ErrDeposed) {
			t.Errorf("%s by the deposed leader: %v, want ErrDeposed", name, err)
		}
	}
	if p, err := b.Post(ctx, "p1"); err != nil || p.State != model.PostPending || !p.FirstAttemptAt.IsZero() {
		t.Errorf("p1 after refused writes: %+v, %v", p, err)
	}
	select {
	case <-leadA.Done():
		if cause := context.Cause(leadA); !strings.Contains(cause.Error(), "another replica was elected") {
			t.Errorf("cause %q", cause)
		}
	case <-time.After(LeaderCheckInterval + LeaderCheckTimeout + time.Second):
		t.Error("the deposed leader's lead did not end")
	}
}

// BenchmarkFencedWrite: the cost of the epoch check on a post's delivery
// record, a leader's (fenced) against a store's that never led.
func BenchmarkFencedWrite(b *testing.B) {
	for _, leading := range []bool{false, true} {
		b.Run(map[bool]string{false: "unfenced", true: "leader"}[leading], func(b *testing.B) {
			dsn := testDSN(b)
			ctx := context.Background()
			s, err := Open(ctx, dsn)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			if leading {
				_, release, err := s.Lead(ctx)
				if err != nil {
					b.Fatal(err)
				}
				defer release()
			}
			if err := s.AddPosts(ctx, []model.Post{{ID: "p", Channel: "alerts"}}); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				if err := s.MarkAttempt(ctx, "p", "x"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestFenceWaitsForElection: a leader's writes (a single fenced statement,
// and a fenced transaction) that meet an election in progress wait for it,
// and are refused once it commits.
func TestFenceWaitsForElection(t *testing.T) {
	stores := openReplicas(t, 2)
	a, b := stores[0], stores[1]
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, releaseA, err := a.Lead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer releaseA()
	if err := a.AddPosts(ctx, []model.Post{{ID: "p1", Channel: "alerts"}}); err != nil {
		t.Fatal(err)
	}

	// An election in progress: the epoch row updated, not yet committed.
	election, err := b.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := election.Exec(ctx, `UPDATE leader_epoch SET epoch = epoch + 1`); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 2)
	go func() { done <- a.MarkAttempt(ctx, "p1", "x") }()
	go func() { done <- a.AddPosts(ctx, []model.Post{{ID: "p2", Channel: "alerts"}}) }()
	select {
	case err := <-done:
		t.Fatalf("a write went through an election in progress: %v", err)
	case <-time.After(500 * time.Millisecond):
	}
	if err := election.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := <-done; !errors.Is(err, storage.ErrDeposed) {
			t.Errorf("a write waiting for the election: %v, want ErrDeposed", err)
		}
	}
	if p, err := b.Post(ctx, "p1"); err != nil || p.Attempts != 0 {
		t.Errorf("p1: %+v, %v; want untouched", p, err)
	}
}

// TestNewLeaderTakesOverLeases: a leader that stopped without releasing its
// channel leases (killed, or cut off from the database) holds them up to
// their lapse against anyone but the leader elected after it.
func TestNewLeaderTakesOverLeases(t *testing.T) {
	stores := openReplicas(t, 3)
	a, b, c := stores[0], stores[1], stores[2]
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, releaseA, err := a.Lead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := a.LeaseChannel(ctx, "alerts"); err != nil || !ok {
		t.Fatalf("the leader's lease: %v, %v", ok, err)
	}
	releaseA() // a stops leading; its lease stays
	if ok, err := c.LeaseChannel(ctx, "alerts"); err != nil || ok {
		t.Fatalf("a store that never led took a live lease: %v, %v", ok, err)
	}
	_, releaseB, err := b.Lead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer releaseB()
	if ok, err := b.LeaseChannel(ctx, "alerts"); err != nil || !ok {
		t.Fatalf("the new leader's lease: %v, %v; want the old leader's taken over", ok, err)
	}
	if _, err := a.LeaseChannel(ctx, "alerts"); !errors.Is(err, storage.ErrDeposed) {
		t.Errorf("the old leader's lease: %v, want ErrDeposed", err)
	}
}
