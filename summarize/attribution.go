package summarize

import (
	"regexp"
	"strings"

	"wirewatch/model"
)

// A story's summary is one outlet's sentence shown under another outlet's
// headline, or under none. Some attributions make sense only in the outlet
// that wrote them: the outlet speaking of itself ("he told this newspaper",
// "according to our correspondent"), its dateline ("SEOUL (Reuters) -"), or
// the press being the one spoken to ("an official told Yonhap News Agency",
// "said in a statement to CNN", "in an interview with The Korea Herald").
// The rule is general: a clause whose only role is to say which newsroom
// heard the words is dropped, and "X told <newsroom>" becomes "X said". The
// speaker stays, and so do attributions to the source of the news
// ("according to KCNA", "the ministry said", "told reporters").

// selfPress names the outlet itself: "this newspaper", "our correspondent".
const selfPress = `(?:(?:this|our)\s+(?:own\s+)?(?:news\s*paper|paper|publication|outlet|news\s+outlet|news\s+site|site|website|magazine|broadcaster|station|network|channel|programme|program|show|newsroom|news\s+agency|agency|reporters?|correspondents?|journalists?|team|desk)|the\s+(?:reporter|correspondent|author|writer)|this\s+(?:reporter|correspondent|writer|author))`

// namedPress names a newsroom: a known wire or broadcaster, or a name whose
// last word is a kind of newsroom ("The Korea Herald", "Yonhap News
// Agency", "the Wall Street Journal").
const namedPress = `(?:(?:the\s+)?(?:\p{Lu}[\p{L}'’.&-]*\s+){0,4}(?:News(?:\s+Agency|\s+Service|\s+Network)?|Newspaper|Agency|Times|Post|Herald|Journal|Daily|Ilbo|Shimbun|Tribune|Gazette|Telegraph|Guardian|Chronicle|Review|Broadcasting(?:\s+(?:Corp\.?|Corporation|System|Service))?|Television|TV|Radio|Press|Wire|Weekly|Magazine|Monitor|Observer|Economist|Insider|Report|Today)|(?:the\s+)?(?:Reuters|AP|AFP|Agence\s+France-Presse|Associated\s+Press|Yonhap|Kyodo|Bloomberg|CNN|BBC|NHK|Xinhua|NPR|CNBC|Politico|Axios|Al\s+Jazeera|ABC|NBC|CBS|Fox|Nikkei|KBS|MBC|SBS|JTBC|YTN|Arirang|DW|France\s+24|Semafor|Newsis|News1|NK\s+News))`

// pressTail is what may follow a newsroom's name and still name it: more
// of the name ("Daily Mail Australia", "Fox 8"), a person of it ("CNN's
// Wolf Blitzer", "Radio 4's Today programme"), or what it is ("the
// Reuters news agency", "ABC radio").
const pressTail = `(?:-\p{Lu}\p{L}*)?(?:\s+(?:\p{Lu}[\p{L}.&-]*|\d+)){0,3}(?:['’]s(?:\s+\p{Lu}[\p{L}.&-]*){1,3})?(?:\s+(?:news\s+agency|agency|newspaper|daily|magazine|radio|television|TV|network|station|channel|broadcaster|programme|program|show|website|podcast)(?:\s+\p{Lu}[\p{L}.&-]*){0,3})?`

// press is either, with its tail.
const press = `(?:` + selfPress + `|` + namedPress + `)` + pressTail

var (
	// datelineRe: "SEOUL, Dec. 4 (Yonhap) -- ", "(Reuters) - ", "WASHINGTON (AP) — ".
	// The place is in capitals, as datelines write it, so "British Music
	// Rights (BMR) - which ..." is no dateline.
	datelineRe = regexp.MustCompile(`^\s*(?:\p{Lu}[\p{Lu} .'’-]{1,40}(?:,\s*\p{Lu}[\p{L}.]*\s*\d{1,2})?\s*)?\((?:\p{Lu}[\p{L}&. -]{0,40})\)\s*[-–—:]+\s*`)
	// toldPressRe: "told this newspaper", "exclusively told Reuters",
	// "told Yonhap News Agency in a phone interview".
	toldPressRe = regexp.MustCompile(`(?i:\b(?:exclusively\s+)?told)\s+` + press + `(?:\s+(?:in|during|by|via|over)\s+(?:an?\s+)?(?:exclusive\s+|recent\s+|brief\s+)?(?:interview|phone\s+(?:call|interview)|telephone\s+(?:call|interview)|email|e-mail|text\s+message|message|statement|briefing|conversation))?\b`)
	// toldUsRe: "told us", "told me", the reporter speaking (see toldUs).
	toldUsRe = regexp.MustCompile(`(?i)\b(?:exclusively\s+)?told\s+(?:us|me)\b(?:\s+(?:in|by|via|over)\s+(?:an?\s+)?(?:interview|email|e-mail|phone\s+call|statement))?`)
	// toPressRe: "said in a statement to CNN" keeps "said in a statement".
	toPressRe = regexp.MustCompile(`(?i:\b(in\s+(?:an?\s+)?(?:emailed\s+|written\s+|brief\s+)?(?:statement|email|e-mail|comments?|remarks|message|response|reply)))\s+(?i:to|sent\s+to|provided\s+to|given\s+to)\s+` + press + `\b`)
	// interviewRe: ", in an interview with The Korea Herald," and
	// ", speaking to the BBC,".
	interviewRe = regexp.MustCompile(`(?:,\s*)?(?i:\b(?:in|during)\s+(?:an?\s+)?(?:exclusive\s+|recent\s+|separate\s+|telephone\s+|phone\s+|video\s+)?(?:interview|conversation|talk)s?\s+with|\bspeaking\s+(?:to|with)|\bin\s+comments\s+to)\s+` + press + `\b(?:\s+on\s+\p{Lu}\p{L}+day)?(?:\s*,)?`)
	// accordingRe: ", according to our correspondent" and ", according
	// to documents obtained by this newspaper".
	accordingRe = regexp.MustCompile(`(?:,\s*)?(?i:\baccording\s+to\s+)(?:` + selfPress + `|[^,.;]{0,60}?\b(?i:obtained|seen|reviewed|viewed)\s+by\s+` + press + `)\b(?:\s*,)?`)
	// pressLearnedRe: "this newspaper has learned that" leads into the news.
	pressLearnedRe = regexp.MustCompile(`(?i)^\s*(?:` + selfPress + `|` + namedPress + `)\s+(?:has\s+|have\s+)?learned\s+(?:that\s+)?`)

	spaceRunRe   = regexp.MustCompile(`[ \t]{2,}`)
	spaceBeforeP = regexp.MustCompile(`\s+([,.;:!?])`)
	doubleComma  = regexp.MustCompile(`,\s*([,.;:!?])`)
)

