//go:build !unix

package stories

import "time"

func processCPU() (time.Duration, bool) { return 0, false }
