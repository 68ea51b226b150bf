package lexer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gilpy/lexer/ucd"
)

// Limits copied from CPython (Parser/tokenizer.h).
const (
	MaxIndent = 100 // "too many levels of indentation"
	MaxLevel  = 200 // "too many nested parentheses"
	tabSize   = 8
)

// Config adjusts where the lexed text sits in a larger file. The parser uses
// it for the expressions inside f-strings, which CPython lexes separately
// but reports at their place in the file.
type Config struct {
	// FirstLine is the line number of the text's first line (0 means 1).
	FirstLine int
	// FirstCol is added to the columns of tokens on the first line.
	FirstCol int
}

type paren struct {
	ch   byte
	line int
	col  int // byte column
}

// Lexer turns prepared source text (see Prepare) into tokens.
type Lexer struct {
	src       string
	pos       int // next byte to read
	line      int // current line, 1-based, local to src
	lineStart int // offset of the current line's first byte
	atBOL     bool
	blankLine bool // the current line holds only whitespace or a comment
	level     int
	parens    [MaxLevel]paren
	indents   []int // indentation columns, tabs to multiples of 8
	alt       []int // the same with tabs counted as 1, to detect inconsistent use
	pendin    int   // pending INDENTs (>0) or DEDENTs (<0)
	toks      []Token
	done      bool // EOF or an ERROR token has been emitted
	cfg       Config
}

// Tokenize lexes prepared source text (see Prepare) into a slice of tokens
// ending with EOF. Lexing stops at the first error, which becomes an ERROR
// token followed by EOF; like CPython's tokenizer, nothing after an error is
// lexed.
func Tokenize(src string) []Token { return TokenizeConfig(src, Config{}) }

// TokenizeConfig is Tokenize with a Config.
func TokenizeConfig(src string, cfg Config) []Token {
	l := &Lexer{src: src, line: 1, atBOL: true, cfg: cfg}
	if l.cfg.FirstLine == 0 {
		l.cfg.FirstLine = 1
	}
	l.indents = append(make([]int, 0, 16), 0)
	l.alt = append(make([]int, 0, 16), 0)
	// Typical Python has one token per 7 bytes, dense code one per 3;
	// growing the slice would cost more than the spare capacity.
	l.toks = make([]Token, 0, len(src)/3+16)
	l.run()
	return l.toks
}

// lineText is the current line without its newline.
func (l *Lexer) lineText() string {
	end := strings.IndexByte(l.src[l.lineStart:], '\n')
	if end < 0 {
		return l.src[l.lineStart:]
	}
	return l.src[l.lineStart : l.lineStart+end]
}

// emit appends a token spanning from start (on line startLine, which
// begins at startLineStart) to l.pos.
func (l *Lexer) emit(kind Kind, start, startLine, startLineStart int) {
	l.emitSpan(kind, start, startLine, startLineStart, l.pos, l.line, l.lineStart)
}

func (l *Lexer) emitSpan(kind Kind, start, startLine, startLineStart, end, endLine, endLineStart int) {
	t := Token{
		Kind:    kind,
		Level:   int16(l.level),
		Line:    int32(startLine + l.cfg.FirstLine - 1),
		Col:     int32(start - startLineStart),
		EndLine: int32(endLine + l.cfg.FirstLine - 1),
		EndCol:  int32(end - endLineStart),
		Offset:  int32(start),
		Value:   l.src[start:end],
	}
	if startLine == 1 {
		t.Col += int32(l.cfg.FirstCol)
	}
	if endLine == 1 {
		t.EndCol += int32(l.cfg.FirstCol)
	}
	l.toks = append(l.toks, t)
}

// emitSimple appends a token on the current line.
func (l *Lexer) emitSimple(kind Kind, start int) {
	l.emit(kind, start, l.line, l.lineStart)
}

// fail appends an ERROR token and stops lexing.
func (l *Lexer) fail(e *Error) {
	t := Token{
		Kind:    ERROR,
		Level:   int16(l.level),
		Line:    int32(l.line + l.cfg.FirstLine - 1),
		Col:     int32(l.pos - l.lineStart),
		EndLine: int32(l.line + l.cfg.FirstLine - 1),
		EndCol:  int32(l.pos - l.lineStart),
		Offset:  int32(l.pos),
		Err:     e,
	}
	if e.Line == 0 {
		e.Line = e.Lineno
	}
	l.toks = append(l.toks, t)
	l.done = true
}

