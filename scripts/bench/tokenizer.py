# A regex-free tokenizer: walks a generated Python-like source text one
# character at a time with str methods (isdigit, isalpha, isspace),
# slicing and comparisons, and counts the tokens of each kind.

KEYWORDS = {"def", "return", "if", "else", "for", "in", "while", "and", "or", "not"}
OPERATORS = ["**", "//", "==", "!=", "<=", ">=", "+=", "->",
             "+", "-", "*", "/", "%", "<", ">", "=", "(", ")", "[", "]", ":", ",", "."]


def make_source(lines):
    names = ["alpha", "beta", "gamma", "delta_2", "_tmp", "x", "y9"]
    out = []
    for i in range(lines):
        a = names[i % len(names)]
        b = names[(i * 3 + 1) % len(names)]
        kind = i % 5
        if kind == 0:
            out.append(f"def f{i}({a}, {b}):")
        elif kind == 1:
            out.append(f"    {a} += {b} ** {i % 7} // 3  # note {i}")
        elif kind == 2:
            out.append(f"    if {a} >= {i}.5 and not {b}: return '{a}{i}'")
        elif kind == 3:
            out.append(f"    for {a} in range({i}, {b}[{i % 4}]): {b}.append(\"s\\\"{i}\")")
        else:
            out.append(f"    return ({a} != {b}) or {a} % {i + 1} <= -{i}")
    return "\n".join(out) + "\n"


def tokenize(src):
    counts = {}
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\n":
            kind = "NEWLINE"
            j = i + 1
        elif c == " " or c == "\t":
            i += 1
            continue
        elif c == "#":
            j = src.find("\n", i)
            if j < 0:
                j = n
            kind = "COMMENT"
        elif c.isdigit():
            j = i + 1
            while j < n and (src[j].isdigit() or src[j] == "."):
                j += 1
            kind = "NUMBER"
        elif c.isalpha() or c == "_":
            j = i + 1
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            kind = "KEYWORD" if src[i:j] in KEYWORDS else "NAME"
        elif c == "'" or c == '"':
            j = i + 1
            while src[j] != c:
                if src[j] == "\\":
                    j += 1
                j += 1
            j += 1
            kind = "STRING"
        else:
            for op in OPERATORS:
                if src.startswith(op, i):
                    j = i + len(op)
                    kind = "OP"
                    break
            else:
                raise SyntaxError("unexpected character " + repr(c))
        tokens.append((kind, src[i:j]))
        counts[kind] = counts.get(kind, 0) + 1
        i = j
    return tokens, counts


src = make_source(40000)
tokens, counts = tokenize(src)
print("source chars:", len(src), "tokens:", len(tokens))
print("kinds:", sorted(counts.items()))
print("sample:", tokens[100:106])
