package model

import "testing"

func TestPriorityOf(t *testing.T) {
	tests := []struct {
		kind PostKind
		sev  Severity
		want Priority
	}{
		{PostAlert, SeverityUrgent, PriorityUrgent},
		{PostAlert, SeverityAlert, PriorityAlert},
		{PostAlert, SeverityInfo, PriorityInfo},
		{PostAlert, "", PriorityAlert},
		{PostNotice, "", PriorityAlert},
		{PostUpdate, SeverityUrgent, PriorityLow},
		{PostDigest, "", PriorityLow},
		{PostFold, SeverityUrgent, PriorityInfo},
	}
	for _, tt := range tests {
		if got := PriorityOf(tt.kind, tt.sev); got != tt.want {
			t.Errorf("PriorityOf(%s, %q) = %d, want %d", tt.kind, tt.sev, got, tt.want)
		}
	}
	if !(PriorityUrgent > PriorityAlert && PriorityAlert > PriorityInfo && PriorityInfo > PriorityLow) {
		t.Error("priorities out of order")
	}
}
