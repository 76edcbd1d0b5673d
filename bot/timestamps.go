package bot

import (
	"regexp"
	"strconv"
	"time"
)

// discordTimestamp is Discord's timestamp markup: <t:UNIX> or <t:UNIX:STYLE>.
var discordTimestamp = regexp.MustCompile(`<t:(-?\d{1,12})(?::([tTdDfFR]))?>`)

// fullAndRelative is a time followed by how long ago it was, as an
// alert's compact line shows it.
var fullAndRelative = regexp.MustCompile(`<t:(-?\d{1,12}):f> \(<t:(-?\d{1,12}):R>\)`)

// PlainTimes writes the Discord timestamps in text (<t:UNIX:f>, which
// Discord shows in each reader's zone) as times in loc, for a terminal: a
// date style (d, D) as "2026-12-05", a time style (t, T) as "08:00", any
// other as "2026-12-05 08:00 KST" (the relative style R too, so output
// read from a file or compared in a test does not change with the clock).
// Feed text cannot make one: Markdown defuses '<'.
func PlainTimes(text string, loc *time.Location) string {
	// "<t:X:f> (<t:X:R>)", a time and how long ago, is one time here.
	text = fullAndRelative.ReplaceAllStringFunc(text, func(m string) string {
		sub := fullAndRelative.FindStringSubmatch(m)
		if sub[1] != sub[2] {
			return m
		}
		return "<t:" + sub[1] + ":f>"
	})
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
