package lexer

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLexer: no input may make the lexer panic or hang; the token stream
// always ends with one EOF, has at most one ERROR (just before EOF) and
// keeps token positions in order.
func FuzzLexer(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "parser", "testdata", "ast", "*.py"))
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{"", "x", "'''", "f'{", "(\n", "\\", "\t if x:\n  \ty", "0x_", "\xff", "\xef\xbb\xbf#coding:latin-1\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		text, err := Prepare(src)
		if err != nil {
			return
		}
		toks := Tokenize(text)
		n := len(toks)
		if n == 0 || toks[n-1].Kind != EOF {
			t.Fatal("token stream does not end with EOF")
		}
		for i, tk := range toks[:n-1] {
			if tk.Kind == EOF {
				t.Fatalf("EOF at %d of %d", i, n)
			}
			if tk.Kind == ERROR && i != n-2 {
				t.Fatalf("ERROR at %d of %d", i, n)
			}
			if tk.Kind == ERROR && tk.Err == nil {
				t.Fatal("ERROR without error")
			}
			if tk.EndLine < tk.Line || tk.EndLine == tk.Line && tk.EndCol < tk.Col {
				t.Fatalf("token %d ends before it starts", i)
			}
			if i > 0 && tk.Kind != ERROR && tk.Offset < toks[i-1].Offset {
				t.Fatalf("token %d starts before the one before it", i)
			}
			if int(tk.Offset)+len(tk.Value) > len(text) {
				t.Fatalf("token %d runs past the source", i)
			}
		}
		// The config offsets must not disturb anything.
		TokenizeConfig(text, Config{FirstLine: 7, FirstCol: 3})
	})
}
