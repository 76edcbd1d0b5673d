package backend

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"wirewatch/model"
)

// CheckItem refuses an item or story holding text that not every backend
// can store (PostgreSQL rejects NUL bytes and invalid UTF-8), so both
// backends fail the same way, with a clear error, instead of one silently
// storing what the other refuses. Sanitizing is the feed reader's job.
func CheckItem(item *model.Item, story *model.Story) error {
	fields := []string{item.Key, item.Feed, item.GUID, item.Link, item.Title, item.Text, item.Author,
		item.Lang, item.StoryID}
	fields = append(fields, item.Categories...)
	fields = append(fields, item.Summary...)
	fields = append(fields, item.Topics...)
	if story != nil {
		fields = append(fields, story.ID, story.Title, story.Link)
		fields = append(fields, story.Topics...)
		for _, src := range story.Sources {
			fields = append(fields, src.Feed, src.Title, src.Link)
		}
	}
	for _, f := range fields {
		if !utf8.ValidString(f) {
			return fmt.Errorf("item %q: text is not valid UTF-8", item.Key)
		}
		if strings.IndexByte(f, 0) >= 0 {
			return fmt.Errorf("item %q: text holds a NUL byte", item.Key)
		}
	}
	return nil
}
