//go:build !unix

package pipeline_test

import "time"

func processCPU() (time.Duration, bool) { return 0, false }