// WithoutOutletAttribution returns sentence s without the attributions
// that make sense only in the outlet that wrote it (see the comment above
// selfPress): its dateline, "told <newsroom>" as "said", and the clauses
// "according to our correspondent", "in an interview with <newsroom>",
// "in a statement to <newsroom>". Text that has none comes back unchanged.
func WithoutOutletAttribution(s string) string {
	// Each rule runs only on a sentence with a word it needs: most
	// sentences have none, and the patterns are long.
	lower := strings.ToLower(s)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(lower, w) {
				return true
			}
		}
		return false
	}
	out := s
	if has("(") {
		out = datelineRe.ReplaceAllString(out, "")
	}
	if has("learned") {
		out = pressLearnedRe.ReplaceAllString(out, "")
	}
	if has("statement", "mail", "comment", "remark", "message", "response", "reply") {
		out = toPressRe.ReplaceAllStringFunc(out, func(m string) string {
			return toPressRe.ReplaceAllString(m, "$1") + trailingDates(m)
		})
	}
	if has("told") {
		out = toldPressRe.ReplaceAllStringFunc(out, func(m string) string { return "said" + trailingDates(m) })
		out = toldUs(out)
	}
	// A dropped clause takes its commas with it: "The general, in an
	// interview with X, said" reads "The general said".
	if has("interview", "speaking", "comments to", "conversation", "talk") {
		out = interviewRe.ReplaceAllString(out, " ")
	}
	if has("according") {
		out = accordingRe.ReplaceAllString(out, " ")
	}
	if out == s {
		return s
	}
	out = spaceRunRe.ReplaceAllString(out, " ")
	out = spaceBeforeP.ReplaceAllString(out, "$1")
	out = doubleComma.ReplaceAllString(out, "$1")
	out = strings.TrimSpace(out)
	return upperFirst(out)
}

// toldUs makes "told us" and "told me" "said" where they end a clause
// outside a quotation: followed by a period, comma, semicolon or
// exclamation mark that no closing quote follows ("...," she told us.
// "Obesity, he told me, is"). Inside a quotation the speaker is the one
// saying "me" ("what June told me,' he said"), and "told us to leave" is
// an order: both stay.
func toldUs(s string) string {
	locs := toldUsRe.FindAllStringIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		rest := s[loc[1]:]
		if rest == "" || (strings.IndexByte(".,;!", rest[0]) >= 0 && !startsWithQuote(rest[1:])) {
			b.WriteString(s[last:loc[0]])
			b.WriteString("said")
			last = loc[1]
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

func startsWithQuote(s string) bool {
	for _, q := range []string{"'", "’", "\"", "”", "»"} {
		if strings.HasPrefix(s, q) {
			return true
		}
	}
	return false
}

// dateWords are the names of days and months, which may follow a
// newsroom's name without being part of it ("told CNN Monday").
var dateWords = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan.": true, "Feb.": true, "Aug.": true, "Sept.": true, "Oct.": true, "Nov.": true, "Dec.": true,
}

// trailingDates is the run of day and month names (and numbers after
// one) that a match of a newsroom's name ends with, to put back.
func trailingDates(m string) string {
	fields := strings.Fields(m)
	k := len(fields)
	for k > 0 {
		switch {
		case dateWords[fields[k-1]]:
			k--
			continue
		case k > 1 && isNumber(fields[k-1]) && dateWords[fields[k-2]]:
			k -= 2
			continue
		}
		break
	}
	if k == len(fields) {
		return ""
	}
	return " " + strings.Join(fields[k:], " ")
}

func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// upperFirst capitalizes the first letter of a sentence whose beginning
// was dropped ("this newspaper has learned that the ...").
func upperFirst(s string) string {
	for i, r := range s {
		if r >= 'a' && r <= 'z' {
			return s[:i] + strings.ToUpper(string(r)) + s[i+1:]
		}
		if r != '"' && r != '“' && r != '\'' && r != '‘' {
			return s
		}
	}
	return s
}

// StoryLead is the sentence of an item that may stand for its story: the
// first sentence of its summary (the article's lead, or the best one),
// else the lead of its text, without outlet-only attributions; "" when it
// has no prose. Questions and sentences shorter than four words do not
// summarize an event and give "".
func StoryLead(it *model.Item) string {
	var s string
	if len(it.Summary) > 0 {
		s = it.Summary[0]
	} else if lead := Lead(it.Title, it.Text, 1); len(lead) > 0 {
		s = lead[0]
	}
	s = WithoutOutletAttribution(strings.Join(strings.Fields(s), " "))
	if isQuestion(s) || len(strings.Fields(s)) < 4 {
		return ""
	}
	return s
}
