package lexer

// Kind is a token's type. Every operator and keyword has its own kind so
// that the parser can switch on a small integer instead of comparing text.
type Kind uint8

// The token kinds. The order of the operator and keyword blocks matters only
// to IsKeyword/IsOperator.
const (
	EOF     Kind = iota // end of input (CPython's ENDMARKER)
	ERROR               // a lexical error; Token.Err says which
	NAME                // identifier, including the soft keywords match/case/_
	NUMBER              // integer, float or imaginary literal
	STRING              // one string literal with its prefix and quotes
	NEWLINE             // end of a logical line
	INDENT              // the indentation grew
	DEDENT              // the indentation shrank by one level
	OP                  // a character that is no Python operator, such as '$', '?' or '!'

	// Operators and delimiters.
	LPAR             // (
	RPAR             // )
	LSQB             // [
	RSQB             // ]
	LBRACE           // {
	RBRACE           // }
	COLON            // :
	COMMA            // ,
	SEMI             // ;
	PLUS             // +
	MINUS            // -
	STAR             // *
	SLASH            // /
	VBAR             // |
	AMPER            // &
	LESS             // <
	GREATER          // >
	EQUAL            // =
	DOT              // .
	PERCENT          // %
	EQEQUAL          // ==
	NOTEQUAL         // != (and <>)
	LESSEQUAL        // <=
	GREATEREQUAL     // >=
	TILDE            // ~
	CIRCUMFLEX       // ^
	LEFTSHIFT        // <<
	RIGHTSHIFT       // >>
	DOUBLESTAR       // **
	PLUSEQUAL        // +=
	MINEQUAL         // -=
	STAREQUAL        // *=
	SLASHEQUAL       // /=
	PERCENTEQUAL     // %=
	AMPEREQUAL       // &=
	VBAREQUAL        // |=
	CIRCUMFLEXEQUAL  // ^=
	LEFTSHIFTEQUAL   // <<=
	RIGHTSHIFTEQUAL  // >>=
	DOUBLESTAREQUAL  // **=
	DOUBLESLASH      // //
	DOUBLESLASHEQUAL // //=
	AT               // @
	ATEQUAL          // @=
	RARROW           // ->
	ELLIPSIS         // ...
	COLONEQUAL       // :=

	// Hard keywords (soft keywords are NAMEs).
	FALSE
	NONE
	TRUE
	AND
	AS
	ASSERT
	ASYNC
	AWAIT
	BREAK
	CLASS
	CONTINUE
	DEF
	DEL
	ELIF
	ELSE
	EXCEPT
	FINALLY
	FOR
	FROM
	GLOBAL
	IF
	IMPORT
	IN
	IS
	LAMBDA
	NONLOCAL
	NOT
	OR
	PASS
	RAISE
	RETURN
	TRY
	WHILE
	WITH
	YIELD

	NumKinds // the number of kinds; not a kind
)

var kindNames = [NumKinds]string{
	EOF: "EOF", ERROR: "ERROR", NAME: "NAME", NUMBER: "NUMBER", STRING: "STRING",
	NEWLINE: "NEWLINE", INDENT: "INDENT", DEDENT: "DEDENT", OP: "OP",
	LPAR: "(", RPAR: ")", LSQB: "[", RSQB: "]", LBRACE: "{", RBRACE: "}",
	COLON: ":", COMMA: ",", SEMI: ";", PLUS: "+", MINUS: "-", STAR: "*",
	SLASH: "/", VBAR: "|", AMPER: "&", LESS: "<", GREATER: ">", EQUAL: "=",
	DOT: ".", PERCENT: "%", EQEQUAL: "==", NOTEQUAL: "!=", LESSEQUAL: "<=",
	GREATEREQUAL: ">=", TILDE: "~", CIRCUMFLEX: "^", LEFTSHIFT: "<<",
	RIGHTSHIFT: ">>", DOUBLESTAR: "**", PLUSEQUAL: "+=", MINEQUAL: "-=",
	STAREQUAL: "*=", SLASHEQUAL: "/=", PERCENTEQUAL: "%=", AMPEREQUAL: "&=",
	VBAREQUAL: "|=", CIRCUMFLEXEQUAL: "^=", LEFTSHIFTEQUAL: "<<=",
	RIGHTSHIFTEQUAL: ">>=", DOUBLESTAREQUAL: "**=", DOUBLESLASH: "//",
	DOUBLESLASHEQUAL: "//=", AT: "@", ATEQUAL: "@=", RARROW: "->",
	ELLIPSIS: "...", COLONEQUAL: ":=",
	FALSE: "False", NONE: "None", TRUE: "True", AND: "and", AS: "as",
	ASSERT: "assert", ASYNC: "async", AWAIT: "await", BREAK: "break",
	CLASS: "class", CONTINUE: "continue", DEF: "def", DEL: "del", ELIF: "elif",
	ELSE: "else", EXCEPT: "except", FINALLY: "finally", FOR: "for", FROM: "from",
	GLOBAL: "global", IF: "if", IMPORT: "import", IN: "in", IS: "is",
	LAMBDA: "lambda", NONLOCAL: "nonlocal", NOT: "not", OR: "or", PASS: "pass",
	RAISE: "raise", RETURN: "return", TRY: "try", WHILE: "while", WITH: "with",
	YIELD: "yield",
}

// String returns the operator or keyword as written, or the kind's name
// (NAME, NEWLINE, ...) for the other kinds.
func (k Kind) String() string {
	if k < NumKinds {
		return kindNames[k]
	}
	return "Kind(?)"
}

// IsKeyword reports whether k is a hard keyword.
func (k Kind) IsKeyword() bool { return k >= FALSE && k <= YIELD }

// IsOperator reports whether k is an operator or delimiter.
func (k Kind) IsOperator() bool { return k >= LPAR && k <= COLONEQUAL }

var keywords = func() map[string]Kind {
	m := make(map[string]Kind, YIELD-FALSE+1)
	for k := FALSE; k <= YIELD; k++ {
		m[kindNames[k]] = k
	}
	return m
}()

// LookupKeyword returns the keyword kind for s, or NAME.
func LookupKeyword(s string) Kind {
	// Keywords are 2..8 ASCII letters; this check avoids the map for most names.
	if len(s) < 2 || len(s) > 8 {
		return NAME
	}
	if k, ok := keywords[s]; ok {
		return k
	}
	return NAME
}

// Token is one token. Positions follow CPython: Line is 1-based, Col is the
// 0-based UTF-8 byte offset in the line, and [Line:Col, EndLine:EndCol) is
// the token's extent. As in CPython, a NEWLINE token covers a comment before
// it and ends where the newline character starts; INDENT and DEDENT have no
// extent (they sit before the line's first token).
type Token struct {
	Kind Kind
	// Level is the bracket nesting depth after this token, as CPython's
	// token->level: 1 for the '(' of "f(", 0 for its ')'.
	Level int16
	// AtEOF marks the NEWLINE and DEDENT tokens the lexer adds at the end of
	// the input: an error there means the input was incomplete.
	AtEOF           bool
	Line, Col       int32
	EndLine, EndCol int32
	// Offset is the byte offset of the token's first byte in the source
	// (after newline normalisation, see Source).
	Offset int32
	// Value is the token's source text. For STRING it includes prefix and
	// quotes; for ERROR it is the text at the error, if any.
	Value string
	// Err is set on ERROR tokens only.
	Err *Error
}
