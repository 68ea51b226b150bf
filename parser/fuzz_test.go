package parser

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// fuzzSeeds adds the corpus and the error snippets as seeds.
func fuzzSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "ast", "*.py"))
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	for _, c := range loadErrorCases(f) {
		f.Add(c.source())
	}
}

var posRE = regexp.MustCompile(`@(\d+):(\d+)-(\d+):(\d+)`)

// FuzzParse: no input may make the parser panic or hang, and every tree it
// returns must have sane positions. parseSource skips Parse's recover, so a
// panic fails the fuzz run instead of turning into a SyntaxError.
func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, mode := range []Mode{ModeExec, ModeEval, ModeSingle} {
			tree, err := parseSource("fuzz.py", src, mode)
			if err != nil {
				if _, ok := err.(*SyntaxError); !ok {
					t.Fatalf("error of type %T", err)
				}
				continue
			}
			for _, m := range posRE.FindAllStringSubmatch(Dump(tree), -1) {
				l, _ := strconv.Atoi(m[1])
				c, _ := strconv.Atoi(m[2])
				el, _ := strconv.Atoi(m[3])
				ec, _ := strconv.Atoi(m[4])
				if l < 1 || c < 0 || el < l || el == l && ec < c {
					t.Fatalf("bad position %s in mode %d", m[0], mode)
				}
			}
		}
	})
}
