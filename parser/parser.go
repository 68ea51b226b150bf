package parser

import (
	"fmt"
	"runtime/debug"

	"gilpy/lexer"
	"gilpy/parser/ast"
)

// Mode selects what Parse accepts, as the mode argument of compile().
type Mode int

const (
	ModeExec   Mode = iota // a module: *ast.Module
	ModeEval               // one expression: *ast.Expression
	ModeSingle             // one interactive statement: *ast.Interactive
)

// SyntaxError is every error Parse returns. The fields are CPython's
// SyntaxError attributes: Offset and EndOffset are 1-based character (code
// point) offsets into Text, as CPython reports them (CPython also reports 0
// or -1 for some errors that have no end; gilpy copies those values).
type SyntaxError struct {
	Type       string // "SyntaxError", "IndentationError", "TabError" or "MemoryError" (source too deeply nested)
	Msg        string
	Filename   string
	Lineno     int
	Offset     int
	EndLineno  int
	EndOffset  int
	Text       string // the source line, with its "\n" where CPython keeps it; "" if none
	Incomplete bool   // input ended inside a bracket, string or block: the REPL asks for more
}

func (e *SyntaxError) Error() string {
	if e.Lineno == 0 {
		return fmt.Sprintf("%s: %s", e.Type, e.Msg)
	}
	return fmt.Sprintf("%s: %s (%s, line %d)", e.Type, e.Msg, e.Filename, e.Lineno)
}

// ParseModule parses a whole file.
func ParseModule(filename string, src []byte) (*ast.Module, error) {
	n, err := Parse(filename, src, ModeExec)
	if err != nil {
		return nil, err
	}
	return n.(*ast.Module), nil
}

// Parse parses src. The result is *ast.Module, *ast.Expression or
// *ast.Interactive by mode; the error is always a *SyntaxError.
func Parse(filename string, src []byte, mode Mode) (result any, err error) {
	defer func() {
		// A panic here is a bug in gilpy. Report it as a SyntaxError
		// rather than crash the interpreter, and keep the stack for the
		// bug report.
		if r := recover(); r != nil {
			result = nil
			err = &SyntaxError{Type: "SyntaxError", Filename: filename,
				Msg: fmt.Sprintf("internal parser error: %v\n%s", r, debug.Stack())}
		}
	}()
	return parseSource(filename, src, mode)
}

// ParseString parses source that is already text, as compile() and exec()
// of a str do: a coding declaration in it is ignored (the text is UTF-8
// already), as CPython ignores it for str sources.
func ParseString(filename, src string, mode Mode) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			result = nil
			err = &SyntaxError{Type: "SyntaxError", Filename: filename,
				Msg: fmt.Sprintf("internal parser error: %v\n%s", r, debug.Stack())}
		}
	}()
	text, lerr := lexer.PrepareText(src)
	if lerr != nil {
		return nil, &SyntaxError{Type: lerr.Type, Msg: lerr.Msg, Filename: filename}
	}
	return parsePrepared(filename, text, mode)
}

// parseSource is Parse without the safety net, for the fuzz tests.
func parseSource(filename string, src []byte, mode Mode) (any, error) {
	text, lerr := lexer.Prepare(src)
	if lerr != nil {
		return nil, &SyntaxError{Type: lerr.Type, Msg: lerr.Msg, Filename: filename,
			Lineno: lerr.Lineno, Offset: lerr.Offset, EndLineno: lerr.EndLineno, EndOffset: lerr.EndOffset, Text: lerr.Text}
	}
	return parsePrepared(filename, text, mode)
}

func parsePrepared(filename, text string, mode Mode) (any, error) {
	p := newParser(filename, text, lexer.Tokenize(text), mode)
	res := p.parse()
	if p.err != nil {
		return nil, p.finalError()
	}
	return res, nil
}
