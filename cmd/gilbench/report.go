package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// report is everything gilbench measured; --json prints it as it is.
type report struct {
	Started     string       `json:"started"`
	Cores       int          `json:"cores"`
	LoadStart   string       `json:"loadavg_start"`
	LoadEnd     string       `json:"loadavg_end"`
	Runs        int          `json:"timed_runs"`
	Gilpy       string       `json:"gilpy"`
	GilpyCommit string       `json:"gilpy_commit"`
	Python      string       `json:"python"`
	PyVersion   string       `json:"python_version"`
	Programs    []progResult `json:"programs"`
	GeomeanTime float64      `json:"geomean_time_ratio"`   // over the programs with status ok
	GeomeanMem  float64      `json:"geomean_memory_ratio"` // over the same programs
	GeomeanCPU  float64      `json:"geomean_cpu_ratio"`    // over the same programs
	Counted     int          `json:"geomean_programs"`
	// The same means over every program with both times, mismatches
	// included: a speed trend while a correctness bug is open.
	GeomeanTimeTimed float64 `json:"geomean_time_ratio_all_timed"`
	GeomeanMemTimed  float64 `json:"geomean_memory_ratio_all_timed"`
	CountedTimed     int     `json:"geomean_all_timed_programs"`
	Bad              int     `json:"problems"` // failures, mismatches, unstable outputs
}

// progResult is one program's comparison.
type progResult struct {
	Name       string     `json:"name"`
	Path       string     `json:"path"`
	CheckLines bool       `json:"check_lines_only"`
	Status     string     `json:"status"` // "ok", "MISMATCH", "UNSTABLE", "FAIL"
	Detail     string     `json:"detail,omitempty"`
	Gilpy      sideResult `json:"gilpy"`
	CPython    sideResult `json:"cpython"`
	TimeRatio  float64    `json:"time_ratio"`   // gilpy/CPython median wall time; 0 if unknown
	MemRatio   float64    `json:"memory_ratio"` // gilpy/CPython median max RSS; 0 if unknown
	CPURatio   float64    `json:"cpu_ratio"`    // gilpy/CPython median user+system time; 0 if unknown
}

// sideResult is one interpreter's runs of one program.
type sideResult struct {
	Times      []float64 `json:"times_s"`
	CPUTimes   []float64 `json:"cpu_times_s"`
	MedianCPU  float64   `json:"median_cpu_s"`
	RSSKiB     []int64   `json:"max_rss_kib"`
	Median     float64   `json:"median_s"`
	MedianRSS  int64     `json:"median_max_rss_kib"`
	Failure    string    `json:"failure,omitempty"`
	StderrTail []string  `json:"stderr_tail,omitempty"`
	Unstable   string    `json:"unstable,omitempty"`
}

func (s *sideResult) ok() bool { return s.Failure == "" && len(s.Times) > 0 }

// finish computes the medians, ratios and status; want and got are the
// compared stdout of CPython's and gilpy's warm-up runs.
func (r *progResult) finish(want, got []byte) {
	for _, s := range []*sideResult{&r.Gilpy, &r.CPython} {
		s.Median = median(s.Times)
		s.MedianCPU = median(s.CPUTimes)
		rss := make([]float64, len(s.RSSKiB))
		for i, v := range s.RSSKiB {
			rss[i] = float64(v)
		}
		s.MedianRSS = int64(math.Round(median(rss)))
	}
	g, c := &r.Gilpy, &r.CPython
	if g.ok() && c.ok() {
		r.TimeRatio = ratio(g.Median, c.Median)
		r.MemRatio = ratio(float64(g.MedianRSS), float64(c.MedianRSS))
		r.CPURatio = ratio(g.MedianCPU, c.MedianCPU)
	}
	var fails []string
	if g.Failure != "" {
		fails = append(fails, "gilpy: "+g.Failure)
	}
	if c.Failure != "" {
		fails = append(fails, "CPython: "+c.Failure)
	}
	switch {
	case len(fails) > 0:
		r.Status, r.Detail = "FAIL", strings.Join(fails, "; ")
	case c.Unstable != "":
		r.Status, r.Detail = "UNSTABLE", "CPython "+c.Unstable
	case g.Unstable != "":
		r.Status, r.Detail = "UNSTABLE", "gilpy "+g.Unstable
	default:
		if d := firstDifference(want, got, "CPython", "gilpy"); d != "" {
			r.Status, r.Detail = "MISMATCH", d
		} else {
			r.Status = "ok"
		}
	}
}

