// Command conformance runs folders of Python test programs under gilpy and
// under the real CPython 3.11 and reports, per folder, how many give
// CPython's output. It is meant for outside test suites such as
// MicroPython's tests/basics, tests/float, tests/thread and
// tests/extmod/asyncio_* (which MicroPython's own runner also checks
// against CPython), fetched outside the repository:
//
//	go run ./cmd/conformance -gilpy /tmp/gilpy mp/tests/basics mp/tests/float \
//		mp/tests/thread 'mp/tests/extmod/asyncio_*.py'
//
// Each argument is a group in the report: a folder (its .py files), a
// quoted glob, or single files (grouped by their folder). Both interpreters
// run each program in the fixed environment of gilpy's script tests
// (cmd/internal/scripttest), with the same flags (-S by default, as
// MicroPython's runner gives CPython), in the program's folder, with a
// timeout after which the whole process group is killed.
//
// A program passes when gilpy's stdout and exit status equal CPython's.
// CPython runs each program twice (-cpython-runs): when its runs disagree
// the program is marked nondeterministic and gilpy may match either.
// Programs CPython cannot run are skipped, following MicroPython's
// tests/run-tests.py: those that print exactly "SKIP" (a feature they test
// is missing), those CPython fails (non-zero status: MicroPython-specific
// behaviour, which run-tests.py only accepts through a .exp file) and those
// CPython does not finish. A program with a .exp file is still compared
// with CPython, and its report says so ("has .exp": MicroPython expects
// another output than CPython's there).
//
// -skip-list names a file of programs not to run at all, one a line: a
// path suffix such as basics/memoryerror.py, then the reason ('#' starts a
// comment line). scripts/conformance/skip.txt is the list for MicroPython's
// tests.
//
// Programs written for this tool (such as the examples from CPython's
// documentation) may start with comments that say what varies between
// runs: "# conformance: mask REGEX" replaces the matches in both stdouts
// by "<*>" before comparing (times, pids, addresses), and scripttest's
// "# test: sort-stdout" compares the lines in any order.
//
// -compare-errors compares the programs CPython ends with an uncaught
// exception instead of skipping them (for examples that fail on purpose):
// gilpy must then print the same last stderr line too.
//
// The report lists per group the totals, the pass rate over the programs
// CPython runs, and each failure with its kind (timeout, panic,
// SystemError, exit, output), the first differing stdout line and gilpy's
// last stderr line. -json prints the same as JSON; -v lists skips too.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"gilpy/cmd/internal/scripttest"
)

// Result is one program's outcome.
type Result struct {
	Test string `json:"test"`
	Verdict
	HasExp    bool    `json:"has_exp,omitempty"`
	GilpySecs float64 `json:"gilpy_secs"`
	CPySecs   float64 `json:"cpython_secs"`
}

// Group is one argument's programs and their outcomes.
type Group struct {
	Name    string   `json:"name"`
	Total   int      `json:"total"`
	Pass    int      `json:"pass"`
	Fail    int      `json:"fail"`
	Skipped int      `json:"skipped"`
	Results []Result `json:"results"`
	files   []string
}

func main() {
	gilpy := flag.String("gilpy", "gilpy", "the gilpy binary")
	python := flag.String("python", "", "the CPython 3.11 binary (default: $GILPY_CPYTHON, pyenv which python3, python3)")
	flagList := flag.String("flags", "-S", "interpreter flags given to both, space-separated")
	timeout := flag.Duration("timeout", 30*time.Second, "per-program time limit (MicroPython's runner uses 30s)")
	cpyRuns := flag.Int("cpython-runs", 2, "CPython runs per program, to detect nondeterministic output")
	jobs := flag.Int("j", runtime.NumCPU(), "programs run at once")
	asJSON := flag.Bool("json", false, "print the report as JSON")
	verbose := flag.Bool("v", false, "list skipped programs and per-program progress on stderr")
	keepErrors := flag.Bool("compare-errors", false, "compare programs that CPython ends with an exception (stdout, status, last stderr line) instead of skipping them")
	skipList := flag.String("skip-list", "", "file of programs not to run (path suffix, then the reason)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: conformance [flags] folder|glob|file.py ...")
		os.Exit(2)
	}
	py := *python
	if py == "" {
		py = findPython()
	}
	gil, err := filepath.Abs(*gilpy)
	if err != nil {
		fatal(err)
	}
	if _, err := os.Stat(gil); err != nil {
		if gil, err = exec.LookPath(*gilpy); err != nil {
			fatal(err)
		}
	}
	groups, err := collect(flag.Args())
	if err != nil {
		fatal(err)
	}
	skips, err := readSkipList(*skipList)
	if err != nil {
		fatal(err)
	}
	flags := strings.Fields(*flagList)
	runAll(groups, *jobs, func(path string) Result {
		if reason, ok := listed(skips, path); ok {
			return Result{Test: path, Verdict: Verdict{Status: Skip, Reason: "listed: " + reason}}
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return Result{Test: path, Verdict: Verdict{Status: Skip, Reason: err.Error()}}
		}
		masks, err := ParseMasks(string(src))
		if err != nil {
			return Result{Test: path, Verdict: Verdict{Status: Skip, Reason: "bad mask: " + err.Error()}}
		}
		masks.Sort = scripttest.ParseDirectives(src).SortStdout
		var cpy []Run
		for i := 0; i < max(*cpyRuns, 1); i++ {
			c := runProgram(py, flags, path, *timeout)
			c.Stdout = masks.Apply(c.Stdout)
			cpy = append(cpy, c)
			if cpy[0].TimedOut || cpy[0].Exit != 0 {
				break // skipped anyway
			}
		}
		g := runProgram(gil, flags, path, *timeout)
		g.Stdout = masks.Apply(g.Stdout)
		_, expErr := os.Stat(path + ".exp")
		r := Result{Test: path, Verdict: Judge(cpy, g, *keepErrors), HasExp: expErr == nil,
			GilpySecs: g.Elapsed.Seconds(), CPySecs: cpy[0].Elapsed.Seconds()}
		if *verbose {
			fmt.Fprintf(os.Stderr, "%-5s %s %s\n", r.Status, path, r.Reason)
		}
		return r
	})
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(groups); err != nil {
			fatal(err)
		}
		return
	}
	for _, g := range groups {
		report(g, *verbose)
	}
}

