package stories

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"wirewatch/model"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("zone %s: %v", name, err)
	}
	return loc
}

func TestResolveDates(t *testing.T) {
	kst := mustZone(t, "Asia/Seoul")
	ny := mustZone(t, "America/New_York")
	// Saturday 2026-11-21, 10:30 in Seoul.
	sat := time.Date(2026, 11, 21, 10, 30, 0, 0, kst)
	// Saturday 2027-01-02, just after a year boundary.
	newYear := time.Date(2027, 1, 2, 10, 0, 0, 0, kst)
	// Tuesday 2026-12-01, just after a month boundary.
	dec1 := time.Date(2026, 12, 1, 9, 0, 0, 0, kst)
	// 00:30 on Saturday in Seoul is still Friday 15:30 in UTC.
	lateFriUTC := time.Date(2026, 11, 20, 15, 30, 0, 0, time.UTC)

	day := func(y int, m time.Month, d int, loc *time.Location) string {
		return time.Date(y, m, d, 0, 0, 0, 0, loc).Format("2006-01-02")
	}
	tests := []struct {
		name string
		text string
		pub  time.Time
		loc  *time.Location
		want []string
	}{
		{"bare weekday", "North Korea fired a missile on Friday.", sat, kst, []string{day(2026, 11, 20, kst)}},
		{"weekday without on", "Pyongyang said Friday it would respond.", sat, kst, []string{"2026-11-20"}},
		{"today's weekday is today", "North Korea on Saturday denounced the talks.", sat, kst, []string{"2026-11-21"}},
		{"last weekday is strictly before", "It said last Saturday that ...", sat, kst, []string{"2026-11-14"}},
		{"last with yesterday's weekday", "the launch last Friday", sat, kst, []string{"2026-11-20"}},
		{"weekday morning", "The missile was fired on Thursday morning.", sat, kst, []string{"2026-11-19"}},
		{"late weekday", "Talks ended late Wednesday.", sat, kst, []string{"2026-11-18"}},
		{"weekday night", "A drone crossed Tuesday night.", sat, kst, []string{"2026-11-17"}},
		{"four days back", "the drill that began on Tuesday", sat, kst, []string{"2026-11-17"}},
		{"tomorrow's weekday is tomorrow", "The exercise starts Sunday.", sat, kst, []string{"2026-11-22"}},
		{"next weekday", "They will meet next Monday.", sat, kst, []string{"2026-11-23"}},
		{"next with tomorrow's weekday", "next Sunday", sat, kst, []string{"2026-11-22"}},
		{"until weekday", "The drills run until Tuesday.", sat, kst, []string{"2026-11-24"}},
		{"yesterday", "The North fired artillery yesterday.", sat, kst, []string{"2026-11-20"}},
		{"day before yesterday", "the day before yesterday", sat, kst, []string{"2026-11-19"}},
		{"last night", "Sirens sounded last night.", sat, kst, []string{"2026-11-20"}},
		{"today", "The ministry said today.", sat, kst, []string{"2026-11-21"}},
		{"earlier today", "as reported earlier today", sat, kst, []string{"2026-11-21"}},
		{"this morning", "launched this morning", sat, kst, []string{"2026-11-21"}},
		{"two days ago", "It fired two days ago.", sat, kst, []string{"2026-11-19"}},
		{"digits days ago", "3 days ago", sat, kst, []string{"2026-11-18"}},
		{"a week ago", "a week ago", sat, kst, []string{"2026-11-14"}},
		{"weeks earlier", "two weeks earlier", sat, kst, []string{"2026-11-07"}},
		{"last week", "Last week, it fired cruise missiles.", sat, kst, []string{"2026-11-14"}},
		{"earlier this week", "earlier this week", sat, kst, []string{"2026-11-16"}},
		{"earlier this month", "earlier this month", sat, kst, []string{"2026-11-01"}},
		{"last month", "last month", sat, kst, []string{"2026-10-01"}},
		{"month day", "on November 7", sat, kst, []string{"2026-11-07"}},
		{"abbreviated month with dot", "on Nov. 13", sat, kst, []string{"2026-11-13"}},
		{"abbreviated month", "Nov 13", sat, kst, []string{"2026-11-13"}},
		{"sept", "since Sept. 3", sat, kst, []string{"2026-09-03"}},
		{"ordinal", "on November 7th", sat, kst, []string{"2026-11-07"}},
		{"day month", "on 7 November", sat, kst, []string{"2026-11-07"}},
		{"month day year", "on November 7, 2025", sat, kst, []string{"2025-11-07"}},
		{"near future month", "a summit on December 25", sat, kst, []string{"2026-12-25"}},
		{"next january within 60 days", "talks on January 10", sat, kst, []string{"2027-01-10"}},
		{"february is the past one", "the launch on February 3", sat, kst, []string{"2026-02-03"}},
		{"may is a month only before a day", "It may 7 times", sat, kst, nil},
		{"may the month", "on May 7", sat, kst, []string{"2026-05-07"}},
		{"no february 30", "on Feb. 30", sat, kst, nil},
		{"iso", "dated 2025-11-07", sat, kst, []string{"2025-11-07"}},
		{"dotted", "2025.11.07 12:41", sat, kst, []string{"2025-11-07"}},
		{"slashed", "2025/11/07", sat, kst, []string{"2025-11-07"}},
		{"korean month day", "북한은 11월 7일 미사일을 발사했다", sat, kst, []string{"2026-11-07"}},
		{"korean full date", "2025년 11월 7일", sat, kst, []string{"2025-11-07"}},
		{"korean yesterday", "북한이 어제 발사했다", sat, kst, []string{"2026-11-20"}},
		{"several in order", "It fired on Friday, after tests last week and on Nov. 2.", sat, kst,
			[]string{"2026-11-20", "2026-11-14", "2026-11-02"}},
		{"nothing", "North Korea fired a missile.", sat, kst, nil},
		{"a group named for a day", "Fighters of the April 6 Movement took the town on Friday.", sat, kst, []string{"2026-11-20"}},
		{"a group named for a day, day first", "the 14 May Youth Alliance marched on Friday", sat, kst, []string{"2026-11-20"}},
		{"a name joined by a slash", "the Delta Front/July 2 Movement (DF/J2) said on Friday", sat, kst, []string{"2026-11-20"}},
		{"a day's named report is that day's", "The June 9 World Crop Estimates report cut the forecast.", sat, kst, []string{"2026-06-09"}},
		{"a day before a capital is a day", "On March 23 Kinshasa said it would talk.", sat, kst, []string{"2026-03-23"}},

		{"year boundary weekday", "on Wednesday", newYear, kst, []string{"2026-12-30"}},
		{"year boundary month day", "on Dec. 30", newYear, kst, []string{"2026-12-30"}},
		{"year boundary last month", "last month", newYear, kst, []string{"2026-12-01"}},
		{"year boundary last week", "last week", newYear, kst, []string{"2026-12-26"}},
		{"year boundary yesterday", "yesterday", newYear, kst, []string{"2027-01-01"}},
		{"month boundary weekday", "on Saturday", dec1, kst, []string{"2026-11-28"}},
		{"month boundary yesterday", "yesterday", dec1, kst, []string{"2026-11-30"}},
		{"month boundary earlier this month", "earlier this month", dec1, kst, []string{"2026-12-01"}},

		{"00:30 KST Saturday about Friday", "fired on Friday", lateFriUTC, kst, []string{"2026-11-20"}},
		{"same instant read in UTC", "fired on Friday", lateFriUTC, time.UTC, []string{"2026-11-20"}},
		{"yesterday in KST", "yesterday", lateFriUTC, kst, []string{"2026-11-20"}},
		{"yesterday in UTC", "yesterday", lateFriUTC, time.UTC, []string{"2026-11-19"}},
		{"yesterday in New York", "yesterday", lateFriUTC, ny, []string{"2026-11-19"}},
		{"UTC desk on Thursday about Friday in Seoul", "fired on Friday",
			time.Date(2026, 11, 19, 22, 30, 0, 0, time.UTC), time.UTC, []string{"2026-11-20"}},
		{"nil zone is UTC", "yesterday", lateFriUTC, nil, []string{"2026-11-19"}},
		{"no publication time, absolute date", "on 2025-11-07", time.Time{}, kst, []string{"2025-11-07"}},
		{"no publication time, relative date", "on Friday, Nov. 7", time.Time{}, kst, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ResolveDates(tc.text, tc.pub, tc.loc)
			if len(got) != len(tc.want) {
				t.Fatalf("ResolveDates(%q) = %v, want %v", tc.text, got, tc.want)
			}
			wantLoc := tc.loc
			if wantLoc == nil {
				wantLoc = time.UTC
			}
			for i, d := range got {
				if d.Format("2006-01-02") != tc.want[i] {
					t.Errorf("ResolveDates(%q)[%d] = %s, want %s", tc.text, i, d.Format("2006-01-02"), tc.want[i])
				}
				if d.Location() != wantLoc || d.Hour() != 0 || d.Minute() != 0 {
					t.Errorf("ResolveDates(%q)[%d] = %v, want midnight in %v", tc.text, i, d, wantLoc)
				}
			}
		})
	}
}

