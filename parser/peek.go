package parser

import (
	"reflect"
	"unsafe"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"gilpy/lexer"
)

// participle's only constructor for its PeekingLexer, lexer.Upgrade, pulls
// tokens one at a time and appends them to a slice it cannot presize. For a
// 10,000-line file that growth allocates about five times the final slice,
// which was half of everything the parser allocated. So the PeekingLexer is
// built here over a slice of the right size, by setting its unexported
// token slice through reflect; the rest of its state starts at zero, as
// Upgrade leaves it when no token types are elided.
//
// This is the parser's only use of unsafe. If participle's internals ever
// change shape, newPeekingLexer notices and falls back to Upgrade, and
// TestFastPeekingLexer fails to say so.

var tokensField, fastPeek = func() (reflect.StructField, bool) {
	f, ok := reflect.TypeOf(plexer.PeekingLexer{}).FieldByName("tokens")
	return f, ok && f.Type == reflect.TypeOf([]plexer.Token(nil))
}()

// participleTokens converts gilpy's tokens for participle. Each token's
// Position.Offset is its index in toks (see grammar.go).
func participleTokens(toks []lexer.Token, filename string) []plexer.Token {
	out := make([]plexer.Token, len(toks))
	for i := range toks {
		t := &toks[i]
		out[i] = plexer.Token{
			Type:  ptype(t.Kind),
			Value: t.Value,
			Pos:   plexer.Position{Filename: filename, Offset: i, Line: int(t.Line), Column: int(t.Col) + 1},
		}
	}
	return out
}

// newPeekingLexer returns a PeekingLexer over gilpy's tokens.
func newPeekingLexer(toks []lexer.Token, filename string) (*plexer.PeekingLexer, error) {
	ptoks := participleTokens(toks, filename)
	if !fastPeek {
		return plexer.Upgrade(&sliceLexer{toks: ptoks})
	}
	peek := &plexer.PeekingLexer{}
	field := reflect.ValueOf(peek).Elem().FieldByIndex(tokensField.Index)
	reflect.NewAt(field.Type(), unsafe.Pointer(field.UnsafeAddr())).Elem().Set(reflect.ValueOf(ptoks))
	return peek, nil
}

// sliceLexer feeds participle tokens to lexer.Upgrade.
type sliceLexer struct {
	toks []plexer.Token
	i    int
}

func (s *sliceLexer) Next() (plexer.Token, error) {
	t := s.toks[s.i]
	if s.i < len(s.toks)-1 {
		s.i++
	}
	return t, nil
}
