package config

import (
	"strings"
	"testing"
)

// TestSectionKeysAreKnown keeps the top-level hint list in step with the keys
// the decoder reads.
func TestSectionKeysAreKnown(t *testing.T) {
	for section, keys := range sectionKeys {
		for _, key := range keys {
			_, err := Parse("k.toml", []byte("["+section+"]\n"+key+" = {}\n"))
			if err == nil || strings.Contains(err.Error(), "unknown key") {
				t.Errorf("[%s] %s: %v; want a type error, not an unknown key", section, key, err)
			}
		}
	}
}