func TestEventDate(t *testing.T) {
	kst := mustZone(t, "Asia/Seoul")
	sat := time.Date(2026, 11, 21, 10, 30, 0, 0, kst)
	tests := []struct {
		name string
		text string
		pub  time.Time
		want string // "" for no date
	}{
		{"first day wins", "North Korea fired a missile on Friday, a week after its Nov. 13 launch.", sat, "2026-11-20"},
		{"a day beats a vaguer period", "Last week it warned of measures. On Thursday it fired rockets.", sat, "2026-11-19"},
		{"vague when nothing else", "North Korea fired cruise missiles earlier this month.", sat, "2026-11-01"},
		{"the event, not the report", "State media reported Tuesday that the leader inspected a munitions factory on Monday.", sat, "2026-11-16"},
		{"the incident, not its disclosure", "The military fired warning shots as soldiers crossed the border last week, the JCS said Monday. They crossed at 2 p.m. on Friday.", sat, "2026-11-20"},
		{"the report's day when nothing else", "Seoul's spy agency said Thursday that troops were moving.", sat, "2026-11-19"},
		{"the incident, not the criticism of it", "The JCS faced criticism Friday for waiting three days to disclose that soldiers crossed the border on Nov. 17.", sat, "2026-11-17"},
		{"criticism's day when nothing else", "The port authority was criticised on Friday over its handling of the sinking.", sat, "2026-11-20"},
		{"the day before the report's", "The rebels said on Thursday they had attacked the tanker the previous day.", sat, "2026-11-18"},
		{"the day before, too", "The group said Thursday it had carried out the attack the day before.", sat, "2026-11-18"},
		{"the day before yesterday is not the report's", "The agency said Thursday the day before yesterday was calm.", sat, "2026-11-19"},
		{"the previous day of another sentence", "The agency said Thursday that troops were moving. Drills ended the previous day.", sat, "2026-11-19"},
		{"a day's event is no report", "The rebels have not claimed Friday's attack, unlike Tuesday's.", sat, "2026-11-20"},
		{"a plan is no event", "The plant halted on Thursday; the operator said a restart was expected Saturday.", sat, "2026-11-19"},
		{"only a plan: no day", "Capacity is expected to return on Saturday.", sat, ""},
		{"a day something is set for is a plan", "Controllers call strike for Thursday. The union on Saturday filed notice.", sat, "2026-11-21"},
		{"a day set for, alone: no day", "Unions call strike for Tuesday.", sat, ""},
		{"a headline's \"to\" is its future", "Subway to shut on Tuesday as drivers walk out\nGlasgow's Subway will not run on Tuesday after its drivers called a walkout on Thursday.", sat, "2026-11-19"},
		{"a place after \"to\" is no future", "Flight diverted to Bordeaux on Friday\nThe flight landed safely.", sat, "2026-11-20"},
		{"for a day's event is no plan", "Mourners gathered for Friday's victims.", sat, "2026-11-20"},
		{"weeks after: the earlier day is background", "Tanker detained weeks after EU listing.\nThe tanker, listed by the EU on 2 November, was boarded by the navy.", sat, ""},
		{"weeks after: a later day is the event's", "Tanker detained weeks after EU listing.\nThe tanker, listed by the EU on 2 November, was boarded on Friday.", sat, "2026-11-20"},
		{"dateline is the filing date", "Pyongyang, November 21 (KCNA) -- The Missile Administration on November 20 conducted a test-fire.", sat, "2026-11-20"},
		{"Yonhap dateline", "SEOUL, Nov. 21 (Yonhap) -- North Korea fired a ballistic missile on Friday.", sat, "2026-11-20"},
		{"a dateline without a dash", "New Delhi, Nov 21 (PTI) The agency said on Saturday it had arrested a man on Friday.", sat, "2026-11-20"},
		{"a dateline of two agencies", "SEOUL, Nov. 21 (Yonhap/AFP) -- North Korea fired a ballistic missile on Friday.", sat, "2026-11-20"},
		{"no dash and no capital after: no dateline", "Lyon, Nov 20 (France) saw protests; on Saturday they spread.", sat, "2026-11-20"},
		{"a day after \"since\" opens a span to the report's", "A dairy herd in Hollis County has tested positive for the virus, the state department said Thursday. Farmers had tightened biosecurity since Monday's case in Brant County.", sat, "2026-11-19"},
		{"a bare day after \"since\" too", "The health board said on Thursday that a second ward had closed. Visits have been limited since Monday.", sat, "2026-11-19"},
		{"a day after \"from\" is no span", "The party said on Thursday that its walkout from Monday's session was no resignation.", sat, "2026-11-16"},
		{"a day after \"since\" before the report's", "Schools have been closed since Monday, the governor said on Thursday.", sat, "2026-11-16"},
		{"a span's tally is of the day that tells it", "More than 4,000 people have crossed into Lorania since Wednesday, the agency said on Friday.", sat, "2026-11-20"},
		{"a span's state is of the later day named", "The camp has been overwhelmed since Wednesday. On Thursday, families slept in a school.", sat, "2026-11-19"},
		{"a span's start alone is the act's", "Rebels have held the town since Wednesday morning, after clashes that began on Tuesday evening.", sat, "2026-11-18"},
		{"a span's start before its words' own day", "Rebels have held the town since Wednesday, residents said on Wednesday.", sat, "2026-11-18"},
		{"the day someone was told is the report's", "At least 31 people were killed overnight in an attack, a local official told AFP on Saturday. Gunmen attacked the village on Friday evening.", sat, "2026-11-20"},
		{"the day reporters were told is the report's", "The army told reporters on Saturday that rebels took the town on Friday.", sat, "2026-11-20"},
		{"a span's tally told with no day is of the day it was told", "Some 5,400 refugees have arrived at the camp since Thursday, the agency reports.", sat, "2026-11-21"},
		{"a span's state told with no day stays its start's", "Rebels have held the town since Thursday, residents say.", sat, "2026-11-19"},
		{"the day before, after \"after\", is what the act followed", "The agency announced on Saturday the suspension of its convoys after the attack on one of them the day before.", sat, "2026-11-21"},
		{"a dateline between slashes is the filing date", "VLADIVOSTOK, November 21. /Interfax/. The navy said on Saturday that its frigate had fired the missile on November 20.", sat, "2026-11-20"},
		{"a dateline between slashes, the only day", "VLADIVOSTOK, November 21. /Interfax/. The frigate returned to port after the exercise.", sat, "2026-11-21"},
		{"an end bound is a fallback", "The drills run until Tuesday.", sat, "2026-11-24"},
		{"a day beats an end bound", "The drills, which began on Thursday, run until Tuesday.", sat, "2026-11-19"},
		{"history is not the event", "since the armistice of July 27, 1953", sat, ""},
		{"history skipped for a later day", "Since July 27, 1953, ... On Friday the North fired.", sat, "2026-11-20"},
		{"none", "North Korea fired a missile toward the East Sea.", sat, ""},
		{"a possessive day is no deadline", "The number killed by Thursday's landslide rose to nine, officials said.", sat, "2026-11-19"},
		{"a day weeks ahead is a plan's", "Unions announce new national strike on 8 December\nThe unions announced on Friday that they will strike again on 8 December.", sat, "2026-11-20"},
		{"a day weeks ahead, alone: the plan's", "Unions set 8 December for second strike day", sat, "2026-12-08"},
		{"the day after may be another zone's", "Talks open on Nov. 22 in Tokyo.", sat, "2026-11-22"},
		{"a plan's future seven words back", "The Netherlands will hold an early general election on Feb. 19, the ministry said on Friday.", sat, "2026-11-20"},
		{"no plan across another act's participle", "The mayor will appeal against the ruling issued on Monday.", sat, "2026-11-16"},
		{"no plan across a report's verb", "The mayor will appeal, his lawyer said on Friday.", sat, "2026-11-20"},
		{"a report's day after where it was made", "The state health department said in a statement on Friday that a farmer in Kedah died of rabies on Thursday.", sat, "2026-11-19"},
		{"a confirmation's day before its verb is its act's", "Authorities on Friday confirmed an outbreak, with patients admitted since Tuesday.", sat, "2026-11-20"},
		{"a sentence opened by a report's day", "On 20 November, the national focal point notified the agency of two cases in workers who fell ill on 17 November.", sat, "2026-11-17"},
		{"a sentence opened by an act's day", "On 20 November, rebels attacked a convoy that had left the base on 17 November.", sat, "2026-11-20"},
		{"a place is no report's manner", "The blast in the market on Thursday killed four, the mayor said on Friday.", sat, "2026-11-19"},
		{"a period's end is no day", "The ministry said on Friday that 40 cases were recorded in the week to Nov. 15.", sat, "2026-11-20"},
		{"a week ended is a period's end", "Claims rose in the week ended Nov. 14, the ministry said on Friday.", sat, "2026-11-20"},
		{"a period's end, alone, is a fallback", "Forty cases were recorded in the week to Nov. 15.", sat, "2026-11-15"},
		{"a reference price's day is no act's", "Bidder agrees to buy feed maker, the companies said on Saturday, a 38% premium to Friday's closing price.", sat, "2026-11-21"},
		{"a reference price's day, alone: no day", "The bid is a 31% premium to Friday's close in Lima.", sat, ""},
		{"a closing ceremony is an event", "Fireworks lit up Friday's closing ceremony.", sat, "2026-11-20"},
		{"no comment's day", "The army has not commented on Saturday on reports of strikes on Thursday night.", sat, "2026-11-19"},
		{"a disclosure's day before its verb", "The agency on Saturday announced the arrest of a man. Officials said he was picked up on Thursday after searches.", sat, "2026-11-19"},
		{"a disclosure of what had happened", "The military's spokesman on Saturday confirmed that the air force had struck hideouts on Thursday.", sat, "2026-11-19"},
		{"a disclosure's possessive day", "The candidate on Saturday said he accepted Friday's ruling.", sat, "2026-11-20"},
		{"a disclosed act's day in a sentence of its own", "The refiner on Saturday said it has received a safety notice for its coastal terminal. The regulator served the notice on Thursday after an audit in March.", sat, "2026-11-19"},
		{"a participle in the disclosure's own sentence", "The agency on Saturday added the two flaws fixed on Thursday to its catalogue.", sat, "2026-11-21"},
		{"a disclosed span's start is no act's", "The refiner on Saturday said auditors listed four findings. The audit was conducted from Nov. 12 to Saturday.", sat, "2026-11-21"},
		{"a disclosure and another act's relative clause", "Authorities on Saturday confirmed an outbreak in the district, where an epidemic was declared on Thursday.", sat, "2026-11-21"},
		{"a modal's day ahead is a plan's", "Walkout called off\nCommuters can travel as normal on Sunday, the operator said on Saturday.", sat, "2026-11-21"},
		{"a modal after the day", "Some early trains on Sunday may be cancelled, the operator said on Saturday.", sat, "2026-11-21"},
		{"a clause of time under a modal", "Passengers should check before they travel on Sunday morning, the operator said on Saturday.", sat, "2026-11-21"},
		{"a done act's day before a modal", "The decree the president signed on Saturday will hit farmers hardest, officials said.", sat, "2026-11-21"},
		{"a planned day before a modal", "Flights scheduled on Sunday may be cancelled, the airline said.", sat, ""},
		{"a modal makes no past day a plan's", "Police should investigate a Nov. 18 raid on a market, a rights group said on Saturday.", sat, "2026-11-18"},
		{"a month before a day's number is no modal", "The two aid workers detained since May 4 were released today.", sat, "2026-11-21"},
		{"a month after a day's number is no modal", "The two aid workers detained since 4 May were released today.", sat, "2026-11-21"},
		{"a month before a year is no modal", "The two aid workers detained since May 2025 were released today.", sat, "2026-11-21"},
		{"a modal after a number still governs the day", "Another 20 may be evacuated on Sunday, the mayor said.", sat, ""},
		{"a capitalised modal still governs the day", "May be delayed on Sunday, the operator said of the ferries.", sat, ""},
		{"a month that is also a verb", "Students held since March 3 were freed today.", sat, "2026-11-21"},
		{"a disclosure of a plan", "The union on Saturday announced that the strike would be held on Thursday.", sat, "2026-11-21"},
		{"the next day of a plan's list is the plan's", "A strike that would have shut the port on Monday and Tuesday has been called off.", sat, ""},
		{"a plan's list and the act's day", "A strike that would have shut the port on Monday and Tuesday was called off on Friday.", sat, "2026-11-20"},
		{"a list of past days", "Dockers walked out on Thursday and Friday over pay.", sat, "2026-11-19"},
		{"a weekday before its date is the date's", "Ballots close on Thursday, Dec. 3.", sat, "2026-12-03"},
		{"a weekday before its date, British style", "The strike runs from Tuesday 1 December.", sat, "2026-12-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := EventDate(tc.text, tc.pub, kst)
			if tc.want == "" {
				if ok {
					t.Fatalf("EventDate(%q) = %v, want none", tc.text, got)
				}
				return
			}
			if !ok || got.Format("2006-01-02") != tc.want {
				t.Fatalf("EventDate(%q) = %v, %v; want %s", tc.text, got, ok, tc.want)
			}
		})
	}
}

