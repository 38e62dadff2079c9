package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/capreg/capreg/pkg/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"capreg": func() { os.Exit(cli.Main(os.Args[1:], cli.System())) },
	})
}

// The end-to-end scripts run the capreg binary (this test binary, entered
// through main's path) on real workbooks and check stdout, stderr, exit
// codes and files written. REPO points at the repository for its testdata.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repo)
			// Under -race a binary that exits 0 waits a second for the race
			// runtime's reports (atexit_sleep_ms, default 1000): a second per
			// successful command of every script. Races are still reported.
			env.Setenv("GORACE", "atexit_sleep_ms=0")
			return nil
		},
		Cmds: scriptCmds,
		Condition: func(cond string) (bool, error) {
			if path, ok := strings.CutPrefix(cond, "exists:"); ok { // [exists:/dev/full]
				_, err := os.Stat(path)
				return err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}
