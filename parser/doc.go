// Package parser turns Python 3.11 source into the syntax tree of package
// parser/ast, with CPython 3.11's SyntaxError messages and positions.
//
// # Design
//
// The pipeline is lexer → participle (statements) → hand-written parsers
// (expressions and the statement parts with their own error rules) →
// lowering into parser/ast.
//
// participle (github.com/alecthomas/participle/v2) matches the statement
// skeleton: the module and block structure, simple statements and their
// keywords, if/while/for/with/def/class headers, decorators and async
// (grammar.go). Wherever CPython's grammar has its own syntax or special
// error messages, the grammar uses a Parseable leaf written by hand
// (leaves.go): expressions, targets, parameter lists, call arguments, the
// ':' and INDENT of compound statements (which CPython reports as
// "expected ':'" or "expected an indented block after ..."), import names.
// Measurements on this project showed that participle with one struct per
// precedence level parses ~10k lines/s, while a hand-written precedence
// climber for expressions inside participle statements runs at CPython's
// speed; expressions are therefore entirely hand-written (expr.go, args.go).
//
// Three statements are hand-written as whole Parseables that call back into
// participle for their blocks, because their rules need more context than a
// participle grammar holds cleanly: try (CPython checks the whole handler
// sequence for "expected 'except' or 'finally' block" and for mixing except
// and except*), match (a soft keyword: "match" starts a statement only if a
// subject and ':' follow, which needs unbounded lookahead), and expression
// statements and assignments (one parser that decides by the token after
// the first expression, as CPython's assignment rule does).
//
// The hand-written parsers follow the rules of CPython's Grammar/python.gram
// closely, because positions and errors depend on it: every node spans
// exactly the tokens its CPython rule consumed (so "(a) + b" starts at the
// parenthesis, "x = 1, 2," ends after the comma). CPython parses twice: a
// fast pass, and on failure a second pass that also tries the invalid_*
// rules, which carry the specific messages. gilpy parses once and checks the
// corresponding invalid_* rule where the first pass fails; generic errors
// ("invalid syntax") are reported at the furthest token the first pass
// looked at, which the parser tracks (parser.fetched). CPython's quirks are
// reproduced on purpose: errors at INDENT/DEDENT/end of input, the text
// with or without its newline, offsets converted from bytes to characters
// against the error line, and tokenizer errors later in the file that
// replace a parser error (see lexer.ErrorClass).
//
// f-strings are parsed the 3.11 way: the lexer returns them as one STRING
// token and fstring.go takes them apart, parsing each field's expression with
// a sub-parser over its own tokens, shifted to the field's position. That
// reproduces 3.11's positions for f-string expressions and its error texts.
//
// No input makes the parser panic or recurse without bound: the lexer stops
// more than 200 nested brackets, the hand-written parsers count their depth,
// and Parse recovers a panic (a bug) into a SyntaxError as a last resort.
package parser
