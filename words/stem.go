package words

import (
	"strings"
	"sync"
	"sync/atomic"

	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// stems caches porterstemmer.StemString for the words seen most: a news
// article's words are mostly ones every article uses, and stemming is a
// large part of ranking. The cache stops growing at maxCachedStems
// entries, so untrusted text cannot grow it without bound.
var (
	stems      sync.Map // word -> stem
	stemsCount atomic.Int64
)

const (
	maxCachedStems   = 50000
	maxCachedStemLen = 24 // longer words are rare; not worth keeping
)

// Stem returns the Porter stem of a lower-case word.
func Stem(w string) string {
	if v, ok := stems.Load(w); ok {
		return v.(string)
	}
	s := porterstemmer.StemString(w)
	if len(w) <= maxCachedStemLen && stemsCount.Load() < maxCachedStems {
		// Clone: w may be a slice of a large text that the cache would
		// otherwise keep alive.
		if _, loaded := stems.LoadOrStore(strings.Clone(w), strings.Clone(s)); !loaded {
			stemsCount.Add(1)
		}
	}
	return s
}
