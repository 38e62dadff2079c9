//go:build race

package main

// raceEnabled: the race detector multiplies memory, so peak-RSS limits are
// checked only without it (make test runs the scripts without it).
const raceEnabled = true