// raise reports a tokenizer SyntaxError the way CPython's syntaxerror()
// does: the offset is the number of characters from the line start to cur.
func (l *Lexer) raise(cur int, format string, args ...any) {
	text := l.lineText()
	off := charOffset(text, cur-l.lineStart)
	l.fail(&Error{
		Type: "SyntaxError", Msg: fmt.Sprintf(format, args...),
		Lineno: l.line + l.cfg.FirstLine - 1, Offset: off, EndLineno: l.line + l.cfg.FirstLine - 1, EndOffset: off,
		Text: ReplaceInvalid(text), Class: Raised,
	})
}

// raiseRange is CPython's syntaxerror_known_range: offsets are given in
// bytes and reported as they are.
func (l *Lexer) raiseRange(col, endCol int, msg string) {
	text := l.lineText()
	l.fail(&Error{
		Type: "SyntaxError", Msg: msg,
		Lineno: l.line + l.cfg.FirstLine - 1, Offset: col, EndLineno: l.line + l.cfg.FirstLine - 1, EndOffset: endCol,
		Text: ReplaceInvalid(text), Class: Raised,
	})
}

// lineWithNewline is the current line including its "\n", the text CPython
// shows for errors the parser raises on the tokenizer's current line.
func (l *Lexer) lineWithNewline() string {
	end := strings.IndexByte(l.src[l.lineStart:], '\n')
	if end < 0 {
		return l.src[l.lineStart:]
	}
	return l.src[l.lineStart : l.lineStart+end+1]
}

// deferred reports an error CPython raises only when the parser reaches it
// (see ErrorClass). col is the byte column CPython uses, endOffset the end
// offset it reports.
func (l *Lexer) deferred(typ, msg string, col, endOffset int) {
	text := l.lineWithNewline()
	e := &Error{
		Type: typ, Msg: msg,
		Lineno: l.line + l.cfg.FirstLine - 1, Offset: charOffset(text, col), EndLineno: l.line + l.cfg.FirstLine - 1,
		EndOffset: endOffset, Text: ReplaceInvalid(text), Class: Deferred,
	}
	if l.level > 0 {
		e.Unclosed = l.unclosed()
	}
	l.fail(e)
}

// unclosed builds the "'(' was never closed" error for the innermost open
// bracket. The text has its newline only if the bracket is on the last line,
// where the tokenizer stands at the end of input.
func (l *Lexer) unclosed() *Error {
	p := l.parens[l.level-1]
	start := 0
	for line := 1; line < p.line; line++ {
		start += strings.IndexByte(l.src[start:], '\n') + 1
	}
	text := l.src[start:]
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		if strings.Count(l.src, "\n") == p.line {
			text = text[:i+1]
		} else {
			text = text[:i]
		}
	}
	line := p.line + l.cfg.FirstLine - 1
	return &Error{
		Type: "SyntaxError", Msg: fmt.Sprintf("'%c' was never closed", p.ch),
		Lineno: line, Offset: charOffset(text, p.col+1), EndLineno: line, EndOffset: 0,
		Text: ReplaceInvalid(text), Class: Unclosed, Incomplete: true, Line: line,
	}
}

// newline moves past a "\n" at l.pos.
func (l *Lexer) newline() {
	l.pos++
	l.line++
	l.lineStart = l.pos
}

func (l *Lexer) peek() int {
	if l.pos < len(l.src) {
		return int(l.src[l.pos])
	}
	return -1
}

func (l *Lexer) peekAt(i int) int {
	if l.pos+i < len(l.src) {
		return int(l.src[l.pos+i])
	}
	return -1
}

func isIdentStart(c int) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 128
}

func isIdentChar(c int) bool {
	return isIdentStart(c) || c >= '0' && c <= '9'
}

func isDigit(c int) bool { return c >= '0' && c <= '9' }

