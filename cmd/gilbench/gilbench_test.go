package main

// These tests cover the pure parts (statistics, output comparison, the
// table) and the process handling with tiny shell scripts. They never run
// the benchmark suite: it takes minutes, and speed is not a test.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMedian(t *testing.T) {
	assert.Equal(t, 0.0, median(nil))
	assert.Equal(t, 3.0, median([]float64{3}))
	assert.Equal(t, 2.0, median([]float64{3, 1, 2}))
	assert.Equal(t, 2.5, median([]float64{4, 1, 3, 2}))
	xs := []float64{5, 1, 4}
	median(xs)
	assert.Equal(t, []float64{5, 1, 4}, xs, "median must not reorder its input")
}

func TestGeomean(t *testing.T) {
	assert.Equal(t, 0.0, geomean(nil))
	assert.InDelta(t, 4.0, geomean([]float64{4}), 1e-12)
	assert.InDelta(t, 1.0, geomean([]float64{2, 0.5}), 1e-12)
	assert.InDelta(t, 2.0, geomean([]float64{1, 4}), 1e-12)
	assert.InDelta(t, 3.0, geomean([]float64{1, 3, 9}), 1e-12)
}

func TestRatio(t *testing.T) {
	assert.Equal(t, 2.0, ratio(4, 2))
	assert.Equal(t, 0.0, ratio(4, 0), "unknown, not infinite")
	assert.Equal(t, 0.0, ratio(0, 2))
}

func TestComparable(t *testing.T) {
	out := []byte("rate: 123/s\ncheck: 1000 items\nlatency 3 ms\ncheck: done")
	assert.Equal(t, out, comparable(out, false))
	assert.Equal(t, "check: 1000 items\ncheck: done\n", string(comparable(out, true)))
	assert.Empty(t, comparable([]byte("no checks\n"), true))
}

func TestFirstDifference(t *testing.T) {
	assert.Equal(t, "", firstDifference([]byte("a\nb\n"), []byte("a\nb\n"), "A", "B"))
	assert.Equal(t, `line 2: A printed "b\n", B printed "c\n"`,
		firstDifference([]byte("a\nb\n"), []byte("a\nc\n"), "A", "B"))
	assert.Equal(t, `line 2: A printed "b\n", B printed nothing`,
		firstDifference([]byte("a\nb\n"), []byte("a\n"), "A", "B"))
	assert.Equal(t, `line 1: A printed "x", B printed "x\n"`,
		firstDifference([]byte("x"), []byte("x\n"), "A", "B"), "a missing final newline is a difference")
	long := strings.Repeat("z", 300)
	d := firstDifference([]byte(long), nil, "A", "B")
	assert.Less(t, len(d), 200, "long lines are clipped")
}

func TestLastLines(t *testing.T) {
	assert.Nil(t, lastLines("", 3))
	assert.Equal(t, []string{"a", "b"}, lastLines("a\nb\n", 3))
	assert.Equal(t, []string{"c", "d"}, lastLines("a\nb\nc\nd\n", 2))
}

func TestHasCheckMarker(t *testing.T) {
	assert.True(t, hasCheckMarker([]byte("# about\n# gilbench: check-lines\nimport time\n")))
	assert.True(t, hasCheckMarker([]byte("  # gilbench: check-lines  \n")))
	assert.False(t, hasCheckMarker([]byte("print('# gilbench: check-lines')\n")))
}

func TestFilterPrograms(t *testing.T) {
	progs := []program{{Name: "fib"}, {Name: "concurrency/echo"}, {Name: "nbody"}}
	assert.Len(t, filterPrograms(progs, ""), 3)
	got := filterPrograms(progs, "o")
	assert.Equal(t, []program{{Name: "concurrency/echo"}, {Name: "nbody"}}, got)
}

