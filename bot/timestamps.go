package bot

import (
	"regexp"
	"strconv"
	"time"
)

// discordTimestamp is Discord's timestamp markup: <t:UNIX> or <t:UNIX:STYLE>.
var discordTimestamp = regexp.MustCompile(`<t:(-?\d{1,12})(?::([tTdDfFR]))?>`)

// PlainTimes writes the Discord timestamps in text (<t:UNIX:f>, which
// Discord shows in each reader's zone) as times in loc, for a terminal:
// "2026-12-05 08:00 KST" whatever the style, so output read from a file
// or compared in a test does not change with the clock. Feed text cannot
// make one: Markdown defuses '<'.
func PlainTimes(text string, loc *time.Location) string {
	return discordTimestamp.ReplaceAllStringFunc(text, func(m string) string {
		sub := discordTimestamp.FindStringSubmatch(m)
		sec, err := strconv.ParseInt(sub[1], 10, 64)
		if err != nil {
			return m
		}
		return formatTime(time.Unix(sec, 0), loc)
	})
}
