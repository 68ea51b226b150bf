package parser

import (
	"gilpy/lexer"
	"gilpy/parser/ast"
)

// maxDepth caps the recursion of the hand-written parsers. The lexer already
// stops more than 200 nested brackets; this catches the other ways to nest
// (unary operators, "not", lambda, await, ...). It is CPython's MAXSTACK,
// and going deeper is what CPython's parser reports then: a MemoryError.
// (Below it, the compiler's own limit gives RecursionError first for
// nesting deeper than about 3000.)
const maxDepth = 6000

// perr is an error as CPython's parser raises it, before the final fixups
// (character offsets, text) that finalError applies.
type perr struct {
	typ, msg        string
	line            int
	col             int // 1-based byte offset, or CPython's odd 0 / -1
	endLine, endCol int // endCol likewise; -1 when CPython has no end
	lex             *lexer.Error
	final           *SyntaxError // an error from an f-string field's sub-parser
	action          bool         // raised while building a node (strings), not by a grammar rule
	keep            bool         // never replaced by a later lexer error ("unexpected indent")
	// generic marks a failure to match ("invalid syntax" at the furthest
	// token): CPython's rule returned NULL without raising. Only these
	// are undone when a speculative parse backtracks; an error CPython
	// raises is final.
	generic bool
	last    int // the furthest token fetched when the error was raised
}

// parser is the state of one parse. The hand-written parts move i over
// toks; the participle parts run over the same tokens (see grammar.go).
type parser struct {
	filename string
	src      string
	toks     []lexer.Token
	mode     Mode
	i        int // the next token
	fetched  int // the furthest token looked at: CPython's p->tokens[p->fill-1]
	err      *perr
	depth    int
	fs       *fstringCtx // set in the sub-parser of an f-string field
	lineBase int         // line number of the line before src's first line
	lines    []int       // start offset of each line, built on demand
	grammar  *grammarState
	// lenient > 0 while parsing a bitwise_or the way CPython's PEG rules
	// do: a dangling operator ends the expression instead of failing it.
	lenient int
	// noInvalid > 0 while parsing CPython's *_without_invalid rules, where
	// the invalid_* rules are off: checks that would try them are skipped.
	noInvalid int
	// matchCandidate is the first statement that CPython's second pass
	// would take for a match statement missing its ':' (see exprStmt).
	matchCandidate int
}

func newParser(filename, src string, toks []lexer.Token, mode Mode) *parser {
	return &parser{filename: filename, src: src, toks: toks, mode: mode, matchCandidate: -1}
}

// failed reports whether parsing must stop.
func (p *parser) failed() bool { return p.err != nil }

// see records that token i has been looked at. Looking at an ERROR token
// is fatal, as in CPython, where fetching it raises the tokenizer's error.
func (p *parser) see(i int) {
	if i > p.fetched {
		p.fetched = i
	}
	if p.toks[i].Kind == lexer.ERROR && p.err == nil {
		p.lexError(i)
	}
}

// lexError records the lexer error carried by token i. It ends the parse
// even during speculation (see reset): CPython's tokenizer error is not
// backtracked.
func (p *parser) lexError(i int) {
	p.err = &perr{lex: p.toks[i].Err, last: i}
}

// mark, reset and backtrack implement speculative parsing.
//
// CPython parses twice: a first pass with the grammar proper and, if that
// fails, a second pass that also tries the invalid_* rules. Generic errors
// are reported at the furthest token of the first pass. backtrack undoes a
// first-pass style attempt (an alternative the grammar tries), which keeps
// the tokens it looked at; reset undoes a second-pass style check (an
// invalid_* rule that did not match), which does not count.
type mark struct{ i, fetched int }

func (p *parser) mark() mark { return mark{p.i, p.fetched} }

// reset returns to m, forgetting the tokens looked at and a failure to
// match since. It reports false if an error was raised.
func (p *parser) reset(m mark) bool {
	if !p.backtrack(m) {
		return false
	}
	p.fetched = m.fetched
	return true
}