func TestFindPrograms(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(root, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	write("scripts/bench/fib.py", "print(1)\n")
	write("scripts/bench/_helper.py", "")
	write("scripts/bench/notes.txt", "")
	write("scripts/bench/concurrency/echo.py", "# gilbench: check-lines\n")

	names := func(suite string) []string {
		progs, err := findPrograms(root, nil, suite)
		require.NoError(t, err)
		var out []string
		for _, p := range progs {
			out = append(out, p.Name)
			if p.Name == "concurrency/echo" {
				assert.True(t, p.CheckLines)
			}
		}
		return out
	}
	assert.Equal(t, []string{"concurrency/echo", "fib"}, names("all"))
	assert.Equal(t, []string{"fib"}, names("core"))
	assert.Equal(t, []string{"concurrency/echo"}, names("concurrency"))
	_, err := findPrograms(root, nil, "nope")
	assert.Error(t, err)

	progs, err := findPrograms(root, []string{filepath.Join(root, "scripts/bench/fib.py")}, "all")
	require.NoError(t, err)
	require.Len(t, progs, 1)
	assert.Equal(t, "fib", progs[0].Name)
}

func side(times []float64, rss []int64) sideResult {
	return sideResult{Times: times, RSSKiB: rss}
}

func TestFinish(t *testing.T) {
	r := progResult{Gilpy: side([]float64{2, 4, 3}, []int64{200, 100, 300}), CPython: side([]float64{1, 1, 2}, []int64{100, 100, 100})}
	r.Gilpy.CPUTimes, r.CPython.CPUTimes = []float64{1, 1}, []float64{0.5}
	r.finish([]byte("x\n"), []byte("x\n"))
	assert.Equal(t, 2.0, r.CPURatio)
	assert.Equal(t, "ok", r.Status)
	assert.Equal(t, 3.0, r.Gilpy.Median)
	assert.Equal(t, int64(200), r.Gilpy.MedianRSS)
	assert.Equal(t, 3.0, r.TimeRatio)
	assert.Equal(t, 2.0, r.MemRatio)

	r = progResult{Gilpy: side([]float64{1}, []int64{1}), CPython: side([]float64{1}, []int64{1})}
	r.finish([]byte("42\n"), []byte("41\n"))
	assert.Equal(t, "MISMATCH", r.Status)
	assert.Contains(t, r.Detail, `CPython printed "42\n", gilpy printed "41\n"`)
	assert.Equal(t, 1.0, r.TimeRatio, "a mismatch still shows its ratio")

	r = progResult{Gilpy: sideResult{Failure: "exit status 1"}, CPython: side([]float64{1}, []int64{1})}
	r.finish(nil, nil)
	assert.Equal(t, "FAIL", r.Status)
	assert.Equal(t, "gilpy: exit status 1", r.Detail)
	assert.Equal(t, 0.0, r.TimeRatio)
	assert.Equal(t, "FAIL gilpy (exit 1)", outputColumn(r))
	r.CPython.Failure = "timed out after 2m0s (process group killed)"
	assert.Equal(t, "FAIL gilpy (exit 1), CPython (timeout)", outputColumn(r))

	r = progResult{Gilpy: side([]float64{1}, []int64{1}), CPython: side([]float64{1}, []int64{1})}
	r.CPython.Unstable = "stdout differs between runs"
	r.finish(nil, nil)
	assert.Equal(t, "UNSTABLE", r.Status)
}

func TestSummarize(t *testing.T) {
	rep := report{Programs: []progResult{
		{Status: "ok", TimeRatio: 2, MemRatio: 1},
		{Status: "ok", TimeRatio: 0.5, MemRatio: 4},
		{Status: "MISMATCH", TimeRatio: 100, MemRatio: 100},
		{Status: "FAIL"},
	}}
	rep.summarize()
	assert.Equal(t, 2, rep.Counted)
	assert.Equal(t, 2, rep.Bad)
	assert.InDelta(t, 1.0, rep.GeomeanTime, 1e-12)
	assert.InDelta(t, 2.0, rep.GeomeanMem, 1e-12)
	assert.Equal(t, 3, rep.CountedTimed, "mismatches have times, failures do not")
	assert.InDelta(t, 4.641588833612779, rep.GeomeanTimeTimed, 1e-9) // cube root of 2 * 0.5 * 100
}

func TestFormatTable(t *testing.T) {
	got := formatTable([][]string{
		{"name", "time", "note"},
		{"fib", "1.5", "ok"},
		{"nbody", "12.25", ""},
		{"mean", "2.0", ""},
	}, 1, map[int]bool{0: true, 2: true})
	want := "" +
		"name    time  note\n" +
		"------------------\n" +
		"fib      1.5  ok\n" +
		"nbody  12.25\n" +
		"------------------\n" +
		"mean     2.0\n"
	assert.Equal(t, want, got)
}

func TestWriteTable(t *testing.T) {
	ok := progResult{Name: "fib", Status: "ok", TimeRatio: 0.5, MemRatio: 1.5, CPURatio: 0.75,
		Gilpy: sideResult{Median: 0.5, MedianRSS: 3072}, CPython: sideResult{Median: 1, MedianRSS: 2048}}
	echo := progResult{Name: "concurrency/echo", CheckLines: true, Status: "FAIL", Detail: "gilpy: exit status 1",
		Gilpy:   sideResult{Failure: "exit status 1", StderrTail: []string{"ModuleNotFoundError: No module named 'asyncio'"}},
		CPython: sideResult{Median: 0.25, MedianRSS: 1024}}
	rep := report{Cores: 2, LoadStart: "1.00 0.50 0.25", LoadEnd: "2.00 1.00 0.50", Runs: 5,
		GilpyCommit: "abc123", Gilpy: "/tmp/gilpy", PyVersion: "3.11.7", Python: "/usr/bin/python3",
		Programs: []progResult{ok, echo}}
	rep.summarize()
	var b strings.Builder
	writeTable(&b, &rep)
	out := b.String()
	for _, want := range []string{
		"2 cores, load average 1.00 0.50 0.25 at start, 2.00 1.00 0.50 at end",
		"fib                        0.500      1.000  0.50x  0.75x        3.0          2.0   1.50x  ok\n",
		"concurrency/echo               -      0.250      -      -          -          1.0       -  FAIL gilpy (exit 1)\n",
		"geometric mean (1 of 2)                      0.50x  0.75x                           1.50x\n",
		"FAIL gilpy",
		"geometric mean (1 of 2)",
		"!!! 1 of 2 programs",
		"FAIL concurrency/echo: gilpy: exit status 1",
		"| ModuleNotFoundError: No module named 'asyncio'",
	} {
		assert.Contains(t, out, want)
	}
}

func TestBuffers(t *testing.T) {
	h := &headBuffer{max: 4}
	n, err := h.Write([]byte("abcdef"))
	assert.NoError(t, err)
	assert.Equal(t, 6, n)
	assert.Equal(t, "abcd", h.String())
	assert.True(t, h.truncated)

	tb := &tailBuffer{max: 4}
	tb.Write([]byte("abc"))
	tb.Write([]byte("def"))
	assert.Equal(t, "cdef", string(tb.Bytes()))
}

// TestRunOnce runs tiny shell scripts in place of an interpreter.
func TestRunOnce(t *testing.T) {
	dir := t.TempDir()
	script := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}

	r := runOnce("/bin/sh", script("ok.sh", "echo hello; echo warn >&2\n"), 10*time.Second)
	assert.Equal(t, "", r.Failure)
	assert.Equal(t, "hello\n", string(r.Stdout))
	assert.Equal(t, "warn\n", string(r.Stderr))
	assert.Greater(t, r.MaxRSS, int64(0))

	r = runOnce("/bin/sh", script("fail.sh", "echo one >&2; echo two >&2; exit 3\n"), 10*time.Second)
	assert.Equal(t, "exit status 3", r.Failure)
	assert.Equal(t, []string{"one", "two"}, lastLines(string(r.Stderr), 5))

	// A hung program whose child keeps stdout open: the whole process
	// group is killed at the timeout, and runOnce returns promptly.
	start := time.Now()
	r = runOnce("/bin/sh", script("hang.sh", "sleep 30 &\nsleep 30\n"), 300*time.Millisecond)
	assert.Contains(t, r.Failure, "timed out")
	assert.Less(t, time.Since(start), 5*time.Second)

	r = runOnce(filepath.Join(dir, "no-such-interpreter"), script("x.sh", ""), time.Second)
	assert.Contains(t, r.Failure, "cannot start")
}
