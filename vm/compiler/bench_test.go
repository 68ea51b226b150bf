package compiler

import (
	"path/filepath"
	"testing"
)

// BenchmarkCompile compiles the golden corpus (trees built beforehand).
func BenchmarkCompile(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	var goldens []*goldenFile
	for _, f := range files {
		if filepath.Base(f) != "errors.json" {
			goldens = append(goldens, loadGolden(&testing.T{}, f))
		}
	}
	trees := make([][]any, b.N)
	for i := range trees {
		for _, g := range goldens {
			trees[i] = append(trees[i], loadModule(jsonNorm(g.AST)))
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, tree := range trees[i] {
			if _, err := Compile(tree, "<bench>", nil, Options{Optimize: 0}); err != nil {
				// The .opt files are compiled at level 0 here: no errors expected.
				b.Fatal(err)
			}
		}
	}
}
