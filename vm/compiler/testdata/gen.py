"""Generate the compiler's golden files from CPython 3.11.

Run from vm/compiler (or via `go test -run . -regen`):

    python3 testdata/gen.py

For every testdata/src/*.py it writes testdata/golden/<name>.json holding the
AST (as CPython's ast module sees it, so the Go tests need no parser) and,
for every code object CPython compiles from it, the normalized instruction
list (opcode, argument, positions), exception table and code attributes.
testdata/errors.py holds snippets, separated by "### name" lines, that
CPython's compiler (not its parser) rejects; their ASTs and SyntaxErrors go
to testdata/golden/errors.json.

Normalization (both sides): CACHE, PRECALL, RESUME, EXTENDED_ARG and
RETURN_GENERATOR (with the POP_TOP after it) are dropped; JUMP_FORWARD is
JUMP, POP_JUMP_FORWARD_IF_X is POP_JUMP_IF_X; jump targets and exception
table ranges are indices into the remaining instructions.
"""
import ast
import dis
import json
import os
import sys
import warnings

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))
DROP = {"CACHE", "PRECALL", "RESUME", "EXTENDED_ARG", "RETURN_GENERATOR"}
RENAME = {
    "JUMP_FORWARD": "JUMP",
    "POP_JUMP_FORWARD_IF_FALSE": "POP_JUMP_IF_FALSE",
    "POP_JUMP_FORWARD_IF_TRUE": "POP_JUMP_IF_TRUE",
    "POP_JUMP_FORWARD_IF_NONE": "POP_JUMP_IF_NONE",
    "POP_JUMP_FORWARD_IF_NOT_NONE": "POP_JUMP_IF_NOT_NONE",
}


def ast_json(node):
    if isinstance(node, ast.AST):
        d = {"_t": type(node).__name__}
        for f in node._fields:
            d[f] = ast_json(getattr(node, f, None))
        for a in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
            if hasattr(node, a):
                d[a] = getattr(node, a)
        if isinstance(node, ast.Constant):
            d["value"] = const_json(node.value)
        if isinstance(node, ast.MatchSingleton):
            d["value"] = const_json(node.value)
        return d
    if isinstance(node, list):
        return [ast_json(x) for x in node]
    return node


def const_json(v):
    if v is None:
        return ["None"]
    if v is Ellipsis:
        return ["Ellipsis"]
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", str(v)]
    if isinstance(v, float):
        return ["float", repr(v)]
    if isinstance(v, complex):
        return ["complex", repr(v.real), repr(v.imag)]
    if isinstance(v, str):
        return ["str", v]
    if isinstance(v, bytes):
        return ["bytes", v.hex()]
    if isinstance(v, tuple):
        return ["tuple", [const_json(x) for x in v]]
    if isinstance(v, frozenset):
        items = [const_json(x) for x in v]
        items.sort(key=json.dumps)
        return ["frozenset", items]
    if hasattr(v, "co_code"):
        return ["code", v.co_qualname]
    raise TypeError(type(v))


def positions(p):
    return [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset]


