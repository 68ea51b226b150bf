package compiler

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"gilpy/parser"
)

// TestGoldenFromSource runs the golden comparison on trees from gilpy's own
// parser instead of CPython's: the two front ends must agree on everything
// the compiler sees (positions included).
func TestGoldenFromSource(t *testing.T) {
	for _, path := range goldenFiles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "src", name+".py"))
			require.NoError(t, err)
			mode := parser.ModeExec
			if strings.HasSuffix(name, ".single") {
				mode = parser.ModeSingle
			} else if strings.HasSuffix(name, ".eval") {
				mode = parser.ModeEval
			}
			tree, err := parser.Parse("<test>", src, mode)
			require.NoError(t, err)
			opts := Options{}
			if strings.HasSuffix(name, ".opt1") {
				opts.Optimize = 1
			} else if strings.HasSuffix(name, ".opt2") {
				opts.Optimize = 2
			}
			co, err := Compile(tree, "<test>", src, opts)
			require.NoError(t, err)
			require.NoError(t, verifyCode(co))
			g := loadGolden(t, path)
			codes := allCodes(co)
			var gotNames, wantNames []string
			for _, c := range codes {
				gotNames = append(gotNames, fmt.Sprintf("%s@%d", c.Qualname, c.FirstLine))
			}
			for _, c := range g.Codes {
				wantNames = append(wantNames, fmt.Sprintf("%s@%d", c.Qualname, c.FirstLine))
			}
			require.Equal(t, wantNames, gotNames, "code objects")
			for i, want := range g.Codes {
				got := codes[i]
				t.Run(want.Qualname, func(t *testing.T) { compareCode(t, &want, got) })
			}
		})
	}
}

// FuzzCompileSource parses and compiles arbitrary source: either stage may
// reject it with a SyntaxError, but nothing may panic, and compiled code
// must pass verifyCode.
func FuzzCompileSource(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "src", "*.py"))
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("x = 1\n"))
	f.Add([]byte("def f(a, *, b=2):\n    return [i async for i in a]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		tree, err := parser.Parse("<fuzz>", src, parser.ModeExec)
		if err != nil {
			return
		}
		co, err := Compile(tree, "<fuzz>", src, Options{})
		if err != nil {
			switch err.(type) {
			case *parser.SyntaxError, *RecursionError:
			default:
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if err := verifyCode(co); err != nil {
			t.Fatal(err)
		}
	})
}
