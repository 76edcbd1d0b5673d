package outbox

import (
	"context"
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	o := New(nil, nil, Options{BackoffMin: time.Second, BackoffMax: time.Minute, Jitter: 0.2})
	tests := []struct {
		attempt int
		base    time.Duration
	}{{1, time.Second}, {2, 2 * time.Second}, {3, 4 * time.Second}, {6, 32 * time.Second}, {7, time.Minute}, {60, time.Minute}}
	for _, tt := range tests {
		lo, hi := time.Duration(float64(tt.base)*0.8), time.Duration(float64(tt.base)*1.2)
		seen := map[time.Duration]bool{}
		for range 50 {
			d := o.backoff(tt.attempt)
			if d < lo || d > hi {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", tt.attempt, d, lo, hi)
			}
			seen[d] = true
		}
		if len(seen) < 2 {
			t.Errorf("backoff(%d) has no jitter", tt.attempt)
		}
	}
	plain := New(nil, nil, Options{BackoffMin: time.Second, Jitter: -1})
	if d := plain.backoff(3); d != 4*time.Second {
		t.Errorf("without jitter backoff(3) = %v, want 4s", d)
	}
}

func TestAmbiguous(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{&DeliveryError{Status: 0}, true},
		{&DeliveryError{Status: 200}, true}, // answer unreadable: the message exists
		{&DeliveryError{Status: 502}, true},
		{&DeliveryError{Status: 429}, false},
		{&DeliveryError{Status: 400, Permanent: true}, false},
		{context.DeadlineExceeded, true},
	}
	for _, tt := range tests {
		if got := ambiguous(tt.err); got != tt.want {
			t.Errorf("ambiguous(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