// TestPlanStart: the first day of something ("from", "starting") on the
// day after publication keeps its day, which may be an act's in another
// zone, but is a plan's.
func TestPlanStart(t *testing.T) {
	sat := time.Date(2026, 11, 21, 10, 30, 0, 0, time.UTC)
	tests := []struct {
		name, text, want string
		ahead            bool   // the day is a plan's, the only one the text names
		plan             string // the plan's day passed over, if any
	}{
		{"a start tomorrow, alone", "Town introduces water cuts from Nov. 22\nThe council said households will lose supply for four hours a day.", "2026-11-22", true, ""},
		{"a start tomorrow after on", "Rolling outages starting on Sunday, utility says", "2026-11-22", true, ""},
		{"a start tomorrow before the announcement's day", "Water cuts start from Sunday, the council said on Saturday.", "2026-11-22", true, ""},
		{"a start passed is a day", "Strikes from Thursday have shut the port.", "2026-11-19", false, ""},
		{"tomorrow without a start may be another zone's", "Talks open on Nov. 22 in Tokyo.", "2026-11-22", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := eventMention(tc.text, sat, time.UTC)
			plan := ""
			if !m.plan.IsZero() {
				plan = m.plan.Format(time.DateOnly)
			}
			if !ok || m.day.Format(time.DateOnly) != tc.want || m.ahead != tc.ahead || plan != tc.plan {
				t.Fatalf("eventMention(%q) = %s ahead %v plan %q, %v; want %s ahead %v plan %q", tc.text, m.day.Format(time.DateOnly), m.ahead, plan, ok, tc.want, tc.ahead, tc.plan)
			}
		})
	}
}

// TestUTCDay: a day the text gives in UTC is the day in UTC of the act the
// text also dates in local time, a day apart.
func TestUTCDay(t *testing.T) {
	pub := time.Date(2027, 3, 4, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		loc        *time.Location
		want       string
	}{
		{"UTC before the day", "Vega C lifts off from Kourou\nKourou, March 3, 2027 - The rocket lifted off at 11:40 p.m. local time on March 3 (02:40 UTC on March 4).", time.UTC, "2027-03-04"},
		{"UTC after the day", "The lander touched down late on Wednesday local time, on 4 March GMT.", time.UTC, "2027-03-04"},
		{"a zone not of UTC's time keeps its day", "The rocket lifted off at 11:40 p.m. local time on March 3 (02:40 UTC on March 4).", mustZone(t, "Asia/Seoul"), "2027-03-03"},
		{"a UTC day days apart is another act's", "The crew docked on March 4, after a launch at 02:40 UTC on March 1.", time.UTC, "2027-03-04"},
		{"no UTC", "The rocket lifted off at 11:40 p.m. local time on March 3.", time.UTC, "2027-03-03"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := eventMention(tc.text, pub, tc.loc)
			day := m.day
			if !m.utc.IsZero() {
				day = m.utc
			}
			if !ok || day.Format(time.DateOnly) != tc.want {
				t.Fatalf("eventMention(%q) = %v (UTC %v), %v; want %s", tc.text, m.day, m.utc, ok, tc.want)
			}
		})
	}
}