// readSkipList reads a skip list: path suffix and reason per line.
func readSkipList(name string) (map[string]string, error) {
	skips := map[string]string{}
	if name == "" {
		return skips, nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		path, reason, _ := strings.Cut(line, " ")
		skips[filepath.Clean(path)] = strings.TrimSpace(reason)
	}
	return skips, nil
}

// listed reports whether path ends with a skip list entry, and why.
func listed(skips map[string]string, path string) (string, bool) {
	for suffix, reason := range skips {
		if strings.HasSuffix(path, string(filepath.Separator)+suffix) {
			return reason, true
		}
	}
	return "", false
}

// collect turns the arguments into groups of absolute program paths.
func collect(args []string) ([]*Group, error) {
	var groups []*Group
	byDir := map[string]*Group{}
	for _, arg := range args {
		var files []string
		st, err := os.Stat(arg)
		switch {
		case err == nil && st.IsDir():
			files, err = filepath.Glob(filepath.Join(arg, "*.py"))
		case err == nil:
			dir := filepath.Dir(arg)
			if g := byDir[dir]; g != nil {
				g.files = append(g.files, arg)
				continue
			}
			byDir[dir] = &Group{Name: dir, files: []string{arg}}
			groups = append(groups, byDir[dir])
			continue
		case strings.ContainsAny(arg, "*?["):
			files, err = filepath.Glob(arg)
		}
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no .py programs", arg)
		}
		groups = append(groups, &Group{Name: arg, files: files})
	}
	for _, g := range groups {
		sort.Strings(g.files)
		for i, f := range g.files {
			abs, err := filepath.Abs(f)
			if err != nil {
				return nil, err
			}
			g.files[i] = abs
		}
	}
	return groups, nil
}

// runAll runs every group's programs, jobs at a time, and fills in the
// groups' results and counts.
func runAll(groups []*Group, jobs int, run func(path string) Result) {
	type task struct {
		g *Group
		i int
	}
	tasks := make(chan task)
	var wg sync.WaitGroup
	for w := 0; w < max(jobs, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				t.g.Results[t.i] = run(t.g.files[t.i])
			}
		}()
	}
	for _, g := range groups {
		g.Results = make([]Result, len(g.files))
		for i := range g.files {
			tasks <- task{g, i}
		}
	}
	close(tasks)
	wg.Wait()
	for _, g := range groups {
		for i := range g.Results {
			r := &g.Results[i]
			r.Test = relTo(g, r.Test)
			g.Total++
			switch r.Status {
			case Pass:
				g.Pass++
			case Fail:
				g.Fail++
			case Skip:
				g.Skipped++
			}
		}
	}
}

// relTo names a program relative to its group's folder.
func relTo(g *Group, path string) string {
	base := g.Name
	if st, err := os.Stat(base); err != nil || !st.IsDir() {
		base = filepath.Dir(base)
	}
	abs, err := filepath.Abs(base)
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(abs, path); err == nil {
		return rel
	}
	return path
}

// report prints one group as text.
func report(g *Group, verbose bool) {
	run := g.Pass + g.Fail
	rate := 0.0
	if run > 0 {
		rate = 100 * float64(g.Pass) / float64(run)
	}
	fmt.Printf("== %s: %d total, %d pass, %d fail, %d skipped: %.1f%% of the %d programs CPython runs\n",
		g.Name, g.Total, g.Pass, g.Fail, g.Skipped, rate, run)
	for _, r := range g.Results {
		switch {
		case r.Status == Fail:
			fmt.Printf("FAIL %s [%s]%s\n", r.Test, r.Reason, notes(r))
			if r.Line > 0 {
				fmt.Printf("     line %d\n       want %q\n       got  %q\n", r.Line, r.Want, r.Got)
			} else {
				fmt.Printf("     want %s, got %s\n", r.Want, r.Got)
			}
			if r.Error != "" {
				fmt.Printf("     stderr: %s\n", r.Error)
			}
		case r.Status == Skip && verbose:
			fmt.Printf("skip %s: %s\n", r.Test, r.Reason)
		}
	}
}

func notes(r Result) string {
	var n []string
	if r.HasExp {
		n = append(n, "has .exp")
	}
	if r.Nondeterministic {
		n = append(n, "CPython nondeterministic")
	}
	if len(n) == 0 {
		return ""
	}
	return " (" + strings.Join(n, ", ") + ")"
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

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "conformance:", err)
	os.Exit(2)
}