// backtrack returns to m and forgets a failure to match since, but keeps
// the furthest token looked at. It reports false, and changes nothing, if
// an error was raised: those are final in CPython too.
func (p *parser) backtrack(m mark) bool {
	if p.err != nil && !p.err.generic {
		return false
	}
	p.err = nil
	p.i = m.i
	return true
}

func (p *parser) tok() *lexer.Token {
	p.see(p.i)
	return &p.toks[p.i]
}

func (p *parser) kind() lexer.Kind {
	p.see(p.i)
	return p.toks[p.i].Kind
}

// peekKind returns the kind of the token n places ahead.
func (p *parser) peekKind(n int) lexer.Kind {
	j := p.i + n
	if j >= len(p.toks) {
		j = len(p.toks) - 1
	}
	for k := p.i; k <= j; k++ {
		if p.toks[k].Kind == lexer.EOF || p.toks[k].Kind == lexer.ERROR {
			j = k
			break
		}
	}
	p.see(j)
	return p.toks[j].Kind
}

// next consumes the current token and returns it.
func (p *parser) next() *lexer.Token {
	t := p.tok()
	if t.Kind != lexer.EOF && t.Kind != lexer.ERROR {
		p.i++
	}
	return t
}

// accept consumes the current token if it has kind k.
func (p *parser) accept(k lexer.Kind) bool {
	if p.kind() == k {
		p.next()
		return true
	}
	return false
}

// isSoft reports whether the current token is the soft keyword s.
func (p *parser) isSoft(s string) bool {
	t := p.tok()
	return t.Kind == lexer.NAME && t.Value == s
}

// enter guards recursion; leave undoes it.
func (p *parser) enter() bool {
	p.depth++
	if p.depth > maxDepth {
		p.raiseTypeAt(p.i, "MemoryError", "")
		return false
	}
	return true
}

func (p *parser) leave() { p.depth-- }

// ---------------------------------------------------------------- positions

// posOf returns the start and end of token i as an ast.Pos.
func (p *parser) posOf(i int) ast.Pos {
	t := &p.toks[i]
	return ast.Pos{Line: int(t.Line), Col: int(t.Col), EndLine: int(t.EndLine), EndCol: int(t.EndCol)}
}

// span returns the range from the start of token start to the end of token
// end (inclusive), as CPython's EXTRA does for a rule that consumed them.
func (p *parser) span(start, end int) ast.Pos {
	s, e := &p.toks[start], &p.toks[end]
	return ast.Pos{Line: int(s.Line), Col: int(s.Col), EndLine: int(e.EndLine), EndCol: int(e.EndCol)}
}

// spanTo is span up to the last consumed token.
func (p *parser) spanTo(start int) ast.Pos { return p.span(start, p.i-1) }

// colIsUnknown reports whether CPython gives token t a col_offset of -1:
// INDENT, DEDENT and the end marker carry no text.
func colIsUnknown(t *lexer.Token) bool {
	return t.Kind == lexer.INDENT || t.Kind == lexer.DEDENT || t.Kind == lexer.EOF
}

// ------------------------------------------------------------------ errors

// fail records e unless an error is already recorded; while speculating it
// only marks the attempt as failed.
func (p *parser) fail(e *perr) {
	if p.err != nil {
		return
	}
	e.last = p.fetched
	if p.noInvalid > 0 {
		// Inside a *_without_invalid rule the invalid_* rules do not
		// raise: their checks only fail to match.
		e.generic = true
	}
	p.err = e
}

// raiseRange is RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg).
func (p *parser) raiseRange(a, b ast.Pos, msg string) {
	p.fail(&perr{typ: "SyntaxError", msg: msg, line: a.Line, col: a.Col + 1, endLine: b.EndLine, endCol: b.EndCol + 1})
}

// raiseNode is RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg).
func (p *parser) raiseNode(a ast.Node, msg string) {
	pos := a.GetPos()
	p.raiseRange(*pos, *pos, msg)
}

// raiseToken is RAISE_SYNTAX_ERROR_KNOWN_LOCATION for a token.
func (p *parser) raiseToken(i int, msg string) {
	t := &p.toks[i]
	if colIsUnknown(t) {
		p.fail(&perr{typ: "SyntaxError", msg: msg, line: int(t.Line), col: 0, endLine: int(t.EndLine), endCol: 0})
		return
	}
	p.raiseRange(p.posOf(i), p.posOf(i), msg)
}