// summarize computes the geometric means over the programs that ran
// cleanly on both sides with equal output, and counts the problems.
func (rep *report) summarize() {
	var times, mems, cpus, allTimes, allMems []float64
	rep.Bad = 0
	for _, p := range rep.Programs {
		if p.TimeRatio > 0 && p.MemRatio > 0 {
			allTimes = append(allTimes, p.TimeRatio)
			allMems = append(allMems, p.MemRatio)
		}
		if p.Status != "ok" {
			rep.Bad++
			continue
		}
		if p.TimeRatio > 0 {
			times = append(times, p.TimeRatio)
		}
		if p.MemRatio > 0 {
			mems = append(mems, p.MemRatio)
		}
		if p.CPURatio > 0 {
			cpus = append(cpus, p.CPURatio)
		}
	}
	rep.Counted = len(times)
	rep.GeomeanTime = geomean(times)
	rep.GeomeanMem = geomean(mems)
	rep.GeomeanCPU = geomean(cpus)
	rep.CountedTimed = len(allTimes)
	rep.GeomeanTimeTimed = geomean(allTimes)
	rep.GeomeanMemTimed = geomean(allMems)
}

// median of xs (the mean of the middle two for an even count); 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// geomean is the geometric mean of positive xs; 0 for none.
func geomean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sum := 0.0
	for _, x := range xs {
		sum += math.Log(x)
	}
	return math.Exp(sum / float64(len(xs)))
}

func ratio(a, b float64) float64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	return a / b
}

