package parser

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"gilpy/parser/ast"
)

// number converts the NUMBER token at index i (already validated by the
// lexer) into a Constant.
func (p *parser) number(i int) ast.Expr {
	text := p.toks[i].Value
	c := &ast.Constant{Pos: p.posOf(i)}
	if strings.IndexByte(text, '_') >= 0 {
		text = strings.ReplaceAll(text, "_", "")
	}
	last := text[len(text)-1]
	if last == 'j' || last == 'J' {
		c.Kind = ast.KindComplex
		c.Float = parseFloat(text[:len(text)-1])
		return c
	}
	isInt := true
	if len(text) < 2 || text[0] != '0' || !strings.ContainsAny(text[1:2], "xXoObB") {
		isInt = !strings.ContainsAny(text, ".eE")
	}
	if !isInt {
		c.Kind = ast.KindFloat
		c.Float = parseFloat(text)
		return c
	}
	c.Kind = ast.KindInt
	c.Int = parseInt(text)
	return c
}

// parseInt parses a validated integer literal without underscores.
func parseInt(text string) *big.Int {
	base := 10
	if len(text) > 1 && text[0] == '0' {
		switch text[1] {
		case 'x', 'X':
			base, text = 16, text[2:]
		case 'o', 'O':
			base, text = 8, text[2:]
		case 'b', 'B':
			base, text = 2, text[2:]
		}
	}
	if len(text) <= 18 && base == 10 || len(text) <= 15 {
		if v, err := strconv.ParseInt(text, base, 64); err == nil {
			return big.NewInt(v)
		}
	}
	n, ok := new(big.Int).SetString(text, base)
	if !ok {
		// The lexer has validated the literal; this cannot happen.
		return new(big.Int)
	}
	return n
}

// parseFloat parses a validated float literal. Like CPython, a literal too
// large for a float becomes infinity and a tiny one becomes zero.
func parseFloat(text string) float64 {
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f
		}
		return math.NaN()
	}
	return f
}
