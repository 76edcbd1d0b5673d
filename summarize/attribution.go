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

// press is either, or "us" where the outlet speaks of itself.
const press = `(?:` + selfPress + `|` + namedPress + `)`

var (
	// datelineRe: "SEOUL, Dec. 4 (Yonhap) -- ", "(Reuters) - ", "WASHINGTON (AP) — ".
	datelineRe = regexp.MustCompile(`^\s*(?:\p{Lu}[\p{L}\d .,'’-]{0,60}?\s*)?\((?:\p{Lu}[\p{L}&. -]{0,40})\)\s*[-–—:]+\s*`)
	// toldPressRe: "told this newspaper", "exclusively told Reuters",
	// "told Yonhap News Agency in a phone interview".
	toldPressRe = regexp.MustCompile(`(?i:\b(?:exclusively\s+)?told)\s+` + press + `(?:\s+(?:in|during|by|via|over)\s+(?:an?\s+)?(?:exclusive\s+|recent\s+|brief\s+)?(?:interview|phone\s+(?:call|interview)|telephone\s+(?:call|interview)|email|e-mail|text\s+message|message|statement|briefing|conversation))?\b`)
	// toldUsRe: "told us" (not "told us to", an instruction).
	toldUsRe = regexp.MustCompile(`(?i)\b(?:exclusively\s+)?told\s+(?:us|me)\b(?:\s+(?:in|by|via|over)\s+(?:an?\s+)?(?:interview|email|e-mail|phone\s+call|statement))?(\s+to\b)?`)
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
		out = toPressRe.ReplaceAllString(out, "$1")
	}
	if has("told") {
		out = toldPressRe.ReplaceAllString(out, "said")
		out = toldUsRe.ReplaceAllStringFunc(out, func(m string) string {
			if strings.HasSuffix(strings.ToLower(strings.TrimSpace(m)), " to") {
				return m // "told us to leave": an order, not an attribution
			}
			return "said"
		})
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
