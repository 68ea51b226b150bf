package parser

import (
	"testing"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"gilpy/lexer"
	"gilpy/parser/ast"
)

func TestModes(t *testing.T) {
	n, err := Parse("m.py", []byte("x = 1\ny = x\n"), ModeExec)
	require.NoError(t, err)
	mod := n.(*ast.Module)
	assert.Len(t, mod.Body, 2)

	n, err = Parse("<string>", []byte("1 + 2"), ModeEval)
	require.NoError(t, err)
	_, ok := n.(*ast.Expression).Body.(*ast.BinOp)
	assert.True(t, ok)

	n, err = Parse("<stdin>", []byte("for i in x:\n    print(i)\n"), ModeSingle)
	require.NoError(t, err)
	assert.Len(t, n.(*ast.Interactive).Body, 1)

	m, err := ParseModule("m.py", []byte(""))
	require.NoError(t, err)
	assert.Empty(t, m.Body)
}

func TestSyntaxErrorFields(t *testing.T) {
	_, err := ParseModule("prog.py", []byte("def f():\n    return (1,\n"))
	require.Error(t, err)
	se := err.(*SyntaxError)
	assert.Equal(t, "SyntaxError", se.Type)
	assert.Equal(t, "'(' was never closed", se.Msg)
	assert.Equal(t, "prog.py", se.Filename)
	assert.Equal(t, 2, se.Lineno)
	assert.Equal(t, 12, se.Offset)
	assert.Equal(t, "    return (1,\n", se.Text)
	assert.True(t, se.Incomplete)
	assert.Equal(t, "SyntaxError: '(' was never closed (prog.py, line 2)", se.Error())
}

// TestIncomplete checks the flag a REPL uses to ask for more input.
func TestIncomplete(t *testing.T) {
	for src, want := range map[string]bool{
		"if x:\n":                      true,
		"class A:\n    def f(self):\n": true,
		"x = (1,\n":                    true,
		"x = '''abc\n":                 true,
		"x = 'abc\\\n":                 true,
		"x = 1 + \\\n":                 true,
		"@decorator\n":                 true,
		"try:\n    pass\n":             true,
		"x = 1 +\n":                    false,
		"x = = 1\n":                    false,
		"x = 'abc\n":                   false,
		"if x:\npass\n":                false,
	} {
		_, err := Parse("<stdin>", []byte(src), ModeSingle)
		require.Error(t, err, src)
		assert.Equal(t, want, err.(*SyntaxError).Incomplete, "%q: %v", src, err)
	}
}

func TestFloatRepr(t *testing.T) {
	for f, want := range map[float64]string{
		0: "0.0", 1: "1.0", 1.5: "1.5", 0.1: "0.1", 1e16: "1e+16", 1e15: "1000000000000000.0",
		0.0001: "0.0001", 0.00001: "1e-05", 123456789.123: "123456789.123", 5e-324: "5e-324",
		-2.5: "-2.5", 1.7976931348623157e308: "1.7976931348623157e+308",
	} {
		assert.Equal(t, want, FloatRepr(f))
	}
}

// TestPathological parses inputs that would take forever if some rule
// re-parsed nested constructs (2^depth) or recursed without bound. It only
// has to finish.
func TestPathological(t *testing.T) {
	rep := func(s string, n int) string {
		var b []byte
		for i := 0; i < n; i++ {
			b = append(b, s...)
		}
		return string(b)
	}
	inputs := []string{
		rep("{", 90) + rep("}", 90),
		"x = " + rep("{", 90) + "1" + rep("}", 90),
		rep("[", 90) + rep("]", 90) + " = 1",
		"for " + rep("[", 60) + "x" + rep("]", 60) + " in y: pass",
		"for " + rep("[x for ", 60) + "z" + rep(" in y]", 60) + " in w: pass",
		"[" + rep("[x for x in ", 60) + "y" + rep("]", 60) + "]",
		"a" + rep("[b", 90) + rep("]", 90),
		"x = " + rep("(", 190) + rep(")", 190),
		"f(" + rep("a ", 3000) + ")",
		"x = " + rep("-", 1900) + "1",
		"x = " + rep("not ", 3000) + "x",
		"x = " + rep("lambda: ", 3000) + "x",
		"x = " + rep("a if b else ", 3000) + "c",
		"x = " + rep("a ** ", 3000) + "b",
		rep("if x:\n", 1) + rep(" ", 1) + "pass\n" + rep("x = 1\n", 1000),
		"with " + rep("(", 90) + "a" + rep(")", 90) + " as b: pass",
		"f'" + rep("{", 30) + "x" + rep("}", 30) + "'",
		"match x:\n case " + rep("[", 90) + "a" + rep("]", 90) + ": pass\n",
		"x[" + rep("a[", 90) + rep("]", 90) + "] = 1",
		"print " + rep("(", 90) + rep(")", 90),
	}
	for _, src := range inputs {
		for _, mode := range []Mode{ModeExec, ModeEval, ModeSingle} {
			Parse("p.py", []byte(src), mode)
		}
	}
}

// TestFastPeekingLexer checks that participle's PeekingLexer can still be
// built directly over a token slice (see peek.go) and behaves as Upgrade's.
func TestFastPeekingLexer(t *testing.T) {
	require.True(t, fastPeek, "participle's PeekingLexer changed: peek.go falls back to lexer.Upgrade")
	toks := lexer.Tokenize("x = (1,\n  2)\n")
	fast, err := newPeekingLexer(toks, "f.py")
	require.NoError(t, err)
	slow, err := plexer.Upgrade(&sliceLexer{toks: participleTokens(toks, "f.py")})
	require.NoError(t, err)
	for {
		a, b := fast.Next(), slow.Next()
		assert.Equal(t, *b, *a)
		if a.EOF() {
			break
		}
	}
}

// TestConcurrent parses from several goroutines at once (run with -race):
// the grammar is shared, every parse has its own state.
func TestConcurrent(t *testing.T) {
	src := benchSource(300)
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			var err error
			for i := 0; i < 5 && err == nil; i++ {
				_, err = ParseModule("c.py", src)
			}
			done <- err
		}()
	}
	for g := 0; g < 4; g++ {
		assert.NoError(t, <-done)
	}
}