// raiseTokens is RAISE_SYNTAX_ERROR_KNOWN_RANGE for two tokens.
func (p *parser) raiseTokens(i, j int, msg string) {
	p.raiseRange(p.posOf(i), p.posOf(j), msg)
}

// raiseAt is RAISE_SYNTAX_ERROR(msg) with token i as the last token fetched:
// CPython reports such errors at the last token its tokenizer produced.
func (p *parser) raiseAt(i int, msg string) { p.raiseTypeAt(i, "SyntaxError", msg) }

// raise is RAISE_SYNTAX_ERROR(msg): at the furthest token fetched.
func (p *parser) raise(msg string) { p.raiseAt(p.fetched, msg) }

// raiseAction is raise for errors found while building a node (decoding
// strings, parsing f-strings): CPython raises them in its first pass, so its
// second pass does not look for other errors.
func (p *parser) raiseAction(msg string) {
	p.raise(msg)
	p.markAction()
}

// markAction marks the recorded error as raised while building a node.
func (p *parser) markAction() {
	if p.err != nil && p.err.lex == nil {
		p.err.action = true
		p.err.generic = false
	}
}

// raiseIndent is RAISE_INDENTATION_ERROR(msg).
func (p *parser) raiseIndent(msg string) { p.raiseTypeAt(p.fetched, "IndentationError", msg) }

func (p *parser) raiseTypeAt(i int, typ, msg string) {
	if i > p.fetched {
		p.fetched = i
	}
	t := &p.toks[i]
	if colIsUnknown(t) {
		// CPython uses the tokenizer's position: the start of the
		// line's first token after an INDENT or DEDENT, the end of the
		// last line at the end of input.
		p.fail(&perr{typ: typ, msg: msg, line: int(t.Line), col: int(t.Col), endLine: int(t.EndLine), endCol: -1})
		return
	}
	p.fail(&perr{typ: typ, msg: msg, line: int(t.Line), col: int(t.Col) + 1, endLine: int(t.EndLine), endCol: int(t.EndCol) + 1})
}

// raiseStartingFrom is RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg): the error
// ends where the tokenizer stands, after the last token fetched.
func (p *parser) raiseStartingFrom(a ast.Pos, msg string) {
	t := &p.toks[p.fetched]
	endCol := int(t.EndCol)
	if t.Kind == lexer.NEWLINE {
		endCol++ // the tokenizer has consumed the newline
	}
	p.fail(&perr{typ: "SyntaxError", msg: msg, line: a.Line, col: a.Col + 1, endLine: int(t.EndLine), endCol: endCol})
}

// syntaxError reports CPython's generic error: "invalid syntax" at the
// furthest token, "unexpected indent" at an INDENT.
func (p *parser) syntaxError() {
	if p.err != nil {
		return
	}
	i := p.fetched
	switch p.toks[i].Kind {
	case lexer.ERROR:
		p.see(i)
		return
	case lexer.INDENT:
		// CPython reports these without looking further into the file.
		p.raiseIndent("unexpected indent")
		p.err.keep = true
		p.err.generic = true
		return
	case lexer.DEDENT:
		if !p.toks[i].AtEOF {
			p.raiseIndent("unexpected unindent")
			p.err.keep = true
			p.err.generic = true
			return
		}
	}
	p.raiseToken(i, "invalid syntax")
	p.err.generic = true
}

// lineText returns line n of the source without its newline; n counts
// from lineBase+1 (an f-string field's sub-parser numbers its lines as they
// are in the file).
func (p *parser) lineText(n int) (string, bool) {
	n -= p.lineBase
	if p.lines == nil {
		p.lines = append(p.lines, 0)
		for i := 0; i < len(p.src); i++ {
			if p.src[i] == '\n' {
				p.lines = append(p.lines, i+1)
			}
		}
	}
	if n < 1 || n >= len(p.lines) {
		return "", false
	}
	start := p.lines[n-1]
	end := p.lines[n] - 1
	return p.src[start:end], true
}