def code_json(co):
    raw = list(dis.get_instructions(co))
    kept = []
    skip_pop = False
    for ins in raw:
        if skip_pop and ins.opname == "POP_TOP":
            skip_pop = False
            continue
        skip_pop = False
        if ins.opname in DROP:
            if ins.opname == "RETURN_GENERATOR":
                skip_pop = True
            continue
        kept.append(ins)
    offsets = [ins.offset for ins in kept]

    def index_at(off):
        for i, o in enumerate(offsets):
            if o >= off:
                return i
        return len(offsets)

    instrs = []
    for ins in kept:
        op = RENAME.get(ins.opname, ins.opname)
        if ins.opcode in dis.hasjrel or ins.opcode in dis.hasjabs:
            arg = index_at(ins.argval)
        elif ins.opcode in dis.hasconst:
            arg = const_json(co.co_consts[ins.arg])
        elif ins.opname == "LOAD_GLOBAL":
            arg = ("NULL+" if ins.arg & 1 else "") + ins.argval
        elif ins.opcode in dis.hasname or ins.opcode in dis.haslocal or ins.opcode in dis.hasfree:
            arg = ins.argval
        else:
            arg = ins.arg
        instrs.append([op, arg, positions(ins.positions)])
    table = []
    for e in dis._parse_exception_table(co):
        start, end, target = index_at(e.start), index_at(e.end), index_at(e.target)
        if start >= end:
            continue
        row = [start, end, target, e.depth, e.lasti]
        if table and table[-1][1] == start and table[-1][2:] == row[2:]:
            table[-1][1] = end
        else:
            table.append(row)
    return {
        "name": co.co_name,
        "qualname": co.co_qualname,
        "firstlineno": co.co_firstlineno,
        "argcount": co.co_argcount,
        "posonlyargcount": co.co_posonlyargcount,
        "kwonlyargcount": co.co_kwonlyargcount,
        "flags": co.co_flags,
        "stacksize": co.co_stacksize,
        "varnames": list(co.co_varnames),
        "cellvars": list(co.co_cellvars),
        "freevars": list(co.co_freevars),
        "docstring": (co.co_consts[0] if co.co_flags & 0x1 and not co.co_name.startswith("<")
                      and co.co_consts and isinstance(co.co_consts[0], str) else None),
        "instrs": instrs,
        "exctable": table,
    }


def all_codes(co):
    out = [code_json(co)]
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            out.extend(all_codes(c))
    return out


def gen_src(path):
    name = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as f:
        src = f.read()
    mode = "exec"
    optimize = -1
    if name.endswith(".opt1"):
        optimize = 1
    elif name.endswith(".opt2"):
        optimize = 2
    if name.endswith(".single"):
        mode = "single"
    elif name.endswith(".eval"):
        mode = "eval"
    tree = ast.parse(src, "<test>", mode=mode)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        co = compile(src, "<test>", mode, optimize=optimize)
    warns = [[str(w.message), w.lineno] for w in caught if w.category is SyntaxWarning]
    data = {"ast": ast_json(tree), "codes": all_codes(co), "warnings": warns}
    out = os.path.join(HERE, "golden", name + ".json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=None, ensure_ascii=False)
        f.write("\n")


def split_cases(text):
    cases = []
    name, lines = None, []
    for line in text.splitlines(keepends=True):
        if line.startswith("### "):
            if name is not None:
                cases.append((name, "".join(lines)))
            name, lines = line[4:].strip(), []
        else:
            lines.append(line)
    if name is not None:
        cases.append((name, "".join(lines)))
    return cases


def gen_errors():
    with open(os.path.join(HERE, "errors.py"), encoding="utf-8") as f:
        text = f.read()
    out = []
    for name, src in split_cases(text):
        tree = ast.parse(src, "<test>")  # the parser must accept it
        try:
            with warnings.catch_warnings():
                # werror_*: SyntaxWarnings turned into errors by the filters.
                warnings.simplefilter("error" if name.startswith("werror_") else "ignore")
                compile(src, "<test>", "exec")
        except SyntaxError as e:
            err = [e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
        else:
            raise SystemExit("case %r compiled without error" % name)
        out.append({"name": name, "src": src, "ast": ast_json(tree), "error": err})
    with open(os.path.join(HERE, "golden", "errors.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")


def dump_file(path):
    """Print the golden JSON of one source file (for the on-the-fly tests)."""
    with open(path, encoding="utf-8") as f:
        src = f.read()
    tree = ast.parse(src, path)
    co = compile(src, path, "exec")
    json.dump({"ast": ast_json(tree), "codes": all_codes(co)}, sys.stdout, ensure_ascii=False)


def main():
    warnings.simplefilter("ignore")
    if len(sys.argv) == 3 and sys.argv[1] == "--file":
        dump_file(sys.argv[2])
        return
    src_dir = os.path.join(HERE, "src")
    for fn in sorted(os.listdir(src_dir)):
        if fn.endswith(".py"):
            gen_src(os.path.join(src_dir, fn))
    gen_errors()


if __name__ == "__main__":
    main()
