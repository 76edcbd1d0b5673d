package feeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"
	"golang.org/x/text/language"

	"wirewatch/config"
	"wirewatch/model"
)

// Parse errors a caller may want to tell apart.
var (
	ErrEmptyBody = errors.New("empty body")
	ErrNotFeed   = errors.New("not a feed")
)

// futureSlack is how far in the future a publication date may be before it
// is treated as wrong (a zone misread, a scheduled post) and replaced by now.
const futureSlack = time.Hour

// parsedFeed is everything Poll needs from one body.
type parsedFeed struct {
	Title    string
	Link     string // canonical link of the site, if the feed gives one
	Lang     string
	Items    []model.Item
	TTL      time.Duration // RSS <ttl>
	Gap      time.Duration // mean gap between items of the last week; 0 if unknown
	Encoding string        // what the body was read as
	Known    []model.KnownItem
	Skipped  int // items unchanged since the last document, not parsed
}

// Parse decodes body to UTF-8 (see DecodeUTF8), parses it as RSS 0.9x/1.0/
// 2.0, Atom, JSON Feed (or CDF) and returns the feed title and normalized
// items: plain-text fields within size caps, canonical links, stable keys,
// publication times with zone names read correctly (now when missing),
// FirstSeen = now. A truncated XML document is repaired by closing its open
// elements before the item the cut fell in, so the complete items that
// arrived are kept and the cut one is dropped (see repairTruncated).
func Parse(body []byte, contentType string, feed config.Feed, now time.Time) (title string, items []model.Item, err error) {
	pf, err := parseFeed(body, contentType, feed, feed.URL, nil, now)
	if err != nil {
		return "", nil, err
	}
	return pf.Title, pf.Items, nil
}

// parseFeed parses body; known is what the feed's last parsed document
// held (see known.go), so that its unchanged items are not parsed again.
func parseFeed(body []byte, contentType string, feed config.Feed, baseURL string, known []model.KnownItem, now time.Time) (*parsedFeed, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, ErrEmptyBody
	}
	text, enc := DecodeUTF8(body, contentType)
	cut := cutKnown(text, known)
	var gf *gofeed.Feed
	var rssTTL string
	var err error
	if cut.skipped() > 0 {
		gf, rssTTL, err = parseCut(cut.doc, cut.kind)
	} else {
		gf, err = parseDocument(cut.doc)
		rssTTL = originalTTL(gf)
	}
	if cut.skipped() > 0 && (err != nil || len(gf.Items) != cut.kept || !cuttable(gf)) {
		// The cut was not read as planned: parse the whole document.
		cut = cut.whole(text)
		gf, err = parseDocument(text)
		rssTTL = originalTTL(gf)
	}
	if err != nil {
		if looksLikeHTML(text) {
			return nil, fmt.Errorf("%w: the server answered an HTML page (Content-Type %q)", ErrNotFeed, contentType)
		}
		return nil, err
	}
	base, _ := url.Parse(baseURL)
	if l, err := url.Parse(strings.TrimSpace(gf.Link)); err == nil && l.IsAbs() && base != nil {
		base = base.ResolveReference(l)
	}
	pf := &parsedFeed{
		Title:    PlainText(gf.Title, maxTitleBytes),
		Link:     CanonicalLink(resolveLink(base, gf.Link)),
		Lang:     baseLanguage(gf.Language),
		Encoding: enc,
	}
	if m, err := strconv.Atoi(strings.TrimSpace(rssTTL)); err == nil && m > 0 {
		pf.TTL = time.Duration(min(m, 7*24*60)) * time.Minute
	}
	pf.Items, pf.Gap, pf.Known = normalizeItems(gf, feed, base, pf.Lang, now, cut)
	pf.Skipped = cut.skipped()
	return pf, nil
}

// cuttable reports whether gofeed read the document as RSS or Atom, whose
// item elements itemChunks finds.
func cuttable(gf *gofeed.Feed) bool {
	return gf.FeedType == "rss" || gf.FeedType == "atom"
}

