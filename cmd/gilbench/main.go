// Command gilbench times Python programs under gilpy and under CPython 3.11,
// side by side, and prints how they compare. It is how every performance
// claim in this project is measured.
//
//	go run ./cmd/gilbench                      # the whole suite, scripts/bench/**.py
//	go run ./cmd/gilbench -run sort -n 9       # programs whose name contains "sort"
//	go run ./cmd/gilbench -suite core          # without scripts/bench/concurrency/
//	go run ./cmd/gilbench --json > out.json    # machine-readable
//	go run ./cmd/gilbench my/prog.py           # any program or folder
//
// # Method
//
// gilbench builds gilpy from the repository into a temporary folder (or
// uses -gilpy PATH) and finds the real CPython binary with `pyenv which
// python3` (the pyenv shim on PATH adds ~80 ms to every start), falling
// back to python3 on PATH only where pyenv is absent.
//
// Each program runs under both interpreters in alternation, A B A B: one
// warm-up run of each, whose time is thrown away, then -n timed runs of
// each. These machines have two cores and are shared, so load comes and
// goes; alternating spreads a burst of load over both interpreters instead
// of all the runs of one. The time reported is the median of the timed
// runs' wall-clock times, which ignores the odd run slowed by a neighbour,
// where a mean would not. Ratios are gilpy/CPython (below 1: gilpy is
// faster), and the summary is their geometric mean, the one mean of ratios
// that does not depend on which side is the reference. It counts only the
// programs that ran cleanly with equal output; a second line, when it
// differs, includes the mismatched ones, to follow speed while a
// correctness bug is open. The header shows the load average at the start
// and the end: compare tables only when it was low for both. Both
// interpreters get gilbench's environment without PYTHONUNBUFFERED (which
// these machines set), so that both buffer a piped stdout as by default.
//
// CPU time (user + system, from the same rusage as the peak memory below)
// is shown as a ratio too: on a loaded machine it varies less than wall
// time, but it adds up the work of every thread and child process, so for
// the concurrency programs it says nothing about speed.
//
// Peak memory is the child's maximum resident set size as the kernel
// reports it when the child is reaped (ProcessState.SysUsage, ru_maxrss in
// KiB). It costs nothing, needs no sampling, and is what the machine really
// had to provide: the interpreter's code, its heap, and in gilpy's case the
// heap the Go collector lets grow between collections. For a program that
// starts processes it is the largest of the program and its reaped
// descendants, not their sum. The median over the timed runs is reported.
//
// # Checksums and failures
//
// Every program prints a checksum, and gilbench compares gilpy's stdout
// with CPython's byte for byte (and every run with the first run of the
// same interpreter, to catch a program that is not deterministic).
// Programs that print measured rates, which differ from run to run, carry
// the comment
//
//	# gilbench: check-lines
//
// in their source; for them only the lines starting with "check:" are
// compared, and the table says so. A program that exits with an error or
// runs past -timeout (its whole process group is killed) is reported with
// its exit status and the last lines of its stderr, and the run goes on
// with the next program. Any mismatch or failure makes gilbench exit with
// status 1.
//
// The concurrency benchmarks (scripts/bench/concurrency/) are part of the
// default suite; -suite core leaves them out, -suite concurrency runs only
// them.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// checkMarker in a program's source restricts the output comparison to
// the lines that start with checkPrefix.
const (
	checkMarker = "# gilbench: check-lines"
	checkPrefix = "check:"
)

type config struct {
	runs    int
	run     string
	jsonOut bool
	gilpy   string
	python  string
	timeout time.Duration
	suite   string
	quiet   bool
}

