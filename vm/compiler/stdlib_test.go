package compiler

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestStdlibAgainstCPython compiles modules of CPython's own library with
// both compilers and compares them as the golden tests do. It needs a
// CPython 3.11 (see findPython) and is skipped without one, or with
// -short. GILPY_STDLIB_ALL=1 runs it over every module of the library,
// GILPY_STDLIB_ALL=tests over its test suite too.
func TestStdlibAgainstCPython(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	py := findPython()
	out, err := exec.Command(py, "-c", "import sys, sysconfig; assert sys.version_info[:2] == (3, 11); print(sysconfig.get_paths()['stdlib'])").Output()
	if err != nil {
		t.Skip("no CPython 3.11")
	}
	lib := strings.TrimSpace(string(out))
	files := []string{
		"threading.py", "queue.py", "functools.py", "dataclasses.py", "enum.py", "typing.py",
		"asyncio/base_events.py", "asyncio/tasks.py", "collections/__init__.py", "json/decoder.py",
		"contextlib.py", "re/_parser.py", "ast.py", "inspect.py", "argparse.py",
	}
	if os.Getenv("GILPY_STDLIB_ALL") != "" {
		files = nil
		filepath.Walk(lib, func(path string, info os.FileInfo, err error) error {
			withTests := os.Getenv("GILPY_STDLIB_ALL") == "tests"
			if err == nil && strings.HasSuffix(path, ".py") && !strings.Contains(path, "site-packages") &&
				(withTests || !strings.Contains(path, "/test/") && !strings.Contains(path, "lib2to3/tests")) {
				rel, _ := filepath.Rel(lib, path)
				files = append(files, rel)
			}
			return nil
		})
	}
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			path := filepath.Join(lib, rel)
			data, err := exec.Command(py, filepath.Join("testdata", "gen.py"), "--file", path).Output()
			if err != nil {
				t.Skipf("CPython does not compile it: %v", err)
			}
			var g goldenFile
			require.NoError(t, json.Unmarshal(data, &g))
			tree := loadModule(g.AST)
			co, err := Compile(tree, path, nil, Options{})
			require.NoError(t, err)
			require.NoError(t, verifyCode(co), "invariants")
			codes := allCodes(co)
			require.Equal(t, len(g.Codes), len(codes), "code objects")
			for i := range g.Codes {
				want := g.Codes[i]
				t.Run(want.Qualname, func(t *testing.T) { compareCode(t, &want, codes[i]) })
			}
		})
	}
}