// originalTTL is the <ttl> of an RSS document gofeed parsed.
func originalTTL(gf *gofeed.Feed) string {
	if gf == nil {
		return ""
	}
	if orig, ok := gf.OriginalFeed().(*rss.Feed); ok {
		return orig.TTL
	}
	return ""
}

// parseCut parses a document whose known items were cut out with the
// gofeed parser and translator its item elements call for, as gofeed would
// after detecting the type; the detection (a copy of the first 4 KB and a
// second XML reader over it) costs about a third of parsing a few items.
// The caller checks what it gets. It returns the RSS <ttl>, if any.
func parseCut(doc []byte, kind string) (gf *gofeed.Feed, rssTTL string, err error) {
	defer func() {
		if r := recover(); r != nil {
			gf, err = nil, fmt.Errorf("parse feed: parser panic: %v", r)
		}
	}()
	switch kind {
	case "item":
		rf, err := (&rss.Parser{}).Parse(bytes.NewReader(doc))
		if err != nil {
			return nil, "", err
		}
		gf, err := (&gofeed.DefaultRSSTranslator{DisableContentImageScan: true}).Translate(rf)
		return gf, rf.TTL, err
	case "entry":
		af, err := (&atom.Parser{}).Parse(bytes.NewReader(doc))
		if err != nil {
			return nil, "", err
		}
		gf, err := (&gofeed.DefaultAtomTranslator{}).Translate(af)
		return gf, "", err
	}
	return nil, "", fmt.Errorf("parse feed: no item elements")
}

// parseDocument runs gofeed, then the fallbacks: CDF for documents gofeed
// does not detect, and a repaired copy for truncated XML.
func parseDocument(text []byte) (gf *gofeed.Feed, err error) {
	gf, err = gofeedParse(text)
	if err == nil {
		return gf, nil
	}
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		if cdf, ok := parseCDF(text); ok {
			return cdf, nil
		}
		return nil, fmt.Errorf("%w: no RSS, Atom, RDF or JSON Feed root found", ErrNotFeed)
	}
	if fixed := repairTruncated(text); fixed != nil {
		if gf, err2 := gofeedParse(fixed); err2 == nil {
			return gf, nil
		}
	}
	return nil, fmt.Errorf("parse feed: %w", err)
}

// gofeedParse parses with a fresh parser (cheap) and turns a panic on hostile
// input into an error.
func gofeedParse(text []byte) (gf *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			gf, err = nil, fmt.Errorf("parse feed: parser panic: %v", r)
		}
	}()
	p := gofeed.NewParser()
	p.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	p.KeepOriginalFeed = true // for RSS <ttl>
	return p.Parse(bytes.NewReader(text))
}

func looksLikeHTML(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 1024)])
	for _, marker := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.Contains(head, []byte(marker)) {
			return true
		}
	}
	return false
}

func baseLanguage(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	tag, err := language.Parse(s)
	if err != nil {
		return ""
	}
	base, conf := tag.Base()
	if conf == language.No {
		return ""
	}
	return base.String()
}

// normalizeItems turns gofeed items into model items and estimates the
// feed's publishing gap from the dated ones, counting the items cut out as
// unchanged (whose GUIDs and dates the last document left in cut.reuse).
// It returns what the next poll needs to skip this document's items again.
func normalizeItems(gf *gofeed.Feed, feed config.Feed, base *url.URL, lang string, now time.Time, cut knownCut) ([]model.Item, time.Duration, []model.KnownItem) {
	var dated []time.Time
	guidCount := map[uint64]int{}
	for _, k := range cut.reuse {
		if k == nil {
			continue
		}
		guidCount[k.GUID]++
		if k.Published == 0 {
			continue
		}
		// The date as written, checked against this poll's clock, as a
		// whole parse would check it.
		if t, ok := checkTime(time.Unix(k.Published, 0), now); ok {
			dated = append(dated, t)
		}
	}
	for _, it := range gf.Items {
		if it != nil {
			guidCount[guidSum(strings.TrimSpace(it.GUID))]++
		}
	}
	items := make([]model.Item, 0, len(gf.Items))
	parsed := make([]model.KnownItem, len(gf.Items)) // what each gofeed item says, for the next poll
	seen := make(map[string]bool, len(gf.Items))
	for i, it := range gf.Items {
		if it == nil {
			continue
		}
		written, hasWritten := itemDate(it, feed.Location)
		published, hasDate := publication(written, hasWritten, now)
		item := normalizeItem(it, feed, base, lang, published, now)
		guid := strings.TrimSpace(it.GUID)
		gs := guidSum(guid)
		if guid != "" && guidCount[gs] > 1 {
			// A GUID repeated within one document identifies nothing.
			item.Key = itemKey(feed.Name, "", item.Link, item.Title, rawDate(it), item.Text)
		}
		parsed[i].GUID = gs
		if seen[item.Key] {
			continue // a repeat: its date does not count (Published stays 0)
		}
		seen[item.Key] = true
		items = append(items, item)
		if hasDate {
			dated = append(dated, item.Published)
		}
		if hasWritten {
			parsed[i].Published = written.Unix()
		}
	}
	return items, publishingGap(dated, now), knownItems(cut, parsed, gf)
}