// lastLine is the number of the source's last line.
func (p *parser) lastLine() int {
	p.lineText(1)
	return len(p.lines) - 1 + p.lineBase
}

// finalError turns the recorded error into a SyntaxError the way CPython's
// _PyPegen_set_syntax_error and _PyPegen_raise_error_known_location do.
func (p *parser) finalError() *SyntaxError {
	e := p.err
	if p.fs == nil && e.lex == nil && !e.keep {
		// After a parser error CPython tokenizes the rest of the file;
		// a tokenizer error found there takes precedence.
		if lexErr := p.laterLexError(e); lexErr != nil {
			e = &perr{lex: lexErr}
		}
	}
	if p.fs == nil && e.lex == nil && e.final == nil && !e.action && p.matchCandidate >= 0 {
		// CPython's second pass takes an earlier "match(x)" line for a
		// match statement without ':' and raises there, at the furthest
		// token of the first pass (see exprStmt).
		p.err = nil
		p.raiseAt(e.last, "expected ':'")
		e = p.err
	}
	if e.final != nil {
		return e.final
	}
	if e.lex != nil {
		l := e.lex
		return &SyntaxError{Type: l.Type, Msg: l.Msg, Filename: p.filename, Lineno: l.Lineno, Offset: l.Offset,
			EndLineno: l.EndLineno, EndOffset: l.EndOffset, Text: l.Text, Incomplete: l.Incomplete && p.fs == nil}
	}
	msg, col, endCol := e.msg, e.col, e.endCol
	if p.fs != nil {
		// The sub-parser's errors are prefixed and shifted back by the
		// field's column, as in _PyPegen_raise_error_known_location.
		msg = "f-string: " + msg
		col -= p.fs.startCol
		endCol -= p.fs.startCol
	}
	text := p.errorText(e.line, e.last)
	se := &SyntaxError{Type: e.typ, Msg: msg, Filename: p.filename, Lineno: e.line, EndLineno: e.endLine, Text: lexer.ReplaceInvalid(text)}
	se.Offset = lexer.CharOffset(text, col)
	if endCol > 0 {
		se.EndOffset = lexer.CharOffset(text, endCol)
	} else {
		se.EndOffset = endCol
	}
	if p.fs == nil {
		last := &p.toks[e.last]
		se.Incomplete = last.AtEOF || last.Kind == lexer.EOF
	}
	return se
}

// laterLexError returns the lexer error that replaces parser error e, if
// any (see lexer.ErrorClass).
func (p *parser) laterLexError(e *perr) *lexer.Error {
	n := len(p.toks)
	if n < 2 || p.toks[n-2].Kind != lexer.ERROR || n-2 <= e.last {
		return nil
	}
	le := p.toks[n-2].Err
	errLine := int(p.toks[e.last].Line)
	switch le.Class {
	case lexer.Raised:
		return le
	case lexer.Unclosed:
		if errLine > le.Line {
			return le
		}
	case lexer.Deferred:
		if le.Unclosed != nil && errLine > le.Unclosed.Line {
			return le.Unclosed
		}
	}
	return nil
}

// errorText is the SyntaxError text CPython shows for an error on line:
// the line with its newline if the tokenizer stands on it (last is the
// furthest token fetched), without it otherwise. On the tokenizer's line
// the text is its whole buffer, which starts further up if that line was
// entered inside a multi-line token (a triple-quoted string, say).
func (p *parser) errorText(line, last int) string {
	text, ok := p.lineText(line)
	if !ok {
		return ""
	}
	t := &p.toks[last]
	cur := int(t.EndLine)
	if t.Kind == lexer.ERROR || t.AtEOF || t.Kind == lexer.EOF {
		cur = p.lastLine()
	}
	if line < cur {
		return text
	}
	first := line
	for i := last; i >= 0; i-- {
		tk := &p.toks[i]
		if int(tk.EndLine) < first {
			break
		}
		if int(tk.Line) < first {
			first = int(tk.Line)
		}
	}
	if first < line {
		return p.src[p.lines[first-p.lineBase-1]:p.lines[line-p.lineBase]]
	}
	return text + "\n"
}