func main() {
	var c config
	flag.IntVar(&c.runs, "n", 5, "timed runs per interpreter and program (after one warm-up run each)")
	flag.StringVar(&c.run, "run", "", "only programs whose name contains this substring")
	flag.BoolVar(&c.jsonOut, "json", false, "print the results as JSON instead of a table")
	flag.StringVar(&c.gilpy, "gilpy", "", "the gilpy binary (default: build it from this repository into a temp dir)")
	flag.StringVar(&c.python, "python", "", "the CPython binary (default: `pyenv which python3`, else python3 on PATH)")
	flag.DurationVar(&c.timeout, "timeout", 120*time.Second, "per-run time limit; the run's process group is killed after it")
	flag.StringVar(&c.suite, "suite", "all", "with no program arguments: all, core (scripts/bench) or concurrency (scripts/bench/concurrency)")
	flag.BoolVar(&c.quiet, "q", false, "no progress lines on stderr")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: gilbench [flags] [program.py | folder]...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if c.runs < 1 {
		fatalf("-n must be at least 1")
	}
	os.Exit(run(c, flag.Args()))
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gilbench: "+format+"\n", args...)
	os.Exit(2)
}

func run(c config, args []string) int {
	root, err := repoRoot()
	if err != nil && (c.gilpy == "" || len(args) == 0) {
		fatalf("%v (run gilbench inside the gilpy repository, or give -gilpy and programs)", err)
	}
	progs, err := findPrograms(root, args, c.suite)
	if err != nil {
		fatalf("%v", err)
	}
	progs = filterPrograms(progs, c.run)
	if len(progs) == 0 {
		fatalf("no programs to run")
	}

	python := c.python
	if python == "" {
		if python, err = findPython(); err != nil {
			fatalf("%v", err)
		}
	}
	if python, err = resolveBinary(python); err != nil {
		fatalf("%v", err)
	}
	pyVersion := commandOutput(python, "-c", "import sys; print(sys.version.split()[0])")
	if pyVersion == "" {
		fatalf("%s does not run", python)
	}

	gilpy, tmp := c.gilpy, ""
	if gilpy == "" {
		if tmp, err = os.MkdirTemp("", "gilbench-"); err != nil {
			fatalf("%v", err)
		}
		defer os.RemoveAll(tmp)
		gilpy = filepath.Join(tmp, "gilpy")
	}
	if gilpy, err = resolveBinary(gilpy); err != nil && tmp == "" {
		fatalf("%v", err)
	}
	killOnInterrupt(func() {
		if tmp != "" {
			os.RemoveAll(tmp)
		}
	})
	if tmp != "" {
		c.logf("building gilpy into %s", gilpy)
		build := exec.Command("go", "build", "-o", gilpy, "./cmd/gilpy")
		build.Dir, build.Stdout, build.Stderr = root, os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			os.RemoveAll(tmp)
			fatalf("building gilpy: %v", err)
		}
	}

	rep := report{
		Started:     time.Now().Format(time.RFC3339),
		Cores:       runtime.NumCPU(),
		LoadStart:   loadAverage(),
		Runs:        c.runs,
		Gilpy:       gilpy,
		GilpyCommit: gitDescribe(root),
		Python:      python,
		PyVersion:   pyVersion,
	}
	for i, p := range progs {
		c.logf("[%d/%d] %s", i+1, len(progs), p.Name)
		r := benchProgram(c, p, gilpy, python)
		rep.Programs = append(rep.Programs, r)
		c.logf("        %s", progressLine(r))
	}
	rep.LoadEnd = loadAverage()
	rep.summarize()

	if c.jsonOut {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fatalf("%v", err)
		}
	} else {
		writeTable(os.Stdout, &rep)
	}
	if rep.Bad > 0 {
		return 1
	}
	return 0
}

func (c config) logf(format string, args ...any) {
	if !c.quiet {
		fmt.Fprintf(os.Stderr, format+"\n", args...)
	}
}

// program is one benchmark: a Python file and how to compare its output.
type program struct {
	Name       string // path relative to the suite folder, without ".py"
	Path       string
	CheckLines bool // compare only the "check:" lines of stdout
}

// repoRoot is the folder holding the go.mod of module gilpy, found
// upwards from the working directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil &&
			strings.HasPrefix(strings.TrimSpace(string(b)), "module gilpy") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod of module gilpy above the working directory")
		}
		dir = parent
	}
}

