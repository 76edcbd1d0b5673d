package postgres

import (
	"context"
	"testing"
	"time"
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
