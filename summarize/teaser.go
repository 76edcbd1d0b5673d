package summarize

import "strings"

// teaserWords: an item with fewer words than this after cleaning is a
// teaser; three sentences picked from it would be most of it.
const teaserWords = 150

// teaserEndings mark text a feed cut short.
var teaserEndings = []string{"...", "…", "[…]", "[...]", "(…)", "(...)", "read more", "continue reading", "read the full story", "more »", "»"}

// IsTeaser tells whether an item's own content is too short or cut off to
// summarize well, so that the caller fetches the article page instead.
func IsTeaser(text string) bool {
	cleaned := Clean(text)
	if len(strings.Fields(cleaned)) < teaserWords {
		return true
	}
	end := strings.ToLower(strings.TrimSpace(text))
	for _, e := range teaserEndings {
		if strings.HasSuffix(end, e) {
			return true
		}
	}
	return false
}
