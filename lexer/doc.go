// Package lexer turns Python 3.11 source into tokens, as CPython's tokenizer
// (Parser/tokenizer.c) does: the same tokens, positions and error messages.
//
// # Design
//
// Prepare normalizes the source bytes (BOM, PEP 263 coding declaration,
// line endings, final newline); Tokenize then lexes the whole text at once
// into a slice of Tokens ending with EOF. The parser needs all tokens up
// front (participle works on a token slice), so the lexer never stops the
// parse itself: the first lexical error becomes an ERROR token carrying a
// *Error with CPython's message and SyntaxError attributes, followed by EOF,
// and nothing after it is lexed (CPython's tokenizer also stops there). The
// parser reports it when it reaches it, or earlier if CPython would: after a
// parser error CPython tokenizes the rest of the file and some tokenizer
// errors found there win (see ErrorClass).
//
// Indentation follows CPython exactly: tabs advance to the next multiple of
// 8, an alternative count with tabs as 1 detects inconsistent mixing
// (TabError), a dedent to a column no outer block used is an
// IndentationError, blank and comment-only lines produce no tokens, newlines
// inside brackets and after a backslash join lines. Bracket nesting is
// tracked to report unmatched, mismatched and never closed brackets, and is
// capped at 200 levels ("too many nested parentheses"), which also bounds
// the parser's recursion.
//
// Each operator and keyword has its own Kind; soft keywords (match, case, _)
// are NAMEs. A string literal is one STRING token with its prefix and quotes
// (f-strings included, as in 3.11: the parser takes them apart); DecodeStr
// and DecodeBytes decode literal bodies with CPython's escape rules and error
// texts. "\N{...}" needs Unicode character names, which Go's standard
// library lacks: package lexer/ucd holds them, generated from CPython's own
// unicodedata.
//
// Positions are CPython's: 1-based lines, 0-based UTF-8 byte columns, token
// ends exclusive; tokens added at the end of input (DEDENT, EOF) sit on the
// last line, past its newline, where CPython's tokenizer stands.
package lexer
