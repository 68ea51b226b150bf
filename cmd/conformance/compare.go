package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Run is what one interpreter did with one program.
type Run struct {
	Stdout, Stderr string
	Exit           int // exit status; 128+n when killed by signal n
	TimedOut       bool
	Elapsed        time.Duration
}

// Status is a program's verdict.
type Status string

const (
	Pass Status = "pass"
	Fail Status = "fail"
	Skip Status = "skip"
)

// Verdict says how gilpy's run compares with CPython's.
type Verdict struct {
	Status Status `json:"status"`
	// Reason is why a program was skipped, or the kind of failure:
	// "timeout", "panic", "SystemError", "exit" (status differs) or
	// "output" (same status, other stdout).
	Reason string `json:"reason,omitempty"`
	// Line is the first stdout line (from 1) that differs; 0 when stdout
	// is equal and only the exit status differs.
	Line int    `json:"line,omitempty"`
	Want string `json:"want,omitempty"`
	Got  string `json:"got,omitempty"`
	// Error is the last line gilpy wrote to stderr, when it failed with a
	// non-zero status (usually the exception it died of).
	Error string `json:"error,omitempty"`
	// Nondeterministic is set when CPython's own runs disagreed; gilpy
	// passes if it matches any of them.
	Nondeterministic bool `json:"nondeterministic,omitempty"`
}

// Judge compares gilpy's run with one or more CPython runs of the same
// program, following MicroPython's tests/run-tests.py where it applies:
// a program whose CPython output is exactly "SKIP\n" asked to be skipped
// (it lacks something it tests), and a program CPython cannot run (non-zero
// status, which run-tests.py reports as "CPYTHON3 CRASH" and only .exp
// files rescue) or does not finish is MicroPython-specific: both are
// skipped, since CPython gives no reference output for them.
//
// With keepErrors, a program CPython ends with an uncaught exception is
// compared instead (documentation examples do that on purpose): gilpy must
// then also end with the same last stderr line, the exception and its
// message.
func Judge(cpy []Run, gil Run, keepErrors bool) Verdict {
	ref := cpy[0]
	switch {
	case ref.TimedOut:
		return Verdict{Status: Skip, Reason: "CPython timed out"}
	case ref.Stdout == "SKIP\n":
		return Verdict{Status: Skip, Reason: "CPython prints SKIP"}
	case ref.Exit != 0 && !keepErrors:
		return Verdict{Status: Skip, Reason: fmt.Sprintf("CPython exits %d: %s", ref.Exit, lastLine(ref.Stderr))}
	}
	v := Verdict{Status: Fail}
	for _, c := range cpy[1:] {
		if c.Stdout != ref.Stdout || c.Exit != ref.Exit {
			v.Nondeterministic = true
		}
	}
	for _, c := range cpy {
		if !gil.TimedOut && gil.Stdout == c.Stdout && gil.Exit == c.Exit &&
			(c.Exit == 0 || lastLine(gil.Stderr) == lastLine(c.Stderr)) {
			v.Status = Pass
			return v
		}
	}
	v.Reason = failureKind(gil, ref)
	if gil.Exit != 0 || gil.TimedOut {
		v.Error = lastLine(gil.Stderr)
	}
	if line, want, got, ok := FirstDiff(ref.Stdout, gil.Stdout); ok {
		v.Line, v.Want, v.Got = line, want, got
	} else if gil.Exit != ref.Exit {
		v.Want, v.Got = fmt.Sprintf("exit %d", ref.Exit), fmt.Sprintf("exit %d", gil.Exit)
	} else {
		v.Reason = "error"
		v.Want, v.Got = lastLine(ref.Stderr), lastLine(gil.Stderr)
	}
	return v
}

// failureKind names what went wrong in a failed gilpy run, most severe
// first ("error": same stdout and status, another exception).
func failureKind(gil, ref Run) string {
	switch {
	case gil.TimedOut:
		return "timeout"
	case isGoCrash(gil.Stderr):
		return "panic"
	case strings.HasPrefix(lastLine(gil.Stderr), "SystemError"):
		return "SystemError"
	case gil.Exit != ref.Exit:
		return "exit"
	}
	return "output"
}

// isGoCrash reports whether stderr holds a Go runtime crash (a panic or
// a fatal error such as a stack overflow) rather than a Python traceback.
func isGoCrash(stderr string) bool {
	return strings.Contains(stderr, "goroutine ") &&
		(strings.Contains(stderr, "panic: ") || strings.Contains(stderr, "fatal error: "))
}

// FirstDiff finds the first line where got differs from want. It returns
// that line's number (from 1) and both sides, "<EOF>" for a side that has
// ended; ok is false when the texts are equal. A missing final newline
// counts as a difference on the last line.
func FirstDiff(want, got string) (line int, w, g string, ok bool) {
	if want == got {
		return 0, "", "", false
	}
	ws, gs := splitLines(want), splitLines(got)
	for i := 0; ; i++ {
		w, g = "<EOF>", "<EOF>"
		if i < len(ws) {
			w = ws[i]
		}
		if i < len(gs) {
			g = gs[i]
		}
		if w != g {
			return i + 1, clip(w), clip(g), true
		}
	}
}

// splitLines splits text into lines, keeping a final line without a
// newline distinguishable ("x" vs "x\n") by marking it.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	if lines[len(lines)-1] == "" {
		return lines[:len(lines)-1]
	}
	lines[len(lines)-1] += "<no newline>"
	return lines
}

// lastLine is the last non-blank line of s.
func lastLine(s string) string {
	s = strings.TrimRight(s, "\n ")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return clip(s)
}

// clip shortens a line for a one-line report.
func clip(s string) string {
	const max = 160
	if len(s) > max {
		return s[:max] + "…"
	}
	return s
}

// Masks are the parts of stdout that a program says vary from run to run
// (times, pids, addresses), from "# conformance: mask REGEX" comments at
// its top; Sort is scripttest's "# test: sort-stdout" (lines in any order).
type Masks struct {
	Res  []*regexp.Regexp
	Sort bool
}

// ParseMasks reads the "# conformance: mask" comments of the comment
// block a program starts with.
func ParseMasks(src string) (Masks, error) {
	var m Masks
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "#") {
			break
		}
		if re, ok := strings.CutPrefix(line, "# conformance: mask "); ok {
			r, err := regexp.Compile(re)
			if err != nil {
				return m, err
			}
			m.Res = append(m.Res, r)
		}
	}
	return m, nil
}

// Apply replaces each mask's matches in stdout by "<*>", then sorts the
// lines if asked.
func (m Masks) Apply(stdout string) string {
	for _, re := range m.Res {
		stdout = re.ReplaceAllString(stdout, "<*>")
	}
	if m.Sort && stdout != "" {
		lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
		sort.Strings(lines)
		stdout = strings.Join(lines, "\n") + "\n"
	}
	return stdout
}
