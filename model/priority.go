package model

// Priority orders a channel's pending posts: a higher priority goes first,
// and posts of equal priority go in the order they were written. The zero
// value is the lowest, so a post written without one never overtakes an
// alert.
type Priority int

// Priorities, in increasing order.
const (
	PriorityLow    Priority = 0 // digests and edits of earlier alerts
	PriorityInfo   Priority = 1 // info alerts
	PriorityAlert  Priority = 2 // alert-severity alerts and operational notices
	PriorityUrgent Priority = 3 // urgent alerts
)

// PriorityOf is the delivery priority of a post of a kind caused by a rule
// of a severity: new alerts rank by severity (an unknown one as alert),
// notices as alerts, folds of a flood's overflow as info, and updates and
// digests last. An update needs no rank
// of its own to follow its original: the outbox never sends an update
// before the post it edits.
func PriorityOf(kind PostKind, sev Severity) Priority {
	switch kind {
	case PostAlert:
		switch sev {
		case SeverityUrgent:
			return PriorityUrgent
		case SeverityInfo:
			return PriorityInfo
		}
		return PriorityAlert
	case PostNotice:
		return PriorityAlert
	case PostFold:
		return PriorityInfo // a flood's overflow goes after every alert
	}
	return PriorityLow
}
