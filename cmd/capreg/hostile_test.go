package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/generate"
)

// scriptCmds are the test scripts' own commands.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"junkxlsx":  junkXLSX,
	"peakrss":   peakRSS,
	"jsonlines": jsonLines,
	"xlsxrows":  xlsxRows,
	"exitcode":  exitCode,
}

// junkXLSX FILE SHEET ROWS writes the example operator with SHEET replaced by
// ROWS rows of junk (streamed, as a hostile file would be).
func junkXLSX(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: junkxlsx FILE SHEET ROWS")
	}
	rows, err := strconv.Atoi(args[2])
	ts.Check(err)
	f, _, err := generate.NewExample(1).Workbook(context.Background(), generate.WorkbookOptions{})
	ts.Check(err)
	defer f.Close()
	ts.Check(f.DeleteSheet(args[1]))
	_, err = f.NewSheet(args[1])
	ts.Check(err)
	sw, err := f.NewStreamWriter(args[1])
	ts.Check(err)
	ts.Check(sw.SetRow("A1", []any{"id_aviso", "valor"}))
	for i := 2; i <= rows; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		ts.Check(sw.SetRow(cell, []any{fmt.Sprintf("lixo%d", i), "não é número " + strconv.Itoa(i)}))
	}
	ts.Check(sw.Flush())
	ts.Check(f.SaveAs(ts.MkAbs(args[0])))
}

// peakRSS MB CMD ARGS... runs a command and fails when its peak resident
// memory exceeds MB megabytes; the command's exit status is not checked.
func peakRSS(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: peakrss MB CMD ARGS...")
	}
	limit, err := strconv.Atoi(args[0])
	ts.Check(err)
	cmd := exec.Command(args[1], args[2:]...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = append(os.Environ(), "PATH="+ts.Getenv("PATH"))
	_ = cmd.Run()
	if cmd.ProcessState == nil {
		ts.Fatalf("%s did not run", args[1])
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss / 1024 // KiB → MiB on Linux
	ts.Logf("%s: peak RSS %d MB (limit %d MB)", args[1], rss, limit)
	if raceEnabled {
		ts.Logf("race detector on: limit not checked in this run")
		return
	}
	if (rss > int64(limit)) != neg {
		ts.Fatalf("peak RSS %d MB, limit %d MB", rss, limit)
	}
}