// knownItems lays out, in document order, what the next poll needs to skip
// this document's items: the cut-out items' old records and the parsed
// ones' new records. It is nil when the items could not be told apart.
func knownItems(cut knownCut, parsed []model.KnownItem, gf *gofeed.Feed) []model.KnownItem {
	if !cut.usable || !cuttable(gf) || len(parsed) != cut.kept {
		return nil
	}
	out := make([]model.KnownItem, 0, min(len(cut.sums), maxKnownItems))
	next := 0
	for i, sum := range cut.sums {
		if len(out) == maxKnownItems {
			break
		}
		k := model.KnownItem{Sum: sum}
		if r := cut.reuse[i]; r != nil {
			k = *r
		} else {
			k.GUID, k.Published = parsed[next].GUID, parsed[next].Published
			next++
		}
		out = append(out, k)
	}
	return out
}

func normalizeItem(it *gofeed.Item, feed config.Feed, base *url.URL, lang string, published, now time.Time) model.Item {
	guid := strings.TrimSpace(it.GUID)
	link := itemLink(it, base)
	title := PlainText(it.Title, maxTitleBytes)
	text := PlainParagraphs(it.Content, maxTextBytes)
	if text == "" {
		text = PlainParagraphs(it.Description, maxTextBytes)
	}
	if title == "" {
		title = PlainText(mediaTitle(it), maxTitleBytes)
	}
	if title == "" {
		title = headline(text)
	}
	return model.Item{
		Key:        itemKey(feed.Name, guid, link, title, rawDate(it), text),
		Feed:       feed.Name,
		GUID:       truncateBytes(guid, maxGUIDBytes),
		Link:       link,
		Title:      title,
		Text:       text,
		Author:     itemAuthor(it),
		Categories: itemCategories(it.Categories),
		Lang:       lang,
		Published:  published,
		FirstSeen:  now,
	}
}

// itemLink is the item's canonical link: its link, else its first link,
// else a GUID that is a URL; relative links resolve against the feed.
func itemLink(it *gofeed.Item, base *url.URL) string {
	if l := CanonicalLink(resolveLink(base, it.Link)); l != "" {
		return l
	}
	for _, c := range it.Links {
		if l := CanonicalLink(resolveLink(base, c)); l != "" {
			return l
		}
	}
	if g := strings.TrimSpace(it.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
		return CanonicalLink(resolveLink(base, g))
	}
	return ""
}

func resolveLink(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil && !u.IsAbs() {
		u = base.ResolveReference(u)
	}
	return u.String()
}

// publication is when an item counts as published: its date as written
// (itemDate), if it has one checkTime accepts, else now; hasDate is false
// when it is now.
func publication(written time.Time, ok bool, now time.Time) (time.Time, bool) {
	if !ok {
		return now, false
	}
	return checkTime(written, now)
}