func isHexDigit(c int) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// continuation handles a backslash at l.pos outside strings. It reports
// whether lexing can go on.
func (l *Lexer) continuation() bool {
	l.pos++ // the backslash
	if l.peek() != '\n' {
		if l.pos < len(l.src) {
			_, size := utf8.DecodeRuneInString(l.src[l.pos:])
			l.pos += size
		}
		// CPython's column is the tokenizer's position minus one, plus one.
		l.deferred("SyntaxError", "unexpected character after line continuation character", l.pos-l.lineStart, 0)
		return false
	}
	// CPython reports the EOF after the backslash at the end of the line
	// that holds it.
	endOfLine := l.pos + 1 - l.lineStart
	if l.pos+1 >= len(l.src) {
		l.pos++
		if l.level > 0 {
			l.fail(l.unclosed())
			return false
		}
		text := l.lineWithNewline()
		l.fail(&Error{
			Type: "SyntaxError", Msg: "unexpected EOF while parsing",
			Lineno: l.line + l.cfg.FirstLine - 1, Offset: charOffset(text, endOfLine), EndLineno: l.line + l.cfg.FirstLine - 1,
			EndOffset: -1, Text: ReplaceInvalid(text), Class: Deferred, Incomplete: true,
		})
		return false
	}
	l.newline()
	return true
}

func (l *Lexer) run() {
	for !l.done {
		if l.atBOL {
			if !l.indentation() {
				break
			}
		}
		if l.pendin != 0 {
			// INDENT and DEDENT sit where the line's first token starts.
			kind := INDENT
			if l.pendin < 0 {
				kind = DEDENT
				l.pendin++
			} else {
				l.pendin--
			}
			if l.pos >= len(l.src) {
				l.emitAtEOF(kind)
			} else {
				l.emitSimple(kind, l.pos)
			}
			continue
		}
		l.next()
	}
	if n := len(l.toks); n == 0 || l.toks[n-1].Kind != EOF {
		l.emitAtEOF(EOF)
	}
}

// emitAtEOF appends a DEDENT or EOF token at the end of the input. CPython's
// tokenizer stays on the last line there, at the column just past its
// newline; that is where errors at these tokens are reported.
func (l *Lexer) emitAtEOF(kind Kind) {
	line, lineStart := l.line, l.lineStart
	if l.pos >= len(l.src) && len(l.src) > 0 && l.lineStart == l.pos {
		line--
		lineStart = strings.LastIndexByte(l.src[:l.pos-1], '\n') + 1
	}
	t := Token{
		Kind: kind, Level: int16(l.level), AtEOF: true,
		Line: int32(line + l.cfg.FirstLine - 1), Col: int32(l.pos - lineStart),
		EndLine: int32(line + l.cfg.FirstLine - 1), EndCol: int32(l.pos - lineStart),
		Offset: int32(l.pos),
	}
	if line == 1 {
		t.Col += int32(l.cfg.FirstCol)
		t.EndCol += int32(l.cfg.FirstCol)
	}
	l.toks = append(l.toks, t)
}

// indentation measures a new line's indentation and queues INDENT/DEDENT
// tokens, as tok_get does at the beginning of a line.
func (l *Lexer) indentation() bool {
	l.atBOL = false
	col, alt, contCol := 0, 0, 0
	for {
		c := l.peek()
		switch c {
		case ' ':
			col++
			alt++
			l.pos++
			continue
		case '\t':
			col = (col/tabSize + 1) * tabSize
			alt++
			l.pos++
			continue
		case '\f':
			col, alt = 0, 0
			l.pos++
			continue
		case '\\':
			// Indentation cannot be split with backslashes: the first
			// backslash fixes the level of what follows.
			if contCol == 0 {
				contCol = col
			}
			if !l.continuation() {
				return false
			}
			continue
		}
		break
	}
	c := l.peek()
	l.blankLine = c == '#' || c == '\n'
	if l.blankLine || l.level != 0 {
		return true
	}
	if contCol != 0 {
		col, alt = contCol, contCol
	}
	top := len(l.indents) - 1
	switch {
	case col == l.indents[top]:
		if alt != l.alt[top] {
			l.tabError()
			return false
		}
	case col > l.indents[top]:
		if len(l.indents) >= MaxIndent {
			l.deferred("IndentationError", "too many levels of indentation", 1, 0)
			return false
		}
		if alt <= l.alt[top] {
			l.tabError()
			return false
		}
		l.pendin++
		l.indents = append(l.indents, col)
		l.alt = append(l.alt, alt)
	default:
		for top > 0 && col < l.indents[top] {
			l.pendin--
			top--
		}
		l.indents = l.indents[:top+1]
		l.alt = l.alt[:top+1]
		if col != l.indents[top] {
			// CPython points past the end of the line.
			text := l.lineWithNewline()
			l.deferred("IndentationError", "unindent does not match any outer indentation level", len(text), -1)
			return false
		}
		if alt != l.alt[top] {
			l.tabError()
			return false
		}
	}
	return true
}

