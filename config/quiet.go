package config

import "time"

// Active tells whether t falls within the quiet hours. Hours that cross
// midnight ("23:00-07:00") wrap; equal start and end mean none.
func (q *QuietHours) Active(t time.Time) bool {
	if q == nil || q.Start == q.End {
		return false
	}
	local := t.In(q.location())
	m := local.Hour()*60 + local.Minute()
	if q.Start < q.End {
		return m >= q.Start && m < q.End
	}
	return m >= q.Start || m < q.End
}

// EndsAt returns when the quiet hours that contain t end; t itself when they
// are not active. Alerts held back are released then.
func (q *QuietHours) EndsAt(t time.Time) time.Time {
	if !q.Active(t) {
		return t
	}
	local := t.In(q.location())
	end := time.Date(local.Year(), local.Month(), local.Day(), q.End/60, q.End%60, 0, 0, local.Location())
	if !end.After(local) {
		end = time.Date(local.Year(), local.Month(), local.Day()+1, q.End/60, q.End%60, 0, 0, local.Location())
	}
	return end
}

func (q *QuietHours) location() *time.Location {
	if q.Location == nil {
		return time.UTC
	}
	return q.Location
}
