package lexer

import (
	"fmt"
	"unicode/utf8"
)

// ErrorClass says how an error found by the lexer competes with an error the
// parser finds earlier in the file. CPython's parser pulls tokens lazily, so
// the parser normally stops first; but after a parser error CPython tokenizes
// the rest of the file, and some tokenizer errors found there win
// (Parser/pegen_errors.c, _PyPegen_tokenize_full_source_to_check_for_errors).
// participle lexes the whole file up front, so the parser needs this class to
// reproduce that choice.
type ErrorClass uint8

const (
	// Raised: the tokenizer raised a SyntaxError itself (unterminated
	// string, invalid character, bad number, unmatched bracket...). It
	// replaces any error the parser reports earlier in the file.
	Raised ErrorClass = iota
	// Deferred: CPython reports it only if the parser reaches it
	// (bad dedent, tab/space mix, too deep indentation, stray character
	// after a backslash, EOF after a backslash).
	Deferred
	// Unclosed: the input ended inside brackets ("'(' was never closed").
	// It replaces a parser error only if that error lies on a later line than
	// the bracket.
	Unclosed
)

// Error is a lexical error with the attributes CPython's SyntaxError would
// carry. Offset and EndOffset are 1-based character offsets into Text, or the
// odd values CPython reports (0 or -1) where CPython has no end.
type Error struct {
	Type       string // "SyntaxError", "IndentationError" or "TabError"
	Msg        string
	Lineno     int
	Offset     int
	EndLineno  int
	EndOffset  int
	Text       string
	Class      ErrorClass
	Incomplete bool // the input ended too early: more input could fix it
	// Line is the line the comparison with parser errors uses: the bracket's
	// line for Unclosed errors, otherwise Lineno.
	Line int
	// Unclosed is the "was never closed" error for the innermost open bracket
	// when a Deferred error happened inside brackets (CPython checks it too).
	Unclosed *Error
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s (line %d, offset %d)", e.Type, e.Msg, e.Lineno, e.Offset)
}

// charOffset converts a byte offset in line to CPython's character offset:
// the number of code points in line[:n], where a partial UTF-8 sequence
// counts as one (CPython decodes with errors="replace"). n is clamped to
// len(line)+1 as CPython does.
func charOffset(line string, n int) int {
	if n > len(line)+1 {
		n = len(line) + 1
	}
	if n <= 0 {
		return n
	}
	count := 0
	if n > len(line) {
		count = n - len(line)
		n = len(line)
	}
	// A character that starts before n counts once even if it is cut.
	for i := 0; i < n; {
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
		count++
	}
	return count
}

// CharOffset is charOffset for the parser: it converts a 1-based byte offset
// into line to CPython's 1-based character offset.
func CharOffset(line string, byteOffset int) int { return charOffset(line, byteOffset) }