// findPrograms lists the programs named on the command line (files or
// folders, searched recursively), or the suite's when there are none.
func findPrograms(root string, args []string, suite string) ([]program, error) {
	type source struct{ path, base string }
	var sources []source
	if len(args) == 0 {
		bench := filepath.Join(root, "scripts", "bench")
		switch suite {
		case "all", "core":
			sources = append(sources, source{bench, bench})
		case "concurrency":
			sources = append(sources, source{filepath.Join(bench, "concurrency"), bench})
		default:
			return nil, fmt.Errorf("-suite %q: want all, core or concurrency", suite)
		}
	}
	for _, a := range args {
		sources = append(sources, source{a, filepath.Dir(filepath.Clean(a))})
	}
	var progs []program
	for _, s := range sources {
		err := filepath.WalkDir(s.path, func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() {
				if len(args) == 0 && suite == "core" && e.Name() == "concurrency" {
					return filepath.SkipDir
				}
				if p != s.path && (strings.HasPrefix(e.Name(), "_") || strings.HasPrefix(e.Name(), ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(p, ".py") || strings.HasPrefix(e.Name(), "_") {
				return nil
			}
			rel, err := filepath.Rel(s.base, p)
			if err != nil {
				rel = p
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			progs = append(progs, program{
				Name:       filepath.ToSlash(strings.TrimSuffix(rel, ".py")),
				Path:       p,
				CheckLines: hasCheckMarker(src),
			})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.SliceStable(progs, func(i, j int) bool { return progs[i].Name < progs[j].Name })
	return progs, nil
}

// hasCheckMarker reports whether the source has the check-lines comment
// on a line of its own.
func hasCheckMarker(src []byte) bool {
	for _, line := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(line) == checkMarker {
			return true
		}
	}
	return false
}

func filterPrograms(progs []program, pattern string) []program {
	if pattern == "" {
		return progs
	}
	var out []program
	for _, p := range progs {
		if strings.Contains(p.Name, pattern) {
			out = append(out, p)
		}
	}
	return out
}

// findPython returns the real CPython binary: `pyenv which python3` when
// pyenv is installed, else python3 on PATH, but never a pyenv shim.
func findPython() (string, error) {
	if _, err := exec.LookPath("pyenv"); err == nil {
		if p := commandOutput("pyenv", "which", "python3"); p != "" {
			return p, nil
		}
		return "", errors.New("pyenv is installed but `pyenv which python3` failed; give -python PATH")
	}
	p, err := exec.LookPath("python3")
	if err != nil {
		return "", errors.New("no python3 on PATH; give -python PATH")
	}
	if strings.Contains(p, "/shims/") {
		return "", fmt.Errorf("%s is a shim, not the real interpreter; give -python PATH", p)
	}
	return p, nil
}

// resolveBinary makes an interpreter's path absolute, because the
// programs run in their own folders: a bare name is looked up on PATH.
func resolveBinary(name string) (string, error) {
	if !strings.Contains(name, "/") {
		return exec.LookPath(name)
	}
	return filepath.Abs(name)
}

// commandOutput runs a short command and returns its trimmed stdout, or
// "" when it fails.
func commandOutput(name string, args ...string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// gitDescribe is the repository's commit, "+dirty" when the work tree has
// changes, or "" outside git.
func gitDescribe(root string) string {
	if root == "" {
		return ""
	}
	commit := commandOutput("git", "-C", root, "rev-parse", "--short", "HEAD")
	if commit != "" && commandOutput("git", "-C", root, "status", "--porcelain", "--untracked-files=no") != "" {
		commit += "+dirty"
	}
	return commit
}

// loadAverage is the first three fields of /proc/loadavg, or "?".
func loadAverage() string {
	f, err := os.Open("/proc/loadavg")
	if err != nil {
		return "?"
	}
	defer f.Close()
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil && err != io.EOF {
		return "?"
	}
	fields := strings.Fields(line)
	if len(fields) < 3 {
		return "?"
	}
	return strings.Join(fields[:3], " ")
}