func (l *Lexer) tabError() {
	l.deferred("TabError", "inconsistent use of tabs and spaces in indentation", 1, 0)
}

// next lexes one token (or skips a blank line or comment).
func (l *Lexer) next() {
	// Skip spaces.
	for {
		c := l.peek()
		if c != ' ' && c != '\t' && c != '\f' {
			break
		}
		l.pos++
	}
	start := l.pos
	c := l.peek()
	if c == '#' {
		for c != '\n' && c != -1 {
			l.pos++
			c = l.peek()
		}
	}
	if c == -1 {
		if l.level > 0 {
			l.fail(l.unclosed())
			return
		}
		if len(l.indents) > 1 {
			// End of input dedents everything, as a line at column 0 would.
			l.pendin -= len(l.indents) - 1
			l.indents = l.indents[:1]
			l.alt = l.alt[:1]
			return
		}
		l.done = true
		return
	}
	if isIdentStart(c) {
		l.identifierOrString(start)
		return
	}
	switch {
	case c == '\n':
		if !l.blankLine && l.level == 0 {
			// As in CPython, NEWLINE starts at a comment before it and
			// ends where the newline character starts.
			l.emitSpan(NEWLINE, start, l.line, l.lineStart, l.pos, l.line, l.lineStart)
		}
		l.newline()
		l.atBOL = true
		return
	case c == '.':
		if isDigit(l.peekAt(1)) {
			l.number(start)
			return
		}
		if l.peekAt(1) == '.' && l.peekAt(2) == '.' {
			l.pos += 3
			l.emitSimple(ELLIPSIS, start)
			return
		}
		l.pos++
		l.emitSimple(DOT, start)
		return
	case isDigit(c):
		l.number(start)
		return
	case c == '"' || c == '\'':
		l.str(start)
		return
	case c == '\\':
		l.continuation()
		return
	}
	l.operator(start, c)
}

