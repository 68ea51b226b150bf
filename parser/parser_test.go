package parser

import (
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected outputs under testdata come from CPython 3.11, never from
// gilpy: "go test ./parser -regen" reruns testdata/gen_expected.py with the
// real CPython to rewrite them. Without -regen (and in CI, which has no
// Python) the tests compare against the checked-in files.
var regen = flag.Bool("regen", false, "regenerate testdata expectations with CPython 3.11")

func TestMain(m *testing.M) {
	flag.Parse()
	if *regen {
		if err := runGenerator(); err != nil {
			fmt.Fprintln(os.Stderr, "regen:", err)
			os.Exit(1)
		}
	}
	os.Exit(m.Run())
}

// python finds CPython 3.11: pyenv's real binary if there is one.
func python() (string, error) {
	if out, err := exec.Command("pyenv", "which", "python3").Output(); err == nil {
		return strings.TrimSpace(string(out)), nil
	}
	return exec.LookPath("python3")
}

func runGenerator() error {
	py, err := python()
	if err != nil {
		return fmt.Errorf("no python3 found: %w", err)
	}
	cmd := exec.Command(py, filepath.Join("testdata", "gen_expected.py"))
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

// TestCorpus parses every testdata/ast/*.py and compares the tree, node
// positions included, with CPython's.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "ast", "*.py"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			require.NoError(t, err)
			want, err := os.ReadFile(strings.TrimSuffix(file, ".py") + ".ast")
			require.NoError(t, err, "missing expectation; run go test ./parser -regen")
			mod, err := ParseModule(filepath.Base(file), src)
			require.NoError(t, err)
			got := Dump(mod)
			if got != string(want) {
				t.Errorf("AST differs from CPython's:\n%s", firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff shows where two dumps part, with some context.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			from := i - 8
			if from < 0 {
				from = 0
			}
			var b strings.Builder
			for j := from; j < i; j++ {
				fmt.Fprintf(&b, "  %5d   %s\n", j+1, w[j])
			}
			fmt.Fprintf(&b, "  %5d - %s\n  %5d + %s\n", i+1, wl, i+1, gl)
			return b.String()
		}
	}
	return "(no difference)"
}

type errorCase struct {
	Name      string `json:"name"`
	Mode      string `json:"mode"`
	Src       string `json:"src"`
	SrcB64    string `json:"src_b64"`
	OK        bool   `json:"ok"`
	Type      string `json:"type"`
	Msg       string `json:"msg"`
	Lineno    int    `json:"lineno"`
	Offset    int    `json:"offset"`
	EndLineno int    `json:"end_lineno"`
	EndOffset int    `json:"end_offset"`
	Text      string `json:"text"`
}

func loadErrorCases(t testing.TB) []errorCase {
	data, err := os.ReadFile(filepath.Join("testdata", "errors.json"))
	require.NoError(t, err)
	var cases []errorCase
	require.NoError(t, json.Unmarshal(data, &cases))
	return cases
}

func (c *errorCase) source() []byte {
	if c.SrcB64 != "" {
		b, _ := base64.StdEncoding.DecodeString(c.SrcB64)
		return b
	}
	return []byte(c.Src)
}

func (c *errorCase) mode() Mode {
	switch c.Mode {
	case "eval":
		return ModeEval
	case "single":
		return ModeSingle
	}
	return ModeExec
}

// TestErrors checks gilpy's SyntaxErrors against CPython's compile() for
// every snippet of testdata/errors.txt (and that the valid ones parse).
func TestErrors(t *testing.T) {
	for _, c := range loadErrorCases(t) {
		c := c
		t.Run(c.Name, func(t *testing.T) {
			_, err := Parse("<test>", c.source(), c.mode())
			if c.OK {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			se, ok := err.(*SyntaxError)
			require.True(t, ok, "not a *SyntaxError: %T", err)
			want := fmt.Sprintf("%s: %q at %d:%d-%d:%d text=%q", c.Type, c.Msg, c.Lineno, c.Offset, c.EndLineno, c.EndOffset, c.Text)
			got := fmt.Sprintf("%s: %q at %d:%d-%d:%d text=%q", se.Type, se.Msg, se.Lineno, se.Offset, se.EndLineno, se.EndOffset, se.Text)
			assert.Equal(t, want, got)
		})
	}
}

// TestCPythonDumps compares gilpy with CPython on a large body of code that
// is not checked in: set GILPY_CPYTHON_DUMPS to a directory written by
// "gen_expected.py --dump-tree SRCDIR OUTDIR" (for instance over CPython's
// Lib directory). Skipped otherwise.
func TestCPythonDumps(t *testing.T) {
	dir := os.Getenv("GILPY_CPYTHON_DUMPS")
	if dir == "" {
		t.Skip("GILPY_CPYTHON_DUMPS not set")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.src"))
	require.NoError(t, err)
	failed := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		want, err := os.ReadFile(strings.TrimSuffix(file, ".src") + ".ast")
		require.NoError(t, err)
		name := filepath.Base(strings.TrimSuffix(file, ".src"))
		mod, err := ParseModule(name, src)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			failed++
		} else if got := Dump(mod); got != string(want) {
			t.Errorf("%s: AST differs from CPython's:\n%s", name, firstDiff(string(want), got))
			failed++
		}
		if failed > 20 {
			t.Fatal("too many failures")
		}
	}
	t.Logf("%d files compared", len(files))
}

// TestExternalErrors checks gilpy against CPython on snippets that are not
// checked in: set GILPY_ERROR_CASES to a file written by
// "gen_expected.py --snippets-from FILE.py... OUT.json" (CPython's
// Lib/test/test_syntax.py and test_fstring.py make good sources). Str
// snippets go through ParseString, as CPython compiled them as str.
func TestExternalErrors(t *testing.T) {
	path := os.Getenv("GILPY_ERROR_CASES")
	if path == "" {
		t.Skip("GILPY_ERROR_CASES not set")
	}
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var cases []errorCase
	require.NoError(t, json.Unmarshal(data, &cases))
	bad := 0
	for _, c := range cases {
		var err error
		if c.SrcB64 == "" {
			_, err = ParseString("<test>", c.Src, c.mode())
		} else {
			_, err = Parse("<test>", c.source(), c.mode())
		}
		var got, want string
		if err != nil {
			se := err.(*SyntaxError)
			got = fmt.Sprintf("%s: %q at %d:%d-%d:%d", se.Type, se.Msg, se.Lineno, se.Offset, se.EndLineno, se.EndOffset)
		}
		if !c.OK {
			want = fmt.Sprintf("%s: %q at %d:%d-%d:%d", c.Type, c.Msg, c.Lineno, c.Offset, c.EndLineno, c.EndOffset)
		}
		if got != want {
			bad++
			t.Errorf("%q:\n want %s\n got  %s", c.source(), want, got)
		}
	}
	t.Logf("%d of %d snippets differ", bad, len(cases))
}
