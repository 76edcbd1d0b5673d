package backend

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"wirewatch/model"
)

// Bounds of a stored decision record: the pipeline writes it, but the
// names in it come from the config and the links from feeds.
const (
	maxDecisionRoutes = 32
	maxDecisionMerged = 16
	maxDecisionText   = 512 // bytes of any one string
)

// EncodeDecision is a decision record's stored form, capped.
func EncodeDecision(d model.Decision) (string, error) {
	d.Story, d.StoryID, d.CopyOf, d.Unposted = capText(d.Story), capText(d.StoryID), capText(d.CopyOf), capText(d.Unposted)
	if len(d.Merged) > maxDecisionMerged {
		d.Merged = d.Merged[:maxDecisionMerged]
	}
	for i := range d.Merged {
		d.Merged[i] = capText(d.Merged[i])
	}
	if len(d.Routes) > maxDecisionRoutes {
		d.Routes = d.Routes[:maxDecisionRoutes]
	}
	routes := make([]model.RouteDecision, len(d.Routes))
	for i, r := range d.Routes {
		r.Channel, r.Rule, r.Outcome, r.Post, r.Of, r.Topic, r.Cap = capText(r.Channel), capText(r.Rule),
			capText(r.Outcome), capText(r.Post), capText(r.Of), capText(r.Topic), capText(r.Cap)
		routes[i] = r
	}
	d.Routes = routes
	b, err := json.Marshal(d)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// DecodeDecision reads a stored decision record.
func DecodeDecision(s string) (model.Decision, error) {
	var d model.Decision
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		return d, fmt.Errorf("decision record: %w", err)
	}
	return d, nil
}

// capText cuts s to maxDecisionText bytes on a rune boundary.
func capText(s string) string {
	if len(s) <= maxDecisionText {
		return s
	}
	cut := maxDecisionText
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}
