package rules

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"wirewatch/config"
	"wirewatch/model"
)

// compiler holds what the rules of one config share: interned leaves and
// the compiled topics.
type compiler struct {
	leaves  []leaf
	leafIdx map[string]int32
	topics  map[string][]leaf // by lower-cased name: its aliases, tokenized once, not yet scoped
}

// leafNode returns a node for l, sharing an identical leaf if one exists.
func (c *compiler) leafNode(l *leaf, off int) *node {
	k := l.key()
	id, ok := c.leafIdx[k]
	if !ok {
		id = int32(len(c.leaves))
		c.leaves = append(c.leaves, *l)
		c.leafIdx[k] = id
	}
	c.leaves[id].topic = c.leaves[id].topic || l.topic
	return &node{kind: nodeLeaf, leaf: id, off: off}
}

// topicNode is an OR of a topic's aliases, within the field scope mask.
func (c *compiler) topicNode(aliases []leaf, mask fieldMask, off int) *node {
	if len(aliases) == 0 {
		return &node{kind: nodeNever, off: off}
	}
	kids := make([]*node, len(aliases))
	for i, a := range aliases {
		a.mask = mask
		kids[i] = c.leafNode(&a, off)
	}
	if len(kids) == 1 {
		return kids[0]
	}
	return &node{kind: nodeOr, kids: kids, off: off}
}

// suggestTopic names the closest known topic, for typos, else lists them.
func (c *compiler) suggestTopic(name string) string {
	names := slices.Sorted(maps.Keys(c.topics))
	if best := config.Suggest(strings.ToLower(name), names); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	if len(names) == 0 {
		return ": no topics are defined"
	}
	return fmt.Sprintf(": known topics are %s", strings.Join(names, ", "))
}

// Compile compiles the topics and every rule of cfg into an Engine. Its
// error is a config.Errors that lists every mistake of every rule, each at
// file:line:col inside the rule's query.
func Compile(cfg *config.Config) (*Engine, error) {
	c := &compiler{leafIdx: make(map[string]int32), topics: make(map[string][]leaf)}
	var errs config.Errors
	for _, t := range cfg.Topics {
		var def []leaf
		aliases := t.Aliases
		if len(aliases) == 0 && t.Title != "" {
			aliases = []string{t.Title}
		}
		for _, a := range aliases {
			toks, qe := queryTokens(a, 0)
			if qe != nil {
				errs = append(errs, config.Error{Pos: t.Pos, Msg: fmt.Sprintf("topic %q: alias %q: %s", t.Name, a, qe.msg)})
				continue
			}
			def = append(def, leaf{toks: toks, label: strings.Join(strings.Fields(a), " "), topic: true})
		}
		if len(aliases) == 0 {
			errs = append(errs, config.Error{Pos: t.Pos, Msg: fmt.Sprintf("topic %q has no aliases", t.Name)})
		}
		c.topics[strings.ToLower(t.Name)] = def
	}

	e := &Engine{nTopics: len(cfg.Topics)}
	for _, t := range cfg.Topics {
		root := c.topicNode(c.topics[strings.ToLower(t.Name)], defaultMask, 0)
		e.targets = append(e.targets, target{name: t.Name, root: root})
	}
	for _, r := range cfg.Rules {
		root, qerrs := c.parseQuery(r.Query)
		for _, qe := range qerrs {
			errs = append(errs, config.Error{Pos: r.QueryPosAt(qe.off), Msg: fmt.Sprintf("rule %q: %s", r.Name, qe.msg)})
		}
		sev := model.Severity(cmp.Or(r.Severity, config.DefaultSeverity))
		if sev.Rank() < 0 {
			errs = append(errs, config.Error{Pos: r.Pos, Msg: fmt.Sprintf("rule %q: unknown severity %q: expected info, alert or urgent", r.Name, r.Severity)})
		}
		if root == nil {
			continue
		}
		// Matches share these (see Match): copies, so that the config's
		// own cannot change under them.
		t := target{name: r.Name, root: root, severity: sev, channels: slices.Clip(slices.Clone(r.Channels))}
		if sev == model.SeverityUrgent {
			t.mentions = slices.Clip(slices.Clone(r.Mentions))
		}
		e.targets = append(e.targets, t)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	e.leaves = c.leaves
	e.buildIndex()
	return e, nil
}
