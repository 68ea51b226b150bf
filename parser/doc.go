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
// skeleton: blocks, simple statement lines and the keyword statements,
// if/while/for/with/def/class headers, decorators and async (grammar.go).
// Wherever CPython's grammar has its own syntax or error messages, the
// grammar uses a Parseable leaf written by hand (leaves.go): expressions,
// targets, parameter lists, call arguments, import names, and the ':' and
// INDENT of compound statements, which CPython reports as "expected ':'" or
// "expected an indented block after 'for' statement on line 3".
//
// Measurements on this project showed that participle with one struct per
// precedence level parses ~10k lines/s; expressions are therefore
// hand-written (expr.go, args.go), by recursive descent with precedence
// climbing for the binary operators. For the same reason each statement is
// dispatched by its first token to participle's parser for that statement
// kind (pStmt): one alternative per statement kind would cost participle a
// copy of its state and an allocation for every kind tried on every
// statement. Lines holding a single expression statement or assignment, the
// most common kind, go straight to their hand-written parser.
//
// Three statements are written by hand as a whole, calling back into
// participle for their blocks, because their rules need more context than a
// participle grammar holds cleanly: try (CPython checks the whole handler
// sequence for "expected 'except' or 'finally' block" and for mixing except
// and except*), match ("match" and "case" are soft keywords: "match" starts a
// statement only if a subject and ':' follow, which needs unbounded
// lookahead), and expression statements with assignments (one parser that
// decides by the token after the first expression, as CPython's assignment
// rule does).
//
// # Following CPython
//
// The hand-written parsers follow the rules of CPython's Grammar/python.gram
// closely, because positions and errors depend on it: every node spans
// exactly the tokens its CPython rule consumed (so "(a) + b" starts at the
// parenthesis and "x = 1, 2," ends after the comma).
//
// CPython parses twice: a fast pass and, on failure, a second pass that also
// tries the invalid_* rules, which carry the specific messages. gilpy parses
// once and tries the corresponding invalid_* rule where the first pass would
// fail. Two kinds of failure are kept apart, as in CPython: a rule that does
// not match (a generic error, undone when a speculative parse backtracks and
// reported as "invalid syntax" at the furthest token the first pass looked
// at, which the parser tracks), and an error a rule raises (final). Some of
// CPython's quirks are reproduced on purpose: errors at INDENT, DEDENT and
// the end of input, the error text with or without its newline, offsets
// converted from bytes to characters against the error line, PEG-style
// partial matches inside the invalid_* checks, a "match(x)" line taken for a
// match statement by the second pass, and tokenizer errors later in the file
// that replace a parser error (see lexer.ErrorClass).
//
// f-strings are parsed the 3.11 way: the lexer returns them as one STRING
// token and fstring.go takes them apart, parsing each field's expression with
// a sub-parser over its own tokens, shifted to the field's place in the file.
// That reproduces 3.11's positions of f-string expressions and its error
// texts.
//
// No input makes the parser panic or run away: the lexer stops more than 200
// nested brackets, the hand-written parsers count their depth, no rule
// re-parses nested constructs (which would be exponential), and Parse turns a
// panic (a bug) into a SyntaxError as a last resort. Testing is against
// CPython itself: see parser_test.go and testdata/gen_expected.py.
package parser