// TestClauseBefore: the words a day's act is read from, back to the end of
// the clause before it, clauseSpan at most.
func TestClauseBefore(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Officials said he was picked up on ", "Officials said he was picked up on"},
		{"In Doha, the ceasefire agreed on ", "the ceasefire agreed on"},
		{"one two three four five six seven eight nine ten ", "one two three four five six seven eight nine ten"},
		{"one two three four five six seven eight nine ten eleven twelve thirteen fourteen ", "three four five six seven eight nine ten eleven twelve thirteen fourteen"},
		{"It ended. On ", "On"},
		{"the deal, ", "the deal,"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := strings.Join(clauseBefore(tc.text, len(tc.text)), " "); got != tc.want {
			t.Errorf("clauseBefore(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestPerfectActFarBack: a pluperfect a dozen words before a day makes it
// the day of the act a confirmation discloses.
func TestPerfectActFarBack(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"The army confirmed on Friday that it had struck hideouts in the Kessel and Varda border provinces on ", true},
		{"The army confirmed on Friday that it had struck hideouts on ", true},
		{"The army confirmed on Friday that it struck hideouts in the Kessel and Varda border provinces on ", false},
		{"The army confirmed on Friday the strikes on hideouts in the Kessel and Varda provinces, where a curfew was declared on ", false},
	}
	for _, tc := range tests {
		if got := perfectAct(tc.text, len(tc.text)); got != tc.want {
			t.Errorf("perfectAct(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestVerbAfter: a day right before a verb, an adverb or a part of the day
// between at most, in its clause.
func TestVerbAfter(t *testing.T) {
	report := func(w string) bool { return reportVerbs[w] }
	tests := []struct {
		text string
		want bool
	}{
		{"The agency on Tuesday announced the arrest.", true},
		{"The agency on Tuesday quietly announced the arrest.", true},
		{"The agency on Tuesday morning announced the arrest.", true},
		{"The agency on Tuesday, officials said, announced the arrest.", false},
		{"The agency on Tuesday arrested a man and announced it.", false},
		{"The agency on Tuesday very quietly announced the arrest.", false},
	}
	for _, tc := range tests {
		start := strings.Index(tc.text, "Tuesday")
		if got := verbAfter(tc.text, start, start+len("Tuesday"), report); got != tc.want {
			t.Errorf("verbAfter(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestReactionDay: a day next to a reaction's own verb is the reaction's,
// passed over for the day of the past act it answers.
func TestReactionDay(t *testing.T) {
	sat := time.Date(2026, 11, 21, 10, 30, 0, 0, time.UTC)
	r := reading{answers: DefaultVocabulary().answerVerb}
	tests := []struct {
		name, text, want string
	}{
		{"the day before the verb is the reaction's", "The ministry on Saturday strongly condemned Friday night's strikes on two villages.", "2026-11-20"},
		{"the day after the verb is the reaction's", "The bloc welcomed on Saturday the ceasefire agreed in Doha on Friday.", "2026-11-20"},
		{"a day part between", "The premier on Saturday morning denounced Thursday's raid.", "2026-11-19"},
		{"only its own day", "Neighbours on Saturday condemned the attack.", "2026-11-21"},
		{"what it urges is no past act", "The premier on Saturday urged nurses to call off their strike on Thursday.", "2026-11-21"},
		{"a day the act's clause gives no past act", "The minister on Saturday condemned the strike, which the union holds on Thursday.", "2026-11-21"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := eventMentionOf(tc.text, sat, time.UTC, r)
			if !ok || m.day.Format(time.DateOnly) != tc.want {
				t.Fatalf("eventMentionOf(%q) = %v, %v; want %s", tc.text, m.day, ok, tc.want)
			}
		})
	}
}

func TestPossessive(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Friday's attack", true},
		{"Friday’s attack", true},
		{"Friday night's airstrikes", true},
		{"Friday morning’s raid", true},
		{"Friday night attack", false},
		{"Friday nights were calm", false},
		{"Friday, night's end", false},
		{"Friday Kim's visit", false},
	}
	for _, tc := range tests {
		if got := possessive(tc.text, len("Friday")); got != tc.want {
			t.Errorf("possessive(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestReportDay(t *testing.T) {
	tests := []struct {
		text, day string
		want      bool
	}{
		{"The agency said Friday that rebels had withdrawn.", "Friday", true},
		{"The agency said in a statement on Friday that rebels had withdrawn.", "Friday", true},
		{"The agency said at a briefing in Geneva on Friday that rebels had withdrawn.", "Friday", true},
		{"The agency on Friday confirmed an outbreak.", "Friday", false},
		{"On 20 November, the country's focal point (NFP) notified the agency of two cases.", "20 November", true},
		{"Marines held a drill near the border, on Friday, the corps said.", "Friday", false},
		{"On Friday, rebels attacked a convoy, the agency said.", "Friday", false},
		{"The blast in the market on Friday killed four.", "Friday", false},
		{"Police said the blast in the market on Friday killed four.", "Friday", false},
		{"He said that in Lyon on Friday farmers were angry.", "Friday", false},
	}
	for _, tc := range tests {
		start := strings.Index(tc.text, tc.day)
		if got := reportDay(tc.text, start, start+len(tc.day)); got != tc.want {
			t.Errorf("reportDay(%q, %q) = %v, want %v", tc.text, tc.day, got, tc.want)
		}
	}
}

func FuzzResolveDates(f *testing.F) {
	for _, s := range []string{
		"on Friday", "Nov. 13", "2025.11.07", "11월 7일", "two days ago", "earlier this month",
		"Pyongyang, November 7 (KCNA) -- on November 6", "May 99", "9999-99-99", "last night yesterday today",
		"\xff\xfe Sunday", "0 days ago 999 weeks ago",
		"said on Tuesday it would appeal, a day after the court sentenced him on Monday.", "two days after Nov. 7",
	} {
		f.Add(s, int64(1763688600))
	}
	kst := mustZone(f, "Asia/Seoul")
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		pub := time.Unix(unix%(1<<40), 0)
		days := ResolveDates(text, pub, kst)
		for _, d := range days {
			if d.Location() != kst || d.Hour() != 0 {
				t.Fatalf("ResolveDates(%q) gave %v, not a midnight in KST", text, d)
			}
		}
		d, ok := EventDate(text, pub, kst)
		if ok && d.IsZero() {
			t.Fatalf("EventDate(%q) ok with a zero date", text)
		}
		if !ok {
			return
		}
		if since, ok := sinceDay(text, d, pub, kst); ok && !since.Before(d) {
			t.Fatalf("sinceDay(%q, %v) = %v, not before the event day", text, d, since)
		}
	})
}

func TestSinceDay(t *testing.T) {
	sat := time.Date(2026, 11, 21, 10, 30, 0, 0, time.UTC)
	tests := []struct {
		name string
		text string
		day  string // the report's event day
		want string // "" for none
	}{
		{"an earlier named day", "The UN launched an appeal on Saturday for people hit by the cyclone that struck on Friday.", "2026-11-21", "2026-11-20"},
		{"a possessive day", "Soldiers were sent on Saturday to towns flooded in Thursday's storm.", "2026-11-21", "2026-11-19"},
		{"days after", "The president declared an emergency on Saturday, a day after the quake.", "2026-11-21", "2026-11-20"},
		{"days after, counted", "A 5.9 aftershock struck on Saturday, four days after the quake.", "2026-11-21", "2026-11-17"},
		{"only its own day", "The fire was contained on Saturday.", "2026-11-21", ""},
		{"a reference price's day is no earlier act's", "Shares of the target jumped on Saturday to 38% above Friday's settle.", "2026-11-21", ""},
		{"a later day is none", "The fire broke out on Thursday and was contained on Saturday.", "2026-11-19", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			day, _ := time.Parse(time.DateOnly, tc.day)
			got, ok := sinceDay(tc.text, day, sat, time.UTC)
			if tc.want == "" {
				if ok {
					t.Fatalf("sinceDay(%q) = %v, want none", tc.text, got)
				}
				return
			}
			if !ok || got.Format(time.DateOnly) != tc.want {
				t.Fatalf("sinceDay(%q) = %v, %v; want %s", tc.text, got, ok, tc.want)
			}
		})
	}
}

// TestEventDays reads testdata/event-days.txt: per text, the day of the act
// it reports and the day of the earlier act it follows.
func TestEventDays(t *testing.T) {
	f, err := os.Open("testdata/event-days.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.SplitN(line, " | ", 5)
		if len(fields) != 5 {
			t.Fatalf("malformed case %q", line)
		}
		name, wantEvent, wantSince := fields[0], fields[2], fields[3]
		text := strings.ReplaceAll(fields[4], `\n`, "\n")
		pubDay, err := time.Parse(time.DateOnly, fields[1])
		if err != nil {
			t.Fatalf("case %q: %v", name, err)
		}
		pub := pubDay.Add(10*time.Hour + 30*time.Minute)
		cases++
		t.Run(name, func(t *testing.T) {
			m, ok := eventMention(text, pub, time.UTC)
			if !ok || m.prec != precDay {
				t.Fatalf("eventMention(%q) = %v, %v, precision %d; want the day %s", text, m.day, ok, m.prec, wantEvent)
			}
			if got := m.day.Format(time.DateOnly); got != wantEvent {
				t.Errorf("eventMention(%q) = %s, want %s", text, got, wantEvent)
			}
			since, ok := sinceDay(text, m.day, pub, time.UTC)
			got := "-"
			if ok {
				got = since.Format(time.DateOnly)
			}
			if got != wantSince {
				t.Errorf("sinceDay(%q, %s) = %s, want %s", text, m.day.Format(time.DateOnly), got, wantSince)
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cases == 0 {
		t.Fatal("no cases in testdata/event-days.txt")
	}
}

// TestDeskDay: the day of a report's act in the desk's zone when the
// report tells it apart from the day it names in its outlet's zone.
func TestDeskDay(t *testing.T) {
	manila, tokyo, rome, athens, muscat, apia := mustZone(t, "Asia/Manila"), mustZone(t, "Asia/Tokyo"), mustZone(t, "Europe/Rome"), mustZone(t, "Europe/Athens"), mustZone(t, "Asia/Muscat"), mustZone(t, "Pacific/Apia")
	mexico, newYork := mustZone(t, "America/Mexico_City"), mustZone(t, "America/New_York")
	at := func(loc *time.Location, d, h, m int) time.Time { return time.Date(2030, 3, d, h, m, 0, 0, loc) }
	tests := []struct {
		name, text string
		pub        time.Time
		loc, desk  *time.Location
		want       string // "" when the report tells nothing more
	}{
		{"a time in the outlet's zone", "Ferry sinks off Samar\nA ferry sank at about 4:10 a.m. today off Samar, the coast guard said.", at(manila, 5, 7, 20), manila, time.UTC, "2030-03-04"},
		{"a time with its dot", "Fire at depot\nA fire broke out in the early hours of Tuesday. It started at around 1.30 a.m. near the gate.", at(athens, 5, 8, 0), athens, time.UTC, "2030-03-04"},
		{"a time whose last dot the lead cut", "Ferry sinks off Samar\nA ferry sank off Samar early today. It had left port at 2 a.m", at(manila, 5, 13, 40), manila, time.UTC, "2030-03-04"},
		{"a daytime act keeps its day", "Ferry sinks off Samar\nA ferry sank at about 11:10 a.m. today off Samar.", at(manila, 5, 16, 0), manila, time.UTC, ""},
		{"the outlet's today before the desk's midnight", "Hoshino wins approval\nHoshino Pharma today announced that regulators approved its drug.", at(tokyo, 5, 6, 30), tokyo, time.UTC, "2030-03-04"},
		{"the outlet's today after the desk's midnight", "Hoshino wins approval\nHoshino Pharma today announced that regulators approved its drug.", at(tokyo, 5, 10, 30), tokyo, time.UTC, ""},
		{"small hours of the desk's next day", "Shelling hits port\nShells hit the port early on Tuesday, officials said.", at(time.UTC, 4, 22, 40), time.UTC, time.UTC, "2030-03-04"},
		{"a local time of the desk's next day", "Soldier killed\nOn March 5, at 01:20, troops opened fire on the post, the ministry said.", at(time.UTC, 4, 22, 10), time.UTC, time.UTC, "2030-03-04"},
		{"a night phrase in another sentence", "Shelling hits port\nShells hit the port on Tuesday, officials said. Traders watched the overnight rate.", at(time.UTC, 4, 22, 40), time.UTC, time.UTC, ""},
		{"small hours far ahead of the desk", "Gunmen raid village\nGunmen raided a village early on Tuesday, police said.", at(apia, 5, 15, 0), apia, time.UTC, "2030-03-04"},
		{"small hours far ahead, the next day", "Village mourns\nGunmen raided the village before dawn on Tuesday, police said.", at(apia, 6, 9, 0), apia, time.UTC, "2030-03-04"},
		{"small hours straddling the desk's midnight", "Gunmen raid village\nGunmen raided a village early on Tuesday, police said.", at(athens, 5, 15, 0), athens, time.UTC, ""},
		{"small hours at another zone's time", "Gunmen raid village\nGunmen raided a village at 1 a.m. local time on Tuesday, police said.", at(apia, 5, 15, 0), apia, time.UTC, ""},
		{"a plan of the next day", "Nurses strike\nNurses will strike early on Tuesday, the union said.", at(time.UTC, 4, 22, 0), time.UTC, time.UTC, ""},
		{"a modal's day", "Trains\nCommuters can travel as normal today, the operator said.", at(tokyo, 5, 6, 30), tokyo, time.UTC, ""},
		{"no time, a daytime next day", "Talks\nThe ministers met in Vienna on Tuesday.", at(time.UTC, 4, 22, 0), time.UTC, time.UTC, ""},
		{"a time of a later day", "Rivals sign truce\nThe two factions today signed a truce in Muscat, to take effect at 00:00 on Sunday 17 March.", at(muscat, 14, 17, 30), muscat, time.UTC, ""},
		{"a time of the act's own day", "Rivals sign truce\nThe two factions signed a truce at 00:40 on March 14, the mediator said.", at(muscat, 14, 17, 30), muscat, time.UTC, "2030-03-13"},
		{"another zone's time", "Quake\nThe quake struck at 1:05 a.m. local time on Tuesday.", at(manila, 5, 7, 0), manila, time.UTC, "2030-03-04"},
		{"no day, a time just before publication", "Strike hits suburb\nA strike hit a building at 12:40 a.m., our correspondent said.", at(rome, 5, 1, 5), rome, time.UTC, "2030-03-04"},
		{"no day, a time long before publication", "Strike hits suburb\nA strike hit a building at 12:40 a.m., our correspondent said.", at(rome, 5, 19, 0), rome, time.UTC, ""},
		{"no clock in a percentage", "Growth\nThe economy grew at 4.5 percent, the agency said today.", at(tokyo, 5, 6, 30), tokyo, time.UTC, "2030-03-04"},
		{"no desk", "Ferry sinks off Samar\nA ferry sank at about 4:10 a.m. today off Samar.", at(manila, 5, 7, 20), manila, nil, ""},
		{"an evening all of the desk's next day", "Governor resigns\nThe governor resigned on Monday evening, his office said.", at(mexico, 5, 8, 0), mexico, time.UTC, "2030-03-05"},
		{"late on a day behind the desk", "Senate passes bill\nThe Senate passed the bill late on Monday after a long debate.", at(newYork, 5, 9, 0), newYork, time.UTC, "2030-03-05"},
		{"a night behind the desk", "Mayor shot\nA mayor was shot dead on Monday night outside his home, police said.", at(newYork, 5, 9, 0), newYork, time.UTC, "2030-03-05"},
		{"an evening straddling the desk's midnight", "Council votes\nThe council voted on Monday evening to close the plant.", at(newYork, 5, 9, 0), newYork, time.UTC, ""},
		{"an evening ahead of the desk", "Council votes\nThe council voted on Monday evening to close the plant.", at(rome, 5, 9, 0), rome, time.UTC, ""},
		{"an evening with no desk", "Governor resigns\nThe governor resigned on Monday evening, his office said.", at(mexico, 5, 8, 0), mexico, nil, ""},
		{"a clock of its own", "Governor resigns\nThe governor resigned at 5 p.m. on Monday evening, his office said.", at(mexico, 5, 8, 0), mexico, time.UTC, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, _ := eventMention(tc.text, tc.pub, tc.loc)
			got := ""
			if d, ok := deskDay(m, tc.pub, tc.loc, tc.desk); ok && !d.Equal(m.day) && d.Format(time.DateOnly) != m.day.Format(time.DateOnly) {
				got = d.Format(time.DateOnly)
			}
			if got != tc.want {
				t.Fatalf("deskDay(%q) = %q (named %v, clock %d, night %v, future %v), want %q", tc.text, got, m.day, m.clock, m.night, m.future, tc.want)
			}
		})
	}
}

// TestSubjectsDay: a day that dates what a participle says of the subject
// of a later verb, in a report told days later, is no day of the report's
// act.
func TestSubjectsDay(t *testing.T) {
	pub := time.Date(2030, 5, 13, 18, 0, 0, 0, time.UTC) // a Monday
	tests := []struct {
		name, text, want string
	}{
		{"a subject's participle days before", "Orbix loses two probes\nOrbix said on Monday that two probes launched last Wednesday had stopped responding.", "2030-05-13"},
		{"present perfect after it", "Orbix loses two probes\nOrbix said May 13 that two of the probes launched on a Vesta rocket four days earlier have stopped responding.", "2030-05-13"},
		{"the outcome the next day is the act's", "Probe reaches orbit\nThe agency said on Monday that the rocket launched on Sunday had put the probe in orbit.", "2030-05-12"},
		{"a verb of its own", "Orbix loses two probes\nOrbix said on Monday that it had launched the probes last Wednesday.", "2030-05-08"},
		{"a pronoun's past tense", "Orbix loses two probes\nOrbix said on Monday they launched last Wednesday and were lost.", "2030-05-08"},
		{"no auxiliary after the day", "Tanker released\nThe navy said on Monday that the tanker seized last Wednesday off the cape sailed away.", "2030-05-08"},
		{"no report's day", "Orbix loses two probes\nTwo probes launched last Wednesday had stopped responding, Orbix said.", "2030-05-08"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			day, ok := EventDate(tc.text, pub, time.UTC)
			if !ok || day.Format(time.DateOnly) != tc.want {
				t.Fatalf("EventDate(%q) = %v, %v; want %s", tc.text, day, ok, tc.want)
			}
		})
	}
}

// TestAppositiveDay: a day that closes a phrase set off by commas after a
// subject, telling by a participle what the subject was, with the main
// verb's auxiliary after it, is no day of the report's act.
func TestAppositiveDay(t *testing.T) {
	pub := time.Date(2030, 5, 13, 18, 0, 0, 0, time.UTC) // a Monday
	tests := []struct {
		name, text, want string
	}{
		{"what the subject was", "Kerrin cable back in service\nThe Kerrin cable, one of two cut off Harrow Point on May 2, has been repaired, its operator said on Monday.", "2030-05-13"},
		{"a regular participle", "Tanker released\nThe tanker, one of three seized off the cape last Wednesday, was released on Monday, the navy said.", "2030-05-13"},
		{"a day set off alone is the act's", "Orbix launches probes\nOrbix, on Friday, has launched two probes, the agency said.", "2030-05-10"},
		{"no auxiliary after the phrase", "Tanker sails\nThe tanker, one of three seized off the cape last Wednesday, sailed away.", "2030-05-08"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			day, ok := EventDate(tc.text, pub, time.UTC)
			if !ok || day.Format(time.DateOnly) != tc.want {
				t.Fatalf("EventDate(%q) = %v, %v; want %s", tc.text, day, ok, tc.want)
			}
		})
	}
}

// TestRelativeClauseDay: a day in a relative clause tells who or what
// the subject is; a day its sentence goes on to name is the act's. Alone,
// or with the next day in another sentence, it stays the text's day.
func TestRelativeClauseDay(t *testing.T) {
	pub := time.Date(2030, 5, 16, 18, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		name, text, want string
	}{
		{"the sentence's act", "Detained student dies in custody\nAna Ruiz, who was detained on Monday at a rally in Vessa, died in a police cell on Wednesday, her family said.", "2030-05-15"},
		{"a calendar date", "Detained student dies in custody\nAna Ruiz, who was detained on May 12 at a rally in Vessa, died in a police cell on Wednesday, May 15, her family said.", "2030-05-15"},
		{"which", "Plant restarts\nThe plant, which was shut on Monday for repairs, restarted on Wednesday.", "2030-05-15"},
		{"alone", "Student dies in custody\nAna Ruiz, who was detained on Monday at a rally in Vessa, has died in a police cell, her family said.", "2030-05-13"},
		{"another sentence", "Student dies in custody\nAna Ruiz, who was detained on Monday at a rally in Vessa, has died. Her family was told on Wednesday.", "2030-05-13"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			day, ok := EventDate(tc.text, pub, time.UTC)
			if !ok || day.Format(time.DateOnly) != tc.want {
				t.Fatalf("EventDate(%q) = %v, %v; want %s", tc.text, day, ok, tc.want)
			}
		})
	}
}

// TestUnbegunDay: a next day that had begun in no zone when the report
// was published is a plan's.
func TestUnbegunDay(t *testing.T) {
	nairobi := mustZone(t, "Africa/Nairobi")
	morning := time.Date(2030, 5, 15, 7, 0, 0, 0, nairobi) // Wednesday 04:00 UTC
	evening := time.Date(2030, 5, 15, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		pub        time.Time
		loc        *time.Location
		want       string
		ahead      bool
	}{
		{"talks tomorrow, strike since Monday", "Minister invites union to talks\nThe health minister invited the union to talks on Thursday as the strike that began on Monday entered its third day.", morning, nairobi, "2030-05-13", false},
		{"only the plan's day", "Minister invites union to talks\nThe health minister invited the union to talks on Thursday.", morning, nairobi, "2030-05-16", true},
		{"a plan's first day stays the report's", "Navies to drill\nThe three navies set out joint drills from Thursday, the ministry said on Wednesday.", morning, nairobi, "2030-05-16", true},
		{"a next day begun further east", "Missile fired\nThe North fired a missile on Thursday, the military said.", evening, time.UTC, "2030-05-16", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := eventMention(tc.text, tc.pub, tc.loc)
			if !ok || m.day.Format(time.DateOnly) != tc.want || m.ahead != tc.ahead {
				t.Fatalf("eventMention(%q) = %v ahead %v, %v; want %s ahead %v", tc.text, m.day, m.ahead, ok, tc.want, tc.ahead)
			}
		})
	}
}

// TestAnsweredDayYields: in a report of a dated act, a day named for what
// the act answers ("in response to ... last Friday", "in retaliation for
// Friday's ...") is the answered act's: it yields to the day the report
// names for its own words. A day outside that clause ("In response to
// ..., Valdoria on Friday ordered") or after a verb ("responded on
// Friday") is the act's; and an answered day that is the only day named
// stays the report's day.
func TestAnsweredDayYields(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "expulsion"
verbs = ["expel"]
`)
	tuesday := time.Date(2031, 4, 15, 14, 0, 0, 0, time.UTC)
	friday := tuesday.AddDate(0, 0, -4)
	for _, tc := range []struct {
		name, lead string
		want       time.Time
	}{
		{"in response to, last Friday",
			"Valdoria has expelled an envoy of Norland from Port Calder, the foreign ministry said on Tuesday. The move came in response to Norland's expulsion of a Valdorian envoy from Mirefield last Friday.", tuesday},
		{"a response to, days ago",
			"Valdoria is expelling an envoy of Norland, the foreign ministry said on Tuesday. The decision is a response to the expulsion of a Valdorian envoy from Mirefield four days ago.", tuesday},
		{"in retaliation for Friday's",
			"Valdoria expelled an envoy of Norland, the foreign ministry said on Tuesday, in retaliation for Friday's expulsion of a Valdorian envoy from Mirefield.", tuesday},
		{"another clause",
			"In response to Norland's spying, Valdoria on Friday ordered an envoy of Norland to leave, the foreign ministry said on Tuesday.", friday},
		{"a verb",
			"Valdoria responded on Friday by ordering an envoy of Norland to leave, the foreign ministry said on Tuesday.", friday},
		{"the only day",
			"Valdoria is expelling an envoy of Norland in response to the expulsion of a Valdorian envoy from Mirefield last Friday.", friday},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: "Valdoria expels Norland envoy", Text: tc.lead, Published: tuesday}, time.UTC)
			if want := dayNumber(tc.want); f.day != want {
				t.Errorf("day %s, want %s", time.Unix(int64(f.day)*86400, 0).UTC().Format(time.DateOnly), tc.want.Format(time.DateOnly))
			}
		})
	}
}

// TestEarlierActDayYields: in a report of a dated act, a day that dates
// an act of another kind in the past perfect ("had imposed the ban on
// Monday", in a report of its lifting) or as a participle after its
// object ("ending a ban imposed four days ago", "exports, banned on
// Friday, resumed") is that earlier act's and
// yields to the day of the report's words; a past perfect of the
// report's own kind ("had lifted the ban on Friday") or a passive ("the
// ban was lifted on Friday") dates the report's act.
func TestEarlierActDayYields(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "ban"
verbs = ["impose", "ban"]
needs = ["ban"]
[[stories.vocabulary.acts]]
kind = "ban-end"
verbs = ["lift"]
needs = ["ban"]
`)
	tuesday := time.Date(2031, 4, 15, 14, 0, 0, 0, time.UTC)
	friday := tuesday.AddDate(0, 0, -4)
	for _, tc := range []struct {
		name, lead string
		want       time.Time
	}{
		{"past perfect of another act",
			"Valdoria has lifted the ban on Mirefield grain, the trade ministry said on Tuesday. It had imposed the ban on Friday after a blight.", tuesday},
		{"participle of another act",
			"Valdoria lifted the ban on Mirefield grain, the trade ministry said on Tuesday, ending a ban imposed four days ago.", tuesday},
		{"participle opening its clause",
			"Exports of Mirefield grain, banned on Friday after a blight, resumed on Tuesday, the trade ministry said.", tuesday},
		{"past perfect of the report's act",
			"The trade ministry said on Tuesday that Valdoria had lifted the ban on Mirefield grain on Friday.", friday},
		{"passive",
			"The trade ministry said on Tuesday that the ban on Mirefield grain was lifted on Friday.", friday},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: "Valdoria lifts Mirefield grain ban", Text: tc.lead, Published: tuesday}, time.UTC)
			if want := dayNumber(tc.want); f.day != want {
				t.Errorf("day %s, want %s", time.Unix(int64(f.day)*86400, 0).UTC().Format(time.DateOnly), tc.want.Format(time.DateOnly))
			}
		})
	}
}

// TestDaylightOutranksNight: a part of the day after the small hours
// named with the act's day ("on Sunday morning") says when the act was,
// and a night phrase of something else in its sentence ("after overnight
// rain") does not put it in the small hours, nor on the desk's day before.
func TestDaylightOutranksNight(t *testing.T) {
	bangkok, apia := mustZone(t, "Asia/Bangkok"), mustZone(t, "Pacific/Apia")
	sunday := func(loc *time.Location, h int) time.Time { return time.Date(2031, 6, 8, h, 0, 0, 0, loc) }
	tests := []struct {
		name, text string
		pub        time.Time
		loc        *time.Location
		want       string // the day at a UTC desk, when the report tells it apart from the one it names
	}{
		{"a morning after overnight rain", "River floods market\nFloodwater swamped the riverside market on Sunday morning after heavy overnight rain, officials said.", sunday(bangkok, 14), bangkok, ""},
		{"an afternoon after a night's storm, far ahead", "Landslide buries road\nA landslide buried the coast road on Sunday afternoon after a storm in the early hours, police said.", sunday(apia, 20), apia, ""},
		{"an evening's possessive", "Crowds clear square\nPolice cleared the square after Sunday evening's rally, which followed an overnight vigil.", sunday(apia, 23), apia, ""},
		{"early on a morning is the small hours", "River floods market\nFloodwater swamped the riverside market early on Sunday morning after heavy overnight rain.", sunday(bangkok, 14), bangkok, "2031-06-07"},
		{"no part of the day: the night phrase stands", "River floods market\nFloodwater swamped the riverside market on Sunday after heavy overnight rain.", sunday(bangkok, 14), bangkok, "2031-06-07"},
		{"a night is no daylight", "Gunmen raid village\nGunmen raided the village on Sunday night, hours after an overnight curfew ended.", sunday(apia, 23), apia, "2031-06-07"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, _ := eventMention(tc.text, tc.pub, tc.loc)
			got := ""
			if d, ok := deskDay(m, tc.pub, tc.loc, time.UTC); ok && d.Format(time.DateOnly) != m.day.Format(time.DateOnly) {
				got = d.Format(time.DateOnly)
			}
			if got != tc.want {
				t.Fatalf("deskDay(%q) = %q (named %v, night %v), want %q", tc.text, got, m.day, m.night, tc.want)
			}
		})
	}
}

// TestPreviousNight: a night the report's sentence puts before its day
// ("the previous night's rally", "the night before") is the day before
// the report's, as "the previous day" is.
func TestPreviousNight(t *testing.T) {
	sat := time.Date(2026, 11, 21, 10, 30, 0, 0, time.UTC)
	tests := []struct{ name, text, want string }{
		{"the previous night's noun", "City police said on Saturday that 30 people were held over the scuffles at the end of the previous night's march.", "2026-11-20"},
		{"the night before", "The ministry said on Saturday that the depot was set alight the night before.", "2026-11-20"},
		{"the previous night", "Firefighters said on Friday they had contained the blaze the previous night.", "2026-11-19"},
		{"the night before last is not the night before", "The ministry said on Saturday the night before last was calm.", "2026-11-21"},
		{"a night in another sentence", "The union said on Saturday it would strike. Talks broke down the previous night.", "2026-11-21"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := EventDate(tc.text, sat, time.UTC)
			if !ok || got.Format(time.DateOnly) != tc.want {
				t.Fatalf("EventDate(%q) = %v, %v; want %s", tc.text, got, ok, tc.want)
			}
		})
	}
}

