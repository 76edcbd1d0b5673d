package backend

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"wirewatch/model"
)

func TestKnownItemsRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		name  string
		items []model.KnownItem
	}{
		{"one", []model.KnownItem{{Sum: 1, GUID: 2, Published: 3}}},
		{"extremes", []model.KnownItem{
			{Sum: math.MaxUint64, GUID: 0, Published: 0},
			{Sum: 0xcbf29ce484222325, GUID: math.MaxUint64, Published: math.MinInt64},
			{Sum: 42, GUID: 1 << 63, Published: math.MaxInt64},
			{Sum: 7, Published: -1},
		}},
		{"order kept", []model.KnownItem{{Sum: 3}, {Sum: 1}, {Sum: 2}, {Sum: 1}}},
		{"at the cap", knownItems(MaxKnownItems)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := EncodeKnownItems(tt.items)
			if want := (len(tt.items)*knownItemSize + 2) / 3 * 4; len(s) != want {
				t.Errorf("encoded length %d, want %d", len(s), want)
			}
			got, err := DecodeKnownItems(s)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.items) {
				t.Fatalf("round trip:\n got %v\nwant %v", got, tt.items)
			}
			if got := DecodeKnownItemsOrNone(s); !reflect.DeepEqual(got, tt.items) {
				t.Fatalf("DecodeKnownItemsOrNone:\n got %v\nwant %v", got, tt.items)
			}
		})
	}
}

func TestKnownItemsEmpty(t *testing.T) {
	for _, items := range [][]model.KnownItem{nil, {}} {
		if s := EncodeKnownItems(items); s != "" {
			t.Errorf("EncodeKnownItems(%#v) = %q, want \"\"", items, s)
		}
	}
	if got, err := DecodeKnownItems(""); got != nil || err != nil {
		t.Errorf(`DecodeKnownItems("") = %#v, %v; want nil, nil`, got, err)
	}
}

func TestKnownItemsCap(t *testing.T) {
	items := knownItems(MaxKnownItems + 5)
	got, err := DecodeKnownItems(EncodeKnownItems(items))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, items[:MaxKnownItems]) {
		t.Fatalf("decoded %d items, want the first %d", len(got), MaxKnownItems)
	}
}

func TestKnownItemsCorrupt(t *testing.T) {
	valid := EncodeKnownItems([]model.KnownItem{{Sum: 1, GUID: 2, Published: 3}, {Sum: 4}})
	for _, tt := range []struct {
		name, in, wantErr string
	}{
		{"not base64", "not base64!", "bad base64"},
		{"padded", valid + "==", "bad base64"},
		{"dangling character", valid[:len(valid)-3], "bad base64"},
		{"stray bits", "AB", "bad base64"},
		{"partial record", valid[:len(valid)-4], "not a whole number of 24-byte records"},
		{"one byte", "AA", "1 bytes is not a whole number"},
		{"record and a byte", valid[:32] + "AA", "25 bytes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeKnownItems(tt.in)
			if err == nil {
				t.Fatalf("DecodeKnownItems(%q) = %v, want an error", tt.in, got)
			}
			if got != nil {
				t.Errorf("DecodeKnownItems(%q) returned items with its error: %v", tt.in, got)
			}
			if got := DecodeKnownItemsOrNone(tt.in); got != nil {
				t.Errorf("DecodeKnownItemsOrNone(%q) = %v, want none", tt.in, got)
			}
			if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "known items") {
				t.Errorf("DecodeKnownItems(%q) error %q; want it to name %q", tt.in, err, tt.wantErr)
			}
		})
	}
}

// knownItems returns n distinct items.
func knownItems(n int) []model.KnownItem {
	items := make([]model.KnownItem, n)
	for i := range items {
		items[i] = model.KnownItem{Sum: uint64(i) * 0x9e3779b97f4a7c15, GUID: uint64(i), Published: 1_773_000_000 + int64(i)}
	}
	return items
}
