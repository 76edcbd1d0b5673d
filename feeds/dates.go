package feeds

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// zoneOffsets are zone abbreviations that feeds of our region use and that
// gofeed's table lacks: time.Parse gives an unknown abbreviation offset 0,
// which puts a KST date 9 hours late. Ambiguous names (CST, IST) are left to
// gofeed.
var zoneOffsets = map[string]int{
	"KST": 9 * 3600, "KDT": 10 * 3600, "JST": 9 * 3600, "HKT": 8 * 3600,
	"SGT": 8 * 3600, "PHT": 8 * 3600, "AWST": 8 * 3600,
	"ACST": 9*3600 + 1800, "ACDT": 10*3600 + 1800, "AEST": 10 * 3600,
	"AEDT": 11 * 3600, "NZST": 12 * 3600, "NZDT": 13 * 3600, "ICT": 7 * 3600,
	"WIB": 7 * 3600, "WITA": 8 * 3600, "WIT": 9 * 3600, "MSK": 3 * 3600,
	"PKT": 5 * 3600, "NPT": 5*3600 + 2700, "TRT": 3 * 3600,
}

// utcNames really mean offset 0.
var utcNames = map[string]bool{"": true, "UTC": true, "GMT": true, "UT": true, "Z": true}

// fixZone repairs a time whose zone abbreviation was parsed with offset 0
// although the abbreviation names another offset (KST, JST, ...).
func fixZone(t time.Time) time.Time {
	name, off := t.Zone()
	if off != 0 || utcNames[name] {
		return t
	}
	want, ok := zoneOffsets[strings.ToUpper(name)]
	if !ok {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone(name, want))
}

// localLayouts are date forms gofeed does not read, seen in Korean and
// Japanese feeds; they carry no zone and are read in the feed's location.
var localLayouts = []string{
	"2006.01.02 15:04:05",
	"2006.01.02 15:04",
	"2006.01.02",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006/01/02",
	"2006-01-02",
	"2006년 1월 2일 15:04",
	"2006년 01월 02일 15:04",
	"2006년 1월 2일",
}

// zonedLayouts carry a zone abbreviation gofeed may not know.
var zonedLayouts = []string{
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04 MST",
	"2006.01.02 15:04:05 MST",
	"2006.01.02 15:04 MST",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 2 Jan 06 15:04:05 MST",
	"Monday, 02-Jan-06 15:04:05 MST",
	"Mon Jan _2 15:04:05 MST 2006",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04 MST",
	"Jan 2, 2006 15:04:05 MST",
	"January 2, 2006 15:04 MST",
}

// knownZoneAbbrev reports whether s ends with a zone abbreviation of
// zoneOffsets ("... 12:41:00 KST").
func knownZoneAbbrev(s string) bool {
	last := strings.TrimRightFunc(s, unicode.IsSpace)
	if i := strings.LastIndexFunc(last, unicode.IsSpace); i >= 0 {
		_, size := utf8.DecodeRuneInString(last[i:])
		last = last[i+size:]
	}
	if last == "" {
		return false
	}
	_, ok := zoneOffsets[strings.ToUpper(last)]
	return ok
}

// parseLooseDate reads date strings gofeed could not, in loc when they carry
// no zone. ok is false when nothing matched.
func parseLooseDate(s string, loc *time.Location) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, false
	}
	if loc == nil {
		loc = time.UTC
	}
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return fixZone(t), true
		}
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