// TestNightBeside: a night phrase joined to the act's day puts the act in
// the small hours for sure; one elsewhere in the sentence ("the overnight
// call rate", "after the record overnight") may be another thing's
// (nightAside).
func TestNightBeside(t *testing.T) {
	tokyo := mustZone(t, "Asia/Tokyo")
	pub := time.Date(2031, 5, 9, 12, 0, 0, 0, tokyo) // a Friday
	tests := []struct {
		name, text string
		aside      bool
	}{
		{"an overnight rate", "The central bank decided on Friday to keep the overnight call rate at 0.5 percent.", true},
		{"a night of what came before", "Nickel fell 2% on Friday after the record set overnight in London.", true},
		{"early before the day", "Gunmen attacked a checkpoint early on Friday, police said.", false},
		{"after midnight on the day", "Drones struck the depot shortly after midnight on Friday, officials said.", false},
		{"overnight on the date", "Drones struck the depot overnight on May 9, officials said.", false},
		{"the early hours of the day", "Floods swept the valley in the early hours of Friday.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := eventMention(tc.text, pub, tokyo)
			if !ok || !m.night || m.nightAside != tc.aside {
				t.Fatalf("eventMention(%q): ok %v, night %v, aside %v; want night, aside %v", tc.text, ok, m.night, m.nightAside, tc.aside)
			}
		})
	}
}

