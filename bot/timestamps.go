package bot

import (
	"regexp"
	"strconv"
	"time"
)

// discordTimestamp is Discord's timestamp markup: <t:UNIX> or <t:UNIX:STYLE>.
var discordTimestamp = regexp.MustCompile(`<t:(-?\d{1,12})(?::([tTdDfFR]))?>`)

// PlainTimes writes the Discord timestamps in text (<t:UNIX:f>, which
// Discord shows in each reader's zone) as times in loc, for a terminal: a
// date style (d, D) as "2026-12-05", a time style (t, T) as "08:00", any
// other as "2026-12-05 08:00 KST" (the relative style R too, so output
// read from a file or compared in a test does not change with the clock).
// Feed text cannot make one: Markdown defuses '<'.
func PlainTimes(text string, loc *time.Location) string {
	return discordTimestamp.ReplaceAllStringFunc(text, func(m string) string {
		sub := discordTimestamp.FindStringSubmatch(m)
		sec, err := strconv.ParseInt(sub[1], 10, 64)
		if err != nil {
			return m
		}
		t := time.Unix(sec, 0).In(loc)
		switch sub[2] {
		case "d", "D":
			return t.Format(time.DateOnly)
		case "t", "T":
			return t.Format("15:04")
		}
		return formatTime(t, loc)
	})
}
