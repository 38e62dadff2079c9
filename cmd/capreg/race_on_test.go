//go:build race

package main

// raceEnabled: the race detector multiplies memory, so peak-RSS limits are
// checked by the run without it (make test runs both).
const raceEnabled = true