// itemDate is an item's publication (else update) time as written, read
// in loc where it names no zone, before checkTime; ok is false when it has
// none that can be read.
func itemDate(it *gofeed.Item, loc *time.Location) (time.Time, bool) {
	raw := rawDate(it)
	if knownZoneAbbrev(raw) {
		// gofeed reads "KST" as UTC (and its RSS parser drops the zone
		// name), so such dates are read here.
		if lt, ok := parseLooseDate(raw, loc); ok {
			return lt, true
		}
	}
	switch {
	case it.PublishedParsed != nil:
		return fixZone(*it.PublishedParsed), true
	case it.UpdatedParsed != nil:
		return fixZone(*it.UpdatedParsed), true
	}
	if t, ok := parseLooseDate(it.Published, loc); ok {
		return t, true
	}
	return parseLooseDate(it.Updated, loc)
}

// checkTime refuses dates that cannot be publication times: zero, before
// 1990, or more than futureSlack ahead (a zone misread, a scheduled post).
func checkTime(t, now time.Time) (time.Time, bool) {
	if t.IsZero() || t.After(now.Add(futureSlack)) || t.Year() < 1990 {
		return now, false
	}
	return t, true
}

// mediaTitle is the Media RSS title (<media:title>), which some video and
// photo feeds use instead of <title>.
func mediaTitle(it *gofeed.Item) string {
	for _, e := range it.Extensions["media"]["title"] {
		if v := strings.TrimSpace(e.Value); v != "" {
			return v
		}
	}
	for _, g := range it.Extensions["media"]["group"] {
		for _, e := range g.Children["title"] {
			if v := strings.TrimSpace(e.Value); v != "" {
				return v
			}
		}
	}
	return ""
}

func rawDate(it *gofeed.Item) string {
	if it.Published != "" {
		return it.Published
	}
	return it.Updated
}

func itemAuthor(it *gofeed.Item) string {
	var names []string
	for _, a := range it.Authors {
		if a == nil {
			continue
		}
		if n := PlainText(a.Name, maxAuthorBytes); n != "" {
			names = append(names, n)
		} else if e := PlainText(a.Email, maxAuthorBytes); e != "" {
			names = append(names, e)
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			if n := PlainText(c, maxAuthorBytes); n != "" {
				names = append(names, n)
			}
		}
	}
	return truncateBytes(strings.Join(names, ", "), maxAuthorBytes)
}

func itemCategories(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range in {
		c = PlainText(c, maxCategoryBytes)
		if c == "" || seen[strings.ToLower(c)] {
			continue
		}
		seen[strings.ToLower(c)] = true
		out = append(out, c)
		if len(out) == maxCategories {
			break
		}
	}
	return out
}

// headline stands in for a missing title: the start of the text, cut at a
// word boundary.
func headline(text string) string {
	const n = 120
	if len(text) <= n {
		return text
	}
	cut := truncateBytes(text, n)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// itemKey follows model.Item.Key: "guid:<feed>:<guid>", else
// "link:<canonical link>", else "hash:<sha256 of feed, title and date>".
// Over-long ids are replaced by their hash so keys stay index-friendly.
func itemKey(feedName, guid, link, title, date, text string) string {
	switch {
	case guid != "":
		return "guid:" + feedName + ":" + shortID(guid)
	case link != "":
		return "link:" + shortID(link)
	}
	h := sha256.New()
	for _, s := range []string{feedName, title, strings.TrimSpace(date)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	if title == "" && date == "" {
		h.Write([]byte(text))
	}
	return "hash:" + hex.EncodeToString(h.Sum(nil)[:16])
}

func shortID(s string) string {
	if len(s) <= maxGUIDBytes {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// publishingGap is the mean gap between the items published in the week
// before now: 0 when no item is dated, a week when fewer than two are recent.
func publishingGap(dated []time.Time, now time.Time) time.Duration {
	if len(dated) == 0 {
		return 0
	}
	const week = 7 * 24 * time.Hour
	recent := make([]time.Time, 0, len(dated))
	for _, t := range dated {
		if now.Sub(t) <= week {
			recent = append(recent, t)
		}
	}
	if len(recent) < 2 {
		return week
	}
	slices.SortFunc(recent, time.Time.Compare)
	// Measure to now, not to the newest item: a feed that went quiet an
	// hour ago after a burst is not publishing every minute any more.
	span := now.Sub(recent[0])
	return span / time.Duration(len(recent))
}
