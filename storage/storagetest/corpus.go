package storagetest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"wirewatch/model"
)

// BenchNow is the fixed "now" of the generated corpus: items are spread
// over the two years before it.
var BenchNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// BenchTopics are the topic names the corpus uses, most frequent first.
var BenchTopics = []string{"north-korea", "missiles", "us-rok", "japan", "drills", "nuclear", "diplomacy", "cyber"}

// BenchItems returns how many items a benchmark loads: WIREWATCH_BENCH_ITEMS,
// else def.
func BenchItems(def int) int {
	if n, err := strconv.Atoi(os.Getenv("WIREWATCH_BENCH_ITEMS")); err == nil && n > 0 {
		return n
	}
	return def
}

// A small vocabulary of Korea-security news, combined at random into
// sentences so term frequencies vary as in a real archive: a few words are
// everywhere, most are rare.
var (
	actors = []string{"North Korea", "Pyongyang", "South Korea's Joint Chiefs of Staff", "the Korean Central News Agency",
		"Kim Jong Un", "Kim Yo Jong", "the unification ministry", "US Forces Korea", "Japan's defense ministry",
		"the Rodong Sinmun", "Seoul's National Intelligence Service", "the US State Department", "China's foreign ministry",
		"the Korean People's Army", "the UN Security Council", "a military spokesperson", "analysts in Seoul"}
	verbs = []string{"fired", "launched", "test-fired", "condemned", "warned of", "staged", "announced", "detected",
		"denounced", "confirmed", "inspected", "supervised", "reported", "called for", "rejected", "resumed", "suspended"}
	objects = []string{"a short-range ballistic missile", "two cruise missiles", "an intercontinental ballistic missile",
		"a military reconnaissance satellite", "the trilateral Freedom Edge exercise", "live-fire artillery drills",
		"trash-carrying balloons", "a hypersonic missile", "the Ulchi Freedom Shield drills", "a solid-fuel engine test",
		"new sanctions", "a submarine-launched missile", "GPS jamming attacks", "a uranium enrichment facility",
		"loudspeaker broadcasts", "a multiple rocket launcher test", "cyber attacks on defense contractors",
		"the inter-Korean military agreement", "a nuclear-capable strategic cruise missile", "joint air drills"}
	places = []string{"into the East Sea", "off the west coast", "near the inter-Korean border", "from the Sunan area",
		"over the Yellow Sea", "near Wonsan", "in the Demilitarized Zone", "off the Japanese coast", "near Yeonpyeong Island",
		"from Pyongyang", "at the Sohae launch site", "near the Northern Limit Line", "in waters off Jeju"}
	closers = []string{"officials said", "according to the military", "state media reported", "a spokesperson said",
		"the ministry said in a statement", "Yonhap reported", "the agency said", "diplomats said"}
	details = []string{"The missile flew about %d kilometers before landing outside Japan's exclusive economic zone.",
		"It was the %dth launch this year.", "About %d aircraft took part in the drills.",
		"The exercise will run for %d days.", "Officials said %d balloons had crossed the border overnight.",
		"The statement ran to %d words and warned of \"overwhelming\" countermeasures.",
		"Seoul said it would strengthen surveillance with %d additional units."}
	korean = []string{"북한은 오늘 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다.",
		"한미 연합훈련이 %d일간 진행될 예정이다.", "통일부는 북한의 도발을 강하게 규탄했다.",
		"김여정 부부장은 담화를 발표하고 한국을 비난했다.", "일본 방위성은 미사일이 배타적경제수역 밖에 떨어졌다고 밝혔다.",
		"국가정보원은 북한이 추가 도발을 준비하고 있다고 보고했다."}
	feeds = []string{"yonhap", "kcna-watch", "nk-news", "korea-herald", "japan-times", "reuters-asia", "yonhap-ko", "38north"}
)

// sentence draws one sentence; low indexes are drawn more often.
func sentence(r *rand.Rand) string {
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf(details[skewed(r, len(details))], 2+r.IntN(900))
	case 1:
		k := korean[skewed(r, len(korean))]
		if strings.Contains(k, "%d") {
			k = fmt.Sprintf(k, 2+r.IntN(10))
		}
		return k
	}
	return fmt.Sprintf("%s %s %s %s, %s.", actors[skewed(r, len(actors))], verbs[skewed(r, len(verbs))],
		objects[skewed(r, len(objects))], places[skewed(r, len(places))], closers[r.IntN(len(closers))])
}

// skewed picks an index in [0, n), favouring small ones (roughly Zipf).
func skewed(r *rand.Rand, n int) int {
	f := r.Float64()
	return int(f * f * float64(n))
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// Corpus yields n generated items with their stories: about three items per
// story, published over the two years before BenchNow, newest last. The
// same seed yields the same corpus.
func Corpus(n int, seed uint64) func(yield func(model.Item, model.Story) bool) {
	return func(yield func(model.Item, model.Story) bool) {
		r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		span := 2 * 365 * 24 * time.Hour
		start := BenchNow.Add(-span)
		step := span / time.Duration(max(n, 1))
		var story model.Story
		for i := range n {
			published := start.Add(time.Duration(i)*step + time.Duration(r.Int64N(int64(step)+1)))
			topics := []string{BenchTopics[skewed(r, len(BenchTopics))]}
			if extra := BenchTopics[r.IntN(len(BenchTopics))]; r.IntN(2) == 0 && extra != topics[0] {
				topics = append(topics, extra)
			}
			feed := feeds[r.IntN(len(feeds))]
			title := capitalize(strings.TrimSuffix(sentence(r), "."))
			sentences := make([]string, 3+r.IntN(5))
			for j := range sentences {
				sentences[j] = sentence(r)
			}
			it := model.Item{
				Key:       fmt.Sprintf("guid:%s:%d", feed, i),
				Feed:      feed,
				GUID:      strconv.Itoa(i),
				Link:      fmt.Sprintf("https://%s.example/article/%d", feed, i),
				Title:     title,
				Text:      strings.Join(sentences, " "),
				Author:    "Desk",
				Lang:      "en",
				Published: published,
				FirstSeen: published.Add(time.Minute),
				Summary:   sentences[:2],
				Topics:    topics,
				EventDate: published.Add(-time.Duration(r.IntN(48)) * time.Hour),
			}
			if i%3 == 0 || story.ID == "" {
				story = model.Story{ID: fmt.Sprintf("story-%d", i), Title: title, Link: it.Link,
					FirstSeen: published, EventDate: it.EventDate}
			}
			story.Updated = published
			story.Sources = append(story.Sources[:len(story.Sources):len(story.Sources)],
				model.Source{Feed: feed, Title: title, Link: it.Link, Published: published})
			story.Topics = mergeTopics(story.Topics, topics)
			it.StoryID = story.ID
			if !yield(it, story) {
				return
			}
		}
	}
}

func mergeTopics(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, t := range b {
		if !contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
