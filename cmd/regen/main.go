// Command regen records the expected output of gilpy's test programs by
// running them under the real CPython 3.11 (never under gilpy):
//
//	go run ./cmd/regen scripts/tests/core         # a folder
//	go run ./cmd/regen scripts/tests/core/ints.py # one program
//
// The interpreter is $GILPY_CPYTHON, else `pyenv which python3`, else
// python3 on PATH. It must report version 3.11.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"gilpy/cmd/internal/scripttest"
)

func main() {
	python := flag.String("python", "", "the CPython 3.11 binary (default: $GILPY_CPYTHON, pyenv which python3, python3)")
	flag.Parse()
	py := *python
	if py == "" {
		py = findPython()
	}
	out, err := exec.Command(py, "-c", "import sys; print(sys.version_info[:2])").Output()
	if err != nil || strings.TrimSpace(string(out)) != "(3, 11)" {
		fmt.Fprintf(os.Stderr, "regen: %s is not CPython 3.11 (%v %s)\n", py, err, out)
		os.Exit(2)
	}
	roots := flag.Args()
	if len(roots) == 0 {
		roots = []string{"scripts"}
	}
	progs, err := scripttest.Programs(roots)
	if err != nil {
		fmt.Fprintln(os.Stderr, "regen:", err)
		os.Exit(2)
	}
	failed := false
	for _, p := range progs {
		r, _, err := scripttest.Run(py, p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "regen: %s: %v\n", p, err)
			failed = true
			continue
		}
		if err := scripttest.Write(p, r); err != nil {
			fmt.Fprintf(os.Stderr, "regen: %s: %v\n", p, err)
			failed = true
			continue
		}
		fmt.Printf("%-60s exit=%d stdout=%dB stderr=%dB\n", p, r.Exit, len(r.Stdout), len(r.Stderr))
	}
	if failed {
		os.Exit(1)
	}
}

func findPython() string {
	if p := os.Getenv("GILPY_CPYTHON"); p != "" {
		return p
	}
	if out, err := exec.Command("pyenv", "which", "python3").Output(); err == nil {
		return strings.TrimSpace(string(out))
	}
	return "python3"
}