// TestForeignDays reads days named in French, Spanish, Portuguese,
// German and Italian (dayLanguages), and no such word in English text.
func TestForeignDays(t *testing.T) {
	// Saturday 2031-05-10, 14:00 in Paris.
	paris := mustZone(t, "Europe/Paris")
	sat := time.Date(2031, 5, 10, 14, 0, 0, 0, paris)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"french weekday", "Les douaniers ont saisi jeudi une cargaison de cigarettes au port.", []string{"2031-05-08"}},
		{"french this weekday", "Un incendie s'est déclaré ce mardi dans un entrepôt de la ville.", []string{"2031-05-06"}},
		{"french last weekday", "Le maire a démissionné lundi dernier, selon la préfecture.", []string{"2031-05-05"}},
		{"french yesterday evening", "Un train a déraillé hier soir près de la gare, selon la SNCF.", []string{"2031-05-09"}},
		{"french day before yesterday", "Les grévistes ont voté avant-hier la reconduction du mouvement.", []string{"2031-05-08"}},
		{"french today", "Le conseil se réunit aujourd'hui pour élire son président.", []string{"2031-05-10"}},
		{"french date", "Le navire a été arraisonné le 3 mai au large des côtes.", []string{"2031-05-03"}},
		{"french first of the month with year", "Le décret est entré en vigueur le 1er avril 2031 dans tout le pays.", []string{"2031-04-01"}},
		{"french weekday before its date", "Le scrutin du dimanche 4 mai a été annulé par la cour.", []string{"2031-05-04"}},
		{"spanish this weekday", "El Gobierno cerró este miércoles el paso fronterizo, informó el ministerio.", []string{"2031-05-07"}},
		{"spanish weekday", "Dos mineros murieron el lunes en un derrumbe en la mina.", []string{"2031-05-05"}},
		{"spanish last night", "Un sismo sacudió anoche la costa del país, según el instituto.", []string{"2031-05-09"}},
		{"spanish yesterday and today", "La empresa anunció ayer que hoy cerrará la planta.", []string{"2031-05-09", "2031-05-10"}},
		{"spanish date", "Los sindicatos convocaron la huelga el 12 de abril de 2031 por los salarios.", []string{"2031-04-12"}},
		{"spanish city is no sunday", "El avión aterrizó en Santo Domingo el viernes con los deportados.", []string{"2031-05-09"}},
		{"spanish last weekday", "Las lluvias del martes pasado dejaron tres muertos en la región.", []string{"2031-05-06"}},
		{"portuguese weekday", "A polícia prendeu na quinta-feira um suspeito do ataque, informou a secretaria.", []string{"2031-05-08"}},
		{"portuguese yesterday", "O ministro anunciou ontem um corte de juros, segundo a agência.", []string{"2031-05-09"}},
		{"portuguese date", "A barragem rompeu em 2 de maio, com a morte de dez pessoas.", []string{"2031-05-02"}},
		{"german weekday", "Die Polizei hat am Dienstag einen Verdächtigen festgenommen.", []string{"2031-05-06"}},
		{"german date", "Der Streik hatte am 3. Mai begonnen und dauert an.", []string{"2031-05-03"}},
		{"german yesterday", "Der Minister ist gestern in Berlin mit den Gewerkschaften zusammengekommen.", []string{"2031-05-09"}},
		{"german here is no french yesterday", "Die Polizei ist hier mit einem Großaufgebot im Einsatz und sucht den Täter.", nil},
		{"german today's", "Der Stadtrat hat in seiner heutigen Sitzung den Haushalt beschlossen.", []string{"2031-05-10"}},
		{"german yesterday's", "Nach dem gestrigen Unwetter räumen die Helfer in der Altstadt auf.", []string{"2031-05-09"}},
		{"italian weekday", "La nave è stata sequestrata venerdì dalla guardia costiera nel porto di Bari.", []string{"2031-05-09"}},
		{"italian yesterday", "Il governo ha approvato ieri il decreto sulle accise.", []string{"2031-05-09"}},
		{"italian date", "Il ponte è crollato il 6 maggio, secondo la procura della città.", []string{"2031-05-06"}},
		{"dutch weekday", "De politie heeft op dinsdag een verdachte aangehouden in het centrum.", []string{"2031-05-06"}},
		{"dutch yesterday", "Het kabinet is gisteren bij elkaar gekomen voor een crisisoverleg.", []string{"2031-05-09"}},
		{"swedish last weekday", "Polisen grep i fredags en man som misstänks för mordet, enligt åklagaren.", []string{"2031-05-09"}},
		{"swedish date", "Kabeln skadades den 4 maj och det är inte klart när den lagas.", []string{"2031-05-04"}},
		{"turkish weekday", "Bakan salı günü yaptığı açıklamada bir soruşturma başlatıldığını söyledi ve bu konuda bilgi verdi.", []string{"2031-05-06"}},
		{"turkish market is no sunday", "Belediye pazar yerinde bir düzenleme yaptı ve bu hafta için yeni kurallar açıkladı.", nil},
		{"turkish yesterday", "Deprem dün gece bölgede büyük hasara yol açtı ve bir okul yıkıldı.", []string{"2031-05-09"}},
		{"russian weekday", "В среду в Москве был задержан подозреваемый, сообщили в полиции.", []string{"2031-05-07"}},
		{"russian date", "Пожар на складе начался 3 мая и был потушен только к вечеру.", []string{"2031-05-03"}},
		{"russian yesterday", "Вчера на заводе произошел взрыв, в результате которого пострадали два человека.", []string{"2031-05-09"}},
		{"creole weekday", "Gang yo atake katye a madi maten, yo touye nèf moun dapre moun ki rete nan zòn nan.", []string{"2031-05-06"}},
		{"creole yesterday", "Lapolis arete de sispèk yè nan yon operasyon ak GSF la, epi yo sezi zam.", []string{"2031-05-09"}},
		{"filipino weekday", "Anim na sundalo ang nasawi sa pananambang ng mga rebelde noong Biyernes ng umaga.", []string{"2031-05-09"}},
		{"filipino week is no sunday", "Inaasahan ang malakas na ulan ngayong linggo ayon sa ahensya ng panahon.", nil},
		{"filipino yesterday", "Inaresto kahapon ang dating alkalde ng bayan ayon sa pulisya.", []string{"2031-05-09"}},
		{"afrikaans weekday", "Duisende werkers het Woensdag na die Uniegebou gemarsjeer, maar die polisie was nie daar nie.", []string{"2031-05-07"}},
		{"afrikaans last weekday", "Vlak 6 van beurtkrag is verlede Sondag aangekondig, en die krag is nie terug nie.", []string{"2031-05-04"}},
		{"greek weekday", "Οι υπουργοί συναντήθηκαν την Πέμπτη στην Αθήνα και συμφώνησαν να συνεχίσουν τον διάλογο.", []string{"2031-05-08"}},
		{"greek third is no tuesday", "Η τρίτη γεώτρηση στο τεμάχιο ξεκίνησε και η εταιρεία ανακοίνωσε τα αποτελέσματα.", nil},
		{"indonesian weekday", "Polisi menangkap dua tersangka pada Kamis malam di Pelabuhan Tanjung Priok, kata juru bicara.", []string{"2031-05-08"}},
		{"indonesian week is no sunday", "Harga beras naik dalam satu minggu terakhir menurut data yang dirilis oleh badan statistik.", nil},
		{"indonesian date", "Gempa berkekuatan 5,9 mengguncang Lombok pada 7 Mei dan merusak ratusan rumah di desa itu.", []string{"2031-05-07"}},
		{"malay weekday", "Polis menahan tiga lelaki pada hari Isnin dalam serbuan di Johor Bahru, menurut kenyataan itu.", []string{"2031-05-05"}},
		{"swahili weekday", "Watu wanne walifariki dunia Jumatano katika ajali ya basi kwa mujibu wa polisi wa mkoa huo.", []string{"2031-05-07"}},
		{"swahili yesterday", "Mgomo wa madereva ulianza jana katika jiji la Mombasa na kuathiri usafiri wa umma.", []string{"2031-05-09"}},
		{"polish weekday", "Policja zatrzymała w środę dwóch mężczyzn podejrzanych o podpalenie magazynu w Łodzi.", []string{"2031-05-07"}},
		{"polish date", "Strajk kierowców rozpoczął się 6 maja i według związku potrwa do odwołania.", []string{"2031-05-06"}},
		{"polish genitive weekday", "Policja szuka sprawców napadu z czwartku na kantor w Lublinie, podała komenda.", []string{"2031-05-08"}},
		{"romanian yesterday", "Guvernul a aprobat ieri ordonanța privind prețul la energie, potrivit unui comunicat.", []string{"2031-05-09"}},
		{"romanian date", "Podul s-a prăbușit pe 6 mai, după ploile abundente din regiune.", []string{"2031-05-06"}},
		{"romanian months are no monday", "Prețurile au crescut în ultimele trei luni, potrivit institutului de statistică din București.", nil},
		{"romanian last weekday", "Sindicatele au protestat sâmbăta trecută în fața Guvernului, după care au fost primite de ministru.", []string{"2031-05-03"}},
		{"ukrainian weekday", "У четвер у Житомирі затримали двох чоловіків, які підпалили склад, повідомили в поліції.", []string{"2031-05-08"}},
		{"ukrainian yesterday", "Учора на підприємстві стався вибух, унаслідок якого постраждали троє робітників.", []string{"2031-05-09"}},
		{"czech weekday", "Policie v úterý zadržela dva muže, kteří podle vyšetřovatelů zapálili sklad.", []string{"2031-05-06"}},
		{"czech date", "Stávka řidičů, která začala 6. května, bude podle odborů pokračovat i v příštích týdnech.", []string{"2031-05-06"}},
		{"czech yesterday", "Vláda včera schválila návrh zákona, který podle ministra sníží deficit.", []string{"2031-05-09"}},
		{"slovak weekday", "Polícia v piatok zadržala dvoch mužov, ktorí sú podozriví z podpaľačstva.", []string{"2031-05-09"}},
		{"slovak date", "Štrajk sa začal 5. mája a podľa odborov bude pokračovať aj v budúcnosti.", []string{"2031-05-05"}},
		{"hungarian weekday", "A rendőrség kedden őrizetbe vett két férfit, akik a vizsgálat szerint felgyújtották a raktárat, és nem tagadták a tettet.", []string{"2031-05-06"}},
		{"hungarian the day's", "A szombati tüntetésen több ezer ember vett részt, és a rendőrség szerint nem volt rendbontás.", []string{"2031-05-10"}},
		{"hungarian yesterday", "A kormány tegnap elfogadta a törvényjavaslatot, amely szerint csökken a hiány és nem emelkednek az adók.", []string{"2031-05-09"}},
		{"norwegian weekday", "Politiet pågrep to menn på onsdag, og de er siktet for brannen i lageret, sier politiet.", []string{"2031-05-07"}},
		{"danish last weekday", "To mænd blev anholdt i torsdags efter skyderiet, og politiet har ikke flere oplysninger.", []string{"2031-05-08"}},
		{"bengali weekday", "পুলিশ বুধবার দুই জনকে গ্রেপ্তার করেছে এবং তাদের বিরুদ্ধে মামলা হয়েছে বলে জানান ওসি।", []string{"2031-05-07"}},
		{"bengali tomorrow's weekday", "সরকার আগামীকাল রবিবার রাষ্ট্রীয় শোক ঘোষণা করেছে এবং এই জন্য সব অফিস বন্ধ থাকবে।", []string{"2031-05-11"}},
		{"persian weekday", "پلیس روز سه‌شنبه دو نفر را در تهران بازداشت کرد و این خبر را تایید کرد.", []string{"2031-05-06"}},
		{"arabic weekday", "أعلنت الشرطة يوم الخميس عن القبض على رجلين في المدينة بعد الهجوم على المتجر.", []string{"2031-05-08"}},
		{"turkish read by its other function words", "Şırnak'ta saldırı: 4 asker yaralandı. Saldırı cumartesi günü oldu, yetkililere göre şüpheliler aranıyor.", []string{"2031-05-10"}},
		{"japanese day of the month", "警察は8日、男2人を逮捕したと発表した。", []string{"2031-05-08"}},
		{"chinese day of the month", "公司9日宣布召回1万辆汽车。", []string{"2031-05-09"}},
		{"japanese day of the month before", "警察は28日、男を逮捕した。", []string{"2031-04-28"}},
		{"japanese full date", "政府は2031年4月28日に計画を発表した。", []string{"2031-04-28"}},
		{"japanese yesterday", "会社は昨日、声明を出した。", []string{"2031-05-09"}},
		{"japanese count of days is no date", "工事は3日間続き、大会は7日目を迎えた。", nil},
		{"english text reads no french", "The Mars rover landed on 5 mars, the probe said in a hier entry.", nil},
		{"english text reads no spanish", "Domingo Lopez and the lunes project were in the news on Monday.", []string{"2031-05-05"}},
		{"english quote of a french phrase", "The minister, who said \"hier\" was a busy day, resigned on Tuesday.", []string{"2031-05-06"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range ResolveDates(tt.text, sat, paris) {
				got = append(got, d.Format("2006-01-02"))
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("ResolveDates(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestForeignClock reads the time of an act on a 24-hour clock after a
// word that leads it in the text's language (dayLanguages' clock), and
// on a 12-hour clock where its half of the day follows ("p. m.", "de la
// noche": dayLanguages' pm and am).
func TestForeignClock(t *testing.T) {
	tests := []struct {
		name, text string
		want       int // minutes after midnight plus one; 0: none
	}{
		{"french", "Un bijoutier a été braqué lundi soir vers 22h30 dans le centre de la ville.", 22*60 + 30 + 1},
		{"french spaced", "Un incendie s'est déclaré vers 3 h 20 ce lundi dans un entrepôt de la zone.", 3*60 + 20 + 1},
		{"french hour alone", "Le séisme a frappé la région à 23 heures, selon les autorités du pays.", 23*60 + 1},
		{"spanish", "El derrumbe ocurrió pasadas las 22:30 horas de este lunes en la mina.", 22*60 + 30 + 1},
		{"german", "Der Zug ist am Montag gegen 21 Uhr in der Nähe des Bahnhofs entgleist.", 21*60 + 1},
		{"italian", "La nave è affondata alle 21.15 di martedì, secondo la guardia costiera.", 21*60 + 15 + 1},
		{"polish godz.", "Pociąg wykoleił się we wtorek około godz. 21.40 pod Kielcami, podała policja.", 21*60 + 40 + 1},
		{"romanian ora", "Trenul a deraiat marți seara, în jurul orei 21:40, în apropiere de Brașov.", 21*60 + 40 + 1},
		{"spanish p. m.", "El puente colapsó a las 9:20 p. m. de este jueves sobre el río, informaron los bomberos.", 21*60 + 20 + 1},
		{"spanish de la noche", "El camión volcó a las 10:45 de la noche del viernes en la carretera.", 22*60 + 45 + 1},
		{"spanish a. m. at twelve", "El sismo se sintió a las 12:10 a. m. de este lunes en la capital.", 10 + 1},
		{"spanish de la mañana keeps its hour", "El tren partió a las 7:15 de la mañana del martes hacia la costa.", 7*60 + 15 + 1},
		{"portuguese da noite", "O incêndio começou às 11:30 da noite de sábado no armazém do porto.", 23*60 + 30 + 1},
		{"french du soir", "Le cortège est parti vers 8 h 30 du soir de la place centrale de la ville.", 20*60 + 30 + 1},
		{"a word that runs on is no half", "El pleno votó a las 11:40 pmr de este martes en la sede del congreso.", 11*60 + 40 + 1},
		{"a count is no time", "La police a compté à 15.000 les manifestants dans les rues de la ville.", 0},
		{"english reads english only", "The ship sank at 4.5 knots on Monday, the coast guard said vers 22h.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _, _, _ := actClock(asciiLower(tt.text)); got != tt.want {
				t.Errorf("actClock(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

// TestLaterSentenceOfAnotherAct: a report that dates only its source's
// words ("a spokesperson said on Tuesday") leaves its act on their day
// when a later sentence dates an earlier act of another kind ("after an
// explosion early on Sunday"); a later sentence that dates an act of the
// report's own kind still gives the act's day.
func TestLaterSentenceOfAnotherAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "halt"
verbs = ["halt", "suspend"]
needs = ["exports", "loadings"]
[[stories.vocabulary.acts]]
kind = "blast"
verbs = ["explosion", "blast"]
`)
	tuesday := time.Date(2031, 4, 15, 14, 0, 0, 0, time.UTC)
	sunday := tuesday.AddDate(0, 0, -2)
	for _, tc := range []struct {
		name, lead string
		want       time.Time
	}{
		{"another act's day in a later sentence",
			"Calder Oil has halted exports from its Mirefield terminal, a company spokesperson said on Tuesday. The pipeline that feeds it was damaged by an explosion early on Sunday.", tuesday},
		{"the act's own kind in a later sentence",
			"Calder Oil has halted exports from its Mirefield terminal, a company spokesperson said on Tuesday. Loadings were suspended on Sunday.", sunday},
		{"no day of the source",
			"Calder Oil has halted exports from its Mirefield terminal. The pipeline that feeds it was damaged by an explosion early on Sunday.", sunday},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: "Calder Oil halts Mirefield exports", Text: tc.lead, Published: tuesday}, time.UTC)
			if want := dayNumber(tc.want); f.day != want {
				t.Errorf("day %s, want %s", time.Unix(int64(f.day)*86400, 0).UTC().Format(time.DateOnly), tc.want.Format(time.DateOnly))
			}
		})
	}
}

// TestSubjectsDayBeforeVerbDay: a day in a participle phrase of the
// subject ("missionaries abducted eight days ago", "the crew detained
// since April 29") dates what befell the subject before; the day the main
// verb right after it gives ("were freed on Thursday") is the act's.
func TestSubjectsDayBeforeVerbDay(t *testing.T) {
	pub := time.Date(2030, 5, 16, 18, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		name, text, want string
	}{
		{"days ago, then the verb's day", "Missionaries freed\nTwo missionaries abducted near Port Calder eight days ago were freed on Thursday, officials said.", "2030-05-16"},
		{"a capitalised subject", "Sailors freed\nThe two Valdorians detained in Mirefield since April 29 were released today and are safe.", "2030-05-16"},
		{"no day of the verb", "Sailors freed\nThe two sailors seized on Monday were freed, officials said.", "2030-05-13"},
		// The place of what befell the subject between its day and the
		// verb, and Spanish and Portuguese participles and auxiliaries.
		{"a place after the day", "Sailors freed\nThe two sailors seized on Monday off Calder were freed on Thursday, officials said.", "2030-05-16"},
		{"Spanish", "Liberan a comerciantes\nLos cuatro comerciantes secuestrados el pasado lunes en Valdoria fueron liberados este jueves por la policía, informó la fiscalía.", "2030-05-16"},
		{"Portuguese", "Reféns libertados\nOs dois motoristas sequestrados na segunda-feira em Calder foram libertados nesta quinta-feira, informou a polícia.", "2030-05-16"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			day, ok := EventDate(tc.text, pub, time.UTC)
			if !ok || day.Format(time.DateOnly) != tc.want {
				t.Fatalf("EventDate(%q) = %v, %v; want %s", tc.text, day, ok, tc.want)
			}
		})
	}
}

// TestRateIsNoDayAfter: "a day" after a quantity is a rate ("losing
// 90,000 barrels of oil a day after"), which puts no act a day after
// another: the day the clause names is the act's.
func TestRateIsNoDayAfter(t *testing.T) {
	pub := time.Date(2030, 5, 16, 18, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		name, text, want string
	}{
		{"a rate", "Output falls\nValdoria is losing 90,000 barrels of oil a day after Calder Oil on Tuesday shut its main pipeline.", "2030-05-14"},
		{"a day after, set off", "Minister quits\nThe minister resigned on Wednesday, killing 12 hopes, a day after the vote on Tuesday.", "2030-05-15"},
		{"a day after an act", "Minister quits\nThe minister resigned a day after parliament on Tuesday censured her.", "2030-05-15"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			day, ok := EventDate(tc.text, pub, time.UTC)
			if !ok || day.Format(time.DateOnly) != tc.want {
				t.Fatalf("EventDate(%q) = %v, %v; want %s", tc.text, day, ok, tc.want)
			}
		})
	}
}

// TestSmallHoursTime: the time of an act in the small hours, as news
// writes it in English ("shortly after 1 a.m.", "just before 1 a.m.") and
// in Portuguese ("por volta da 01h30", "à 01:00"), and the night named by
// the two days it runs across ("the night of Monday to Tuesday", "in de
// nacht van maandag op dinsdag"), whose small hours are of its second
// day, and "shortly after midnight", put the act on its day at the desk.
func TestSmallHoursTime(t *testing.T) {
	athens, rome, maputo, amsterdam, paris := mustZone(t, "Europe/Athens"), mustZone(t, "Europe/Rome"), mustZone(t, "Africa/Maputo"), mustZone(t, "Europe/Amsterdam"), mustZone(t, "Europe/Paris")
	lagos, nairobi, newYork := mustZone(t, "Africa/Lagos"), mustZone(t, "Africa/Nairobi"), mustZone(t, "America/New_York")
	warsaw, bucharest := mustZone(t, "Europe/Warsaw"), mustZone(t, "Europe/Bucharest")
	at := func(loc *time.Location, d, h, m int) time.Time { return time.Date(2030, 3, d, h, m, 0, 0, loc) }
	tests := []struct {
		name, text string
		pub        time.Time
		loc        *time.Location
		want       string // the act's day at a UTC desk
	}{
		{"shortly after a time", "Gunmen raid village\nGunmen raided the village of Kelo in the early hours of Tuesday, killing four. Survivors said they came shortly after 1 a.m. and left at dawn.", at(athens, 5, 10, 0), athens, "2030-03-04"},
		{"just before a time", "Blast damages shop\nA device exploded outside a shop in Venlo just before 1 a.m. on Tuesday, police said.", at(rome, 5, 9, 0), rome, "2030-03-04"},
		{"after a time alone may be hours after", "Gunmen raid village\nGunmen raided the village of Kelo early on Tuesday. Residents said gunfire went on after 1 a.m. until the army came.", at(athens, 5, 10, 0), athens, "2030-03-05"},
		{"portuguese por volta da", "Ciclone atinge a costa\nO ciclone atingiu a costa a sul da cidade por volta da 01h30 de hoje, segundo o instituto nacional de meteorologia.", at(maputo, 5, 7, 0), maputo, "2030-03-04"},
		{"portuguese à", "Barragem abre comportas\nA barragem abriu quatro comportas à 01:00 de terça-feira, informou o instituto, e os bairros da cidade ficaram inundados.", at(maputo, 5, 9, 0), maputo, "2030-03-04"},
		{"the night of two days in english", "Explosion at home\nAn explosive went off at a home in the night of Monday to Tuesday at around 00:40, police said.", at(athens, 5, 9, 0), athens, "2030-03-04"},
		{"the night of two days in dutch", "Explosie bij woning\nBij een woning aan de Dorpsweg is in de nacht van maandag op dinsdag rond 00.50 uur een explosie geweest. De voordeur werd vernield.", at(amsterdam, 5, 9, 0), amsterdam, "2030-03-04"},
		{"the night of two days in polish", "Wybuch na torach\nW nocy z poniedziałku na wtorek około godz. 0.50 doszło do wybuchu na linii kolejowej pod Radomiem. Nikt nie został ranny.", at(warsaw, 5, 9, 0), warsaw, "2030-03-04"},
		{"the night of two days in romanian", "Explozie la un depozit\nO explozie a avut loc în noaptea de luni spre marți, în jurul orei 01:20, la un depozit din apropierea orașului Galați. Nu au fost victime.", at(bucharest, 5, 9, 0), bucharest, "2030-03-04"},
		{"the night of two dates", "Explosion at home\nAn explosive went off at a home on the night of March 4 to 5 at around 00:40, police said.", at(athens, 5, 9, 0), athens, "2030-03-04"},
		{"an evening time of the night's first day", "Incendie dans un entrepôt\nUn incendie s'est déclaré dans la nuit de lundi à mardi vers 23h30 dans un entrepôt de la zone, selon les pompiers.", at(paris, 5, 9, 0), paris, "2030-03-04"},
		// "Shortly after midnight" is the day's first minutes, an hour
		// ahead of UTC the day before; in a zone behind UTC, the day.
		{"shortly after midnight", "Gunmen attack army post\nGunmen attacked an army post in Dorvo shortly after midnight on Tuesday, killing three soldiers, sources said.", at(lagos, 5, 9, 0), lagos, "2030-03-04"},
		{"just after midnight in the act's small hours", "Bandits raid village\nBandits in the early hours of Tuesday killed nine people in Kelo, residents said. The attackers came just after midnight on motorcycles.", at(lagos, 5, 9, 0), lagos, "2030-03-04"},
		{"shortly after midnight behind UTC", "Gunmen attack bar\nGunmen attacked a bar in Dorvo shortly after midnight on Tuesday, police said.", at(newYork, 5, 9, 0), newYork, "2030-03-05"},
		// ... but not of the named day's act when the text puts that
		// act in no small hours: the siege ended after the day.
		{"shortly after midnight after the act's day", "Hotel siege toll rises\nThe toll from Monday's bombing of a hotel in Dorvo has risen to 12, officials said on Tuesday. Security forces ended the siege shortly after midnight.", at(nairobi, 5, 9, 0), nairobi, "2030-03-04"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, _ := eventMention(tc.text, tc.pub, tc.loc)
			got := m.day.Format(time.DateOnly)
			if d, ok := deskDay(m, tc.pub, tc.loc, time.UTC); ok {
				got = d.Format(time.DateOnly)
			}
			if got != tc.want {
				t.Fatalf("day at the desk of %q = %s (named %v, clock %d), want %s", tc.text, got, m.day, m.clock, tc.want)
			}
		})
	}
}

// TestFilipinoFunctionWords: Filipino function words are no terms.
func TestFilipinoFunctionWords(t *testing.T) {
	v := DefaultVocabulary()
	for _, tm := range v.canonicalTerms(splitWords("Lider ng mga rebelde, patay sa engkwentro sa Bukidnon"), true) {
		if tm.text == "ng" || tm.text == "mga" || tm.text == "sa" {
			t.Errorf("term %q of a Filipino headline is a function word", tm.text)
		}
	}
}

// TestSpanYear: a span of dates whose year is written once, after its last
// date, gives that year to its first ("from 1 July to 31 August 2031"),
// the year before where the span runs into the next year.
func TestSpanYear(t *testing.T) {
	pub := time.Date(2030, 11, 20, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"day month span", "The agency set a fishing ban from 1 July to 31 August 2031 for all trawlers.", []string{"2031-07-01", "2031-08-31"}},
		{"month day span", "Registration is open from June 3 through June 9, 2031, the board said.", []string{"2031-06-03", "2031-06-09"}},
		{"span into the next year", "The curfew runs from 10 December to 10 January 2032, the governor said.", []string{"2031-12-10", "2032-01-10"}},
		{"a list is no span", "The plant shut on 12 November, and 3 March 2031 is its restart date.", []string{"2030-11-12", "2031-03-03"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range ResolveDates(tt.text, pub, time.UTC) {
				got = append(got, d.Format(time.DateOnly))
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("ResolveDates(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