func (l *Lexer) identifierOrString(start int) {
	// String prefixes: b, r, u, f in the combinations Python allows.
	sawB, sawR, sawU, sawF := false, false, false, false
	for {
		c := l.peek()
		switch {
		case !(sawB || sawU || sawF) && (c == 'b' || c == 'B'):
			sawB = true
		case !(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U'):
			sawU = true
		case !(sawR || sawU) && (c == 'r' || c == 'R'):
			sawR = true
		case !(sawF || sawB || sawU) && (c == 'f' || c == 'F'):
			sawF = true
		default:
			goto ident
		}
		l.pos++
		if q := l.peek(); q == '"' || q == '\'' {
			l.str(start)
			return
		}
	}
ident:
	nonASCII := false
	for {
		c := l.peek()
		if !isIdentChar(c) {
			break
		}
		if c >= 128 {
			nonASCII = true
		}
		l.pos++
	}
	if nonASCII && !l.verifyIdentifier(start) {
		return
	}
	l.emitSimple(LookupKeyword(l.src[start:l.pos]), start)
}

// verifyIdentifier checks a non-ASCII identifier against PEP 3131, as
// CPython's verify_identifier: the first character must be XID_Start or
// '_', the others XID_Continue.
func (l *Lexer) verifyIdentifier(start int) bool {
	s := l.src[start:l.pos]
	if msg := UTF8Error(s); msg != "" {
		// CPython reports decoding errors at the end of the identifier.
		text := l.lineWithNewline()
		l.fail(&Error{
			Type: "SyntaxError", Msg: "(unicode error) 'utf-8' codec " + msg,
			Lineno: l.line + l.cfg.FirstLine - 1, Offset: charOffset(text, l.pos-l.lineStart),
			EndLineno: l.line + l.cfg.FirstLine - 1, EndOffset: -1, Text: ReplaceInvalid(text), Class: Raised,
		})
		return false
	}
	i := 0
	for off, r := range s {
		ok := ucd.IsXIDContinue(r)
		if i == 0 {
			ok = r == '_' || ucd.IsXIDStart(r)
		}
		if !ok {
			// Point just past the offending character.
			l.pos = start + off + utf8.RuneLen(r)
			if ucd.IsPrintable(r) {
				l.raise(l.pos, "invalid character '%c' (U+%04X)", r, r)
			} else {
				l.raise(l.pos, "invalid non-printable character U+%04X", r)
			}
			return false
		}
		i++
	}
	return true
}

// str lexes a string literal whose prefix (if any) starts at start and whose
// quote is at l.pos.
func (l *Lexer) str(start int) {
	startLine, startLineStart := l.line, l.lineStart
	quote := l.src[l.pos]
	l.pos++
	size := 1
	endQuotes := 0
	if l.peek() == int(quote) {
		l.pos++
		if l.peek() == int(quote) {
			l.pos++
			size = 3
		} else {
			endQuotes = 1 // the empty string
		}
	}
	for endQuotes != size {
		c := l.peek()
		if c == -1 || size == 1 && c == '\n' {
			// CPython reports from the start of the token, on its first line;
			// at the end of input its tokenizer is still on the last line.
			detected := l.line
			if c == -1 && l.pos == l.lineStart && l.pos > 0 {
				detected--
			}
			l.line, l.lineStart = startLine, startLineStart
			if size == 3 {
				l.raise(start+1, "unterminated triple-quoted string literal (detected at line %d)", detected+l.cfg.FirstLine-1)
			} else {
				l.raise(start+1, "unterminated string literal (detected at line %d)", detected+l.cfg.FirstLine-1)
			}
			l.toks[len(l.toks)-1].Err.Incomplete = c == -1
			return
		}
		if c == int(quote) {
			endQuotes++
			l.pos++
			continue
		}
		endQuotes = 0
		if c == '\n' {
			l.newline()
			continue
		}
		l.pos++
		if c == '\\' {
			// Skip the escaped character; an escaped newline continues a
			// single-quoted string on the next line.
			switch l.peek() {
			case '\n':
				l.newline()
			case -1:
			default:
				l.pos++
			}
		}
	}
	l.emit(STRING, start, startLine, startLineStart)
}

// number lexes a numeric literal, reproducing CPython's checks and messages.
func (l *Lexer) number(start int) {
	c := l.peek()
	if c == '.' {
		l.pos++
		l.fraction(start)
		return
	}
	if c == '0' {
		l.pos++
		c = l.peek()
		switch c {
		case 'x', 'X':
			l.pos++
			for {
				if l.peek() == '_' {
					l.pos++
				}
				if !isHexDigit(l.peek()) {
					l.raise(l.pos, "invalid hexadecimal literal")
					return
				}
				for isHexDigit(l.peek()) {
					l.pos++
				}
				if l.peek() != '_' {
					break
				}
			}
			if l.endOfNumber("hexadecimal") {
				l.emitSimple(NUMBER, start)
			}
			return
		case 'o', 'O', 'b', 'B':
			isOct := c == 'o' || c == 'O'
			kind, maxDigit := "binary", '1'
			if isOct {
				kind, maxDigit = "octal", '7'
			}
			l.pos++
			for {
				if l.peek() == '_' {
					l.pos++
				}
				d := l.peek()
				if d < '0' || d > int(maxDigit) {
					if isDigit(d) {
						l.pos++
						l.raise(l.pos, "invalid digit '%c' in %s literal", d, kind)
					} else {
						l.raise(l.pos, "invalid %s literal", kind)
					}
					return
				}
				for d := l.peek(); d >= '0' && d <= int(maxDigit); d = l.peek() {
					l.pos++
				}
				if l.peek() != '_' {
					break
				}
			}
			if d := l.peek(); isDigit(d) {
				l.pos++
				l.raise(l.pos, "invalid digit '%c' in %s literal", d, kind)
				return
			}
			if l.endOfNumber(kind) {
				l.emitSimple(NUMBER, start)
			}
			return
		}
		// Zeros, maybe an old-style octal (now an error), a float or "0".
		nonzero := false
		for {
			if l.peek() == '_' {
				l.pos++
				if !isDigit(l.peek()) {
					l.raise(l.pos, "invalid decimal literal")
					return
				}
			}
			if l.peek() != '0' {
				break
			}
			l.pos++
		}
		zerosEnd := l.pos
		if isDigit(l.peek()) {
			nonzero = true
			zerosEnd = l.pos + 1
			if !l.decimalTail() {
				return
			}
		}
		switch l.peek() {
		case '.':
			l.pos++
			l.fraction(start)
			return
		case 'e', 'E':
			l.exponent(start)
			return
		case 'j', 'J':
			l.imaginary(start)
			return
		}
		if nonzero {
			l.raiseRange(start+1-l.lineStart, zerosEnd-l.lineStart,
				"leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
			return
		}
		if l.endOfNumber("decimal") {
			l.emitSimple(NUMBER, start)
		}
		return
	}
	if !l.decimalTail() {
		return
	}
	switch l.peek() {
	case '.':
		l.pos++
		l.fraction(start)
		return
	case 'e', 'E':
		l.exponent(start)
		return
	case 'j', 'J':
		l.imaginary(start)
		return
	}
	if l.endOfNumber("decimal") {
		l.emitSimple(NUMBER, start)
	}
}

// decimalTail consumes digits with single underscores between them.
func (l *Lexer) decimalTail() bool {
	for {
		for isDigit(l.peek()) {
			l.pos++
		}
		if l.peek() != '_' {
			return true
		}
		l.pos++
		if !isDigit(l.peek()) {
			l.raise(l.pos, "invalid decimal literal")
			return false
		}
	}
}

// fraction continues after the '.' of a float.
func (l *Lexer) fraction(start int) {
	if isDigit(l.peek()) {
		if !l.decimalTail() {
			return
		}
	}
	switch l.peek() {
	case 'e', 'E':
		l.exponent(start)
		return
	case 'j', 'J':
		l.imaginary(start)
		return
	}
	if l.endOfNumber("decimal") {
		l.emitSimple(NUMBER, start)
	}
}

// exponent continues at an 'e' or 'E'.
func (l *Lexer) exponent(start int) {
	ePos := l.pos
	l.pos++
	c := l.peek()
	if c == '+' || c == '-' {
		l.pos++
		if !isDigit(l.peek()) {
			l.raise(l.pos, "invalid decimal literal")
			return
		}
	} else if !isDigit(c) {
		// "1else": the 'e' may begin a keyword; back up to it.
		l.pos = ePos
		if l.endOfNumber("decimal") {
			l.emitSimple(NUMBER, start)
		}
		return
	}
	if !l.decimalTail() {
		return
	}
	if c := l.peek(); c == 'j' || c == 'J' {
		l.imaginary(start)
		return
	}
	if l.endOfNumber("decimal") {
		l.emitSimple(NUMBER, start)
	}
}

func (l *Lexer) imaginary(start int) {
	l.pos++
	if l.endOfNumber("imaginary") {
		l.emitSimple(NUMBER, start)
	}
}

// endOfNumber is CPython's verify_end_of_number: a literal directly followed
// by a keyword that can follow a number in valid code ("1if x else y") only
// warns; followed by other identifier characters it is an error.
func (l *Lexer) endOfNumber(kind string) bool {
	c := l.peek()
	if !isIdentChar(c) || c >= 128 {
		// CPython 3.11.7 lets a non-ASCII character after a number
		// become the next token ("2Δ" is NUMBER NAME).
		return true
	}
	rest := l.src[l.pos:]
	kwFollows := func(kw string) bool {
		return strings.HasPrefix(rest, kw) && (len(rest) == len(kw) || !isIdentChar(int(rest[len(kw)])))
	}
	switch c {
	case 'a':
		if kwFollows("and") {
			return true
		}
	case 'e':
		if kwFollows("else") {
			return true
		}
	case 'f':
		if kwFollows("for") {
			return true
		}
	case 'i':
		if len(rest) > 1 && (rest[1] == 'f' || rest[1] == 'n' || rest[1] == 's') {
			return true
		}
	case 'o':
		if kwFollows("or") {
			return true
		}
	case 'n':
		if kwFollows("not") {
			return true
		}
	}
	l.raise(l.pos, "invalid %s literal", kind)
	return false
}

// threeCharOps and twoCharOps map operator spellings to kinds.
var twoCharOps = map[string]Kind{
	"!=": NOTEQUAL, "%=": PERCENTEQUAL, "&=": AMPEREQUAL, "**": DOUBLESTAR,
	"*=": STAREQUAL, "+=": PLUSEQUAL, "-=": MINEQUAL, "->": RARROW,
	"//": DOUBLESLASH, "/=": SLASHEQUAL, ":=": COLONEQUAL, "<<": LEFTSHIFT,
	"<=": LESSEQUAL, "<>": NOTEQUAL, "==": EQEQUAL, ">=": GREATEREQUAL,
	">>": RIGHTSHIFT, "@=": ATEQUAL, "^=": CIRCUMFLEXEQUAL, "|=": VBAREQUAL,
}

var threeCharOps = map[string]Kind{
	"**=": DOUBLESTAREQUAL, "...": ELLIPSIS, "//=": DOUBLESLASHEQUAL,
	"<<=": LEFTSHIFTEQUAL, ">>=": RIGHTSHIFTEQUAL,
}

var oneCharOps = [128]Kind{
	'(': LPAR, ')': RPAR, '[': LSQB, ']': RSQB, '{': LBRACE, '}': RBRACE,
	':': COLON, ',': COMMA, ';': SEMI, '+': PLUS, '-': MINUS, '*': STAR,
	'/': SLASH, '|': VBAR, '&': AMPER, '<': LESS, '>': GREATER, '=': EQUAL,
	'.': DOT, '%': PERCENT, '~': TILDE, '^': CIRCUMFLEX, '@': AT,
}

func (l *Lexer) operator(start, c int) {
	if l.pos+1 < len(l.src) {
		if k, ok := twoCharOps[l.src[l.pos:l.pos+2]]; ok {
			if l.pos+2 < len(l.src) {
				if k3, ok := threeCharOps[l.src[l.pos:l.pos+3]]; ok {
					l.pos += 3
					l.emitSimple(k3, start)
					return
				}
			}
			l.pos += 2
			l.emitSimple(k, start)
			return
		}
	}
	l.pos++
	switch c {
	case '(', '[', '{':
		if l.level >= MaxLevel {
			l.raise(l.pos, "too many nested parentheses")
			return
		}
		l.parens[l.level] = paren{ch: byte(c), line: l.line, col: start - l.lineStart}
		l.level++
	case ')', ']', '}':
		if l.level == 0 {
			l.raise(l.pos, "unmatched '%c'", c)
			return
		}
		l.level--
		open := l.parens[l.level]
		if !(open.ch == '(' && c == ')' || open.ch == '[' && c == ']' || open.ch == '{' && c == '}') {
			if open.line != l.line {
				l.raise(l.pos, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, open.ch, open.line+l.cfg.FirstLine-1)
			} else {
				l.raise(l.pos, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open.ch)
			}
			return
		}
	}
	if c < 128 && oneCharOps[c] != 0 {
		l.emitSimple(oneCharOps[c], start)
		return
	}
	if c < 0x20 || c == 0x7f {
		l.raise(l.pos, "invalid non-printable character U+%04X", c)
		return
	}
	// '!', '$', '?', '`': CPython returns a generic OP token that no rule
	// accepts, so the parser reports "invalid syntax" there.
	l.emitSimple(OP, start)
}
