//go:build unix

package pipeline_test

import (
	"syscall"
	"time"
)

// processCPU is the user and system CPU time the process has used, so a
// benchmark on a busy machine can report the work per operation rather
// than the wall time it waited for a core.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