// comparable is the part of a program's stdout that must be equal
// between interpreters: all of it, or only its "check:" lines.
func comparable(out []byte, checkLines bool) []byte {
	if !checkLines {
		return out
	}
	var b bytes.Buffer
	for _, line := range splitLines(out) {
		if strings.HasPrefix(line, checkPrefix) {
			b.WriteString(strings.TrimSuffix(line, "\n"))
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// firstDifference describes the first line where a and b differ, or
// returns "" when they are equal.
func firstDifference(a, b []byte, aName, bName string) string {
	if bytes.Equal(a, b) {
		return ""
	}
	al, bl := splitLines(a), splitLines(b)
	line := func(ls []string, i int) string {
		if i < len(ls) {
			return fmt.Sprintf("%q", ls[i])
		}
		return "nothing"
	}
	for i := 0; ; i++ {
		if i >= len(al) || i >= len(bl) || al[i] != bl[i] {
			return fmt.Sprintf("line %d: %s printed %s, %s printed %s",
				i+1, aName, clip(line(al, i), 100), bName, clip(line(bl, i), 100))
		}
	}
}

// splitLines splits after each newline; a final line without one is kept.
func splitLines(b []byte) []string {
	lines := strings.SplitAfter(string(b), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// lastLines returns the last n non-empty-tailed lines of s.
func lastLines(s string, n int) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return lines
}

// progressLine is the one-line summary printed to stderr as programs finish.
func progressLine(r progResult) string {
	return fmt.Sprintf("gilpy %s s, CPython %s s, ratio %s: %s %s",
		fmtSeconds(r.Gilpy.Median), fmtSeconds(r.CPython.Median), fmtRatio(r.TimeRatio), r.Status, r.Detail)
}

func fmtSeconds(s float64) string {
	if s <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", s)
}

func fmtMiB(kib int64) string {
	if kib <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", float64(kib)/1024)
}

func fmtRatio(x float64) string {
	if x <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", x)
}

// outputColumn is the table's verdict on a program's output.
func outputColumn(r progResult) string {
	switch {
	case r.Status == "ok" && r.CheckLines:
		return "ok (check: lines)"
	case r.Status == "FAIL":
		var who []string
		if f := r.Gilpy.Failure; f != "" {
			who = append(who, "gilpy "+shortFailure(f))
		}
		if f := r.CPython.Failure; f != "" {
			who = append(who, "CPython "+shortFailure(f))
		}
		return "FAIL " + strings.Join(who, ", ")
	case r.Status == "MISMATCH" && r.CheckLines:
		return "MISMATCH (check: lines)"
	}
	return r.Status
}

// shortFailure fits a failure into the table: "exit 1", "timeout", ...
func shortFailure(f string) string {
	switch {
	case strings.HasPrefix(f, "exit status "):
		return "(exit " + strings.TrimPrefix(f, "exit status ") + ")"
	case strings.HasPrefix(f, "timed out"):
		return "(timeout)"
	case strings.HasPrefix(f, "signal: "):
		return "(" + strings.TrimPrefix(f, "signal: ") + ")"
	}
	return "(" + clip(f, 30) + ")"
}

// writeTable prints the report as a table followed by the details of
// every failure and mismatch.
func writeTable(w io.Writer, rep *report) {
	fmt.Fprintf(w, "gilbench: gilpy %s (%s) vs CPython %s (%s)\n",
		orDash(rep.GilpyCommit), rep.Gilpy, rep.PyVersion, rep.Python)
	fmt.Fprintf(w, "machine: %d cores, load average %s at start, %s at end\n",
		rep.Cores, rep.LoadStart, rep.LoadEnd)
	fmt.Fprintf(w, "method: per program 1 warm-up + %d timed runs of each interpreter, alternating; medians of wall time, CPU time (user+sys) and max RSS; ratios gilpy/CPython\n\n",
		rep.Runs)

	rows := [][]string{{"program", "gilpy s", "CPython s", "time", "cpu", "gilpy MiB", "CPython MiB", "memory", "output"}}
	for _, p := range rep.Programs {
		rows = append(rows, []string{
			p.Name,
			fmtSeconds(p.Gilpy.Median), fmtSeconds(p.CPython.Median), fmtRatio(p.TimeRatio), fmtRatio(p.CPURatio),
			fmtMiB(p.Gilpy.MedianRSS), fmtMiB(p.CPython.MedianRSS), fmtRatio(p.MemRatio),
			outputColumn(p),
		})
	}
	footer := 1
	rows = append(rows, []string{
		fmt.Sprintf("geometric mean (%d of %d)", rep.Counted, len(rep.Programs)),
		"", "", fmtRatio(rep.GeomeanTime), fmtRatio(rep.GeomeanCPU), "", "", fmtRatio(rep.GeomeanMem), "",
	})
	if rep.CountedTimed > rep.Counted {
		footer++
		rows = append(rows, []string{
			fmt.Sprintf("  with mismatches (%d of %d)", rep.CountedTimed, len(rep.Programs)),
			"", "", fmtRatio(rep.GeomeanTimeTimed), "", "", "", fmtRatio(rep.GeomeanMemTimed), "",
		})
	}
	io.WriteString(w, formatTable(rows, footer, map[int]bool{0: true, 8: true}))

	if rep.Bad == 0 {
		fmt.Fprintf(w, "\nall %d programs ran on both interpreters with equal output\n", len(rep.Programs))
		return
	}
	fmt.Fprintf(w, "\n!!! %d of %d programs FAILED, MISMATCHED or were UNSTABLE (excluded from the geometric means):\n",
		rep.Bad, len(rep.Programs))
	for _, p := range rep.Programs {
		if p.Status == "ok" {
			continue
		}
		fmt.Fprintf(w, "\n%s %s: %s\n", p.Status, p.Name, p.Detail)
		for _, s := range []struct {
			name string
			side *sideResult
		}{{"gilpy", &p.Gilpy}, {"CPython", &p.CPython}} {
			if len(s.side.StderrTail) == 0 {
				continue
			}
			fmt.Fprintf(w, "    %s stderr (last lines):\n", s.name)
			for _, l := range s.side.StderrTail {
				fmt.Fprintf(w, "      | %s\n", l)
			}
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// formatTable aligns rows (the first is the heading) in columns two
// spaces apart; columns in left are left-aligned, the others right-aligned.
// A rule goes under the heading and above the last footer rows.
func formatTable(rows [][]string, footer int, left map[int]bool) string {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], len(cell))
		}
	}
	total := 0
	for _, w := range widths {
		total += w + 2
	}
	rule := strings.Repeat("-", max(total-2, 0)) + "\n"
	var b strings.Builder
	for r, row := range rows {
		if footer > 0 && r == len(rows)-footer {
			b.WriteString(rule)
		}
		var line strings.Builder
		for i, cell := range row {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-len(cell))
			if left[i] {
				line.WriteString(cell + pad)
			} else {
				line.WriteString(pad + cell)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
		if r == 0 {
			b.WriteString(rule)
		}
	}
	return b.String()
}
