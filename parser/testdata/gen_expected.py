"""Write the parser tests' expected outputs from CPython 3.11 itself.

    go test ./parser -regen          (runs this script, then the tests)
    python3 parser/testdata/gen_expected.py

    python3 parser/testdata/gen_expected.py --dump-tree SRCDIR OUTDIR
        (for TestCPythonDumps, see parser_test.go)
    python3 parser/testdata/gen_expected.py --snippets-from FILE.py... OUT.json
        (for TestExternalErrors)

For every ast/*.py it writes ast/*.ast: CPython's syntax tree in the text
format of parser.Dump (dump.go). From errors.txt it writes errors.json: the
SyntaxError attributes CPython's compile() reports for each snippet.

errors.txt holds snippets, each introduced by a line
    ### name [mode=exec|eval|single] [noeol] [escaped] [bytes]
followed by its source lines. "noeol" drops the final newline; "escaped"
means the snippet is written with Python bytes escapes (\\t, \\x0c, \\r, ...);
"bytes" compiles it as bytes rather than str (CPython then reports byte
offsets; use it for BOMs, coding declarations and invalid UTF-8).
"""

import ast
import base64
import codecs
import json
import os
import sys

assert sys.version_info[:2] == (3, 11), "generate the expectations with CPython 3.11"
sys.set_int_max_str_digits(0)

HERE = os.path.dirname(os.path.abspath(__file__))

SCALAR_NODES = (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)
SKIP_FIELDS = {"type_comment", "type_ignores"}


def quote(s):
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch in '\\"':
            out.append("\\" + ch)
        elif 0x20 <= c < 0x7F:
            out.append(ch)
        elif c < 0x100:
            out.append("\\x%02x" % c)
        elif c < 0x10000:
            out.append("\\u%04x" % c)
        else:
            out.append("\\U%08x" % c)
    out.append('"')
    return "".join(out)


def quote_bytes(b):
    out = ['b"']
    for c in b:
        if c in b'\\"':
            out.append("\\" + chr(c))
        elif 0x20 <= c < 0x7F:
            out.append(chr(c))
        else:
            out.append("\\x%02x" % c)
    out.append('"')
    return "".join(out)


def const_value(v):
    if v is None or v is True or v is False:
        return repr(v)
    if v is Ellipsis:
        return "Ellipsis"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, complex):
        return "complex(imag=%r)" % v.imag
    if isinstance(v, str):
        return quote(v)
    if isinstance(v, bytes):
        return quote_bytes(v)
    raise TypeError(type(v))


def scalar(v, field):
    if v is None:
        return "None"
    if isinstance(v, SCALAR_NODES):
        return type(v).__name__
    if isinstance(v, str):
        return quote(v)
    if isinstance(v, int):
        return str(int(v))
    raise TypeError((field, type(v)))


def is_scalar_list(v):
    return all(isinstance(e, (str,) + SCALAR_NODES) for e in v)


def dump(node, indent, prefix, out):
    name = type(node).__name__
    attrs = ""
    if "lineno" in node._attributes:
        attrs = " @%d:%d-%d:%d" % (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
    out.append("  " * indent + prefix + name + attrs)
    for field in node._fields:
        if field in SKIP_FIELDS:
            continue
        value = getattr(node, field)
        value_out(field + ": ", value, indent + 1, out, node, field)


def value_out(prefix, value, indent, out, node=None, field=None):
    pad = "  " * indent
    if isinstance(node, ast.Constant) and field == "value":
        out.append(pad + prefix + const_value(value))
    elif isinstance(node, ast.MatchSingleton) and field == "value":
        out.append(pad + prefix + repr(value))
    elif isinstance(value, list):
        if not value:
            out.append(pad + prefix + "[]")
        elif is_scalar_list(value):
            out.append(pad + prefix + "[" + ", ".join(scalar(e, field) for e in value) + "]")
        else:
            out.append(pad + prefix + "[")
            for e in value:
                if e is None:
                    out.append("  " * (indent + 1) + "None")
                else:
                    dump(e, indent + 1, "", out)
            out.append(pad + "]")
    elif isinstance(value, ast.AST) and not isinstance(value, SCALAR_NODES):
        dump(value, indent, prefix, out)
    else:
        out.append(pad + prefix + scalar(value, field))


def gen_ast():
    d = os.path.join(HERE, "ast")
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".py"):
            continue
        path = os.path.join(d, fn)
        with open(path, "rb") as f:
            src = f.read()
        tree = compile(src, fn, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        out = []
        dump(tree, 0, "", out)
        with open(path[:-3] + ".ast", "w") as f:
            f.write("\n".join(out) + "\n")


def read_snippets():
    snippets = []
    with open(os.path.join(HERE, "errors.txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    cur = None
    for line in lines:
        if line.startswith("### "):
            words = line[4:].split()
            cur = {"name": words[0], "mode": "exec", "noeol": False, "escaped": False, "bytes": False, "lines": []}
            for w in words[1:]:
                if w.startswith("mode="):
                    cur["mode"] = w[5:]
                elif w in ("noeol", "escaped", "bytes"):
                    cur[w] = True
                else:
                    raise ValueError("bad header: " + line)
            snippets.append(cur)
        elif cur is not None:
            cur["lines"].append(line)
    for s in snippets:
        # Blank lines at the end of a snippet separate it from the next one.
        while s["lines"] and s["lines"][-1] == "":
            s["lines"].pop()
        text = "\n".join(s["lines"])
        if not s["noeol"]:
            text += "\n"
        if s["escaped"]:
            s["src"] = codecs.escape_decode(text.encode("utf-8"))[0]
        else:
            s["src"] = text.encode("utf-8")
    return snippets


def gen_errors():
    results = []
    names = set()
    for s in read_snippets():
        if s["name"] in names:
            raise ValueError("duplicate snippet name " + s["name"])
        names.add(s["name"])
        entry = {"name": s["name"], "mode": s["mode"]}
        try:
            entry["src"] = s["src"].decode("utf-8")
        except UnicodeDecodeError:
            entry["src_b64"] = base64.b64encode(s["src"]).decode("ascii")
        # A str makes CPython report character offsets (as it does for
        # files); bytes would give byte offsets. Snippets marked "bytes"
        # (BOM, coding cookies, invalid UTF-8) must stay bytes.
        src = s["src"]
        if not s["bytes"]:
            try:
                src = src.decode("utf-8")
            except UnicodeDecodeError:
                pass
        try:
            compile(src, "<test>", s["mode"], ast.PyCF_ONLY_AST, dont_inherit=True)
            entry["ok"] = True
        except SyntaxError as e:
            entry.update(type=type(e).__name__, msg=e.msg, lineno=e.lineno or 0, offset=e.offset or 0,
                         end_lineno=e.end_lineno or 0, end_offset=e.end_offset or 0, text=e.text or "")
        results.append(entry)
    with open(os.path.join(HERE, "errors.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=True)
        f.write("\n")


def dump_tree(root, out):
    """Dump every .py file under root into out (as NAME.src and NAME.ast),
    for TestCPythonDumps: a way to check gilpy against a large body of code
    (CPython's own standard library, say) that is not checked in."""
    os.makedirs(out, exist_ok=True)
    count = 0
    for dirpath, _, filenames in os.walk(root):
        for fn in sorted(filenames):
            if not fn.endswith(".py"):
                continue
            path = os.path.join(dirpath, fn)
            with open(path, "rb") as f:
                src = f.read()
            try:
                tree = compile(src, fn, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
            except (SyntaxError, ValueError):
                continue
            lines = []
            dump(tree, 0, "", lines)
            name = os.path.relpath(path, root).replace(os.sep, "__")
            with open(os.path.join(out, name + ".ast"), "w") as f:
                f.write("\n".join(lines) + "\n")
            with open(os.path.join(out, name + ".src"), "wb") as f:
                f.write(src)
            count += 1
    print("dumped", count, "files into", out)


def snippets_from(paths, out):
    """Write every short string constant of the given Python files (CPython's
    Lib/test/test_syntax.py, test_fstring.py, ... are rich in them) with
    CPython's verdict, for TestExternalErrors."""
    import warnings
    warnings.simplefilter("ignore")
    found = set()
    for path in paths:
        with open(path, "rb") as f:
            try:
                tree = ast.parse(f.read())
            except SyntaxError:
                continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)) and 0 < len(node.value) < 400:
                found.add(node.value)
    results = []
    for k, src in enumerate(sorted(found, key=repr)):
        entry = {"name": "s%d" % k, "mode": "exec"}
        if isinstance(src, bytes):
            entry["src_b64"] = base64.b64encode(src).decode("ascii")
        else:
            try:
                src.encode("utf-8")
            except UnicodeEncodeError:
                continue
            entry["src"] = src
        try:
            compile(src, "<test>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
            entry["ok"] = True
        except SyntaxError as e:
            entry.update(type=type(e).__name__, msg=e.msg, lineno=e.lineno or 0, offset=e.offset or 0,
                         end_lineno=e.end_lineno or 0, end_offset=e.end_offset or 0, text=e.text or "")
        except Exception:
            continue
        results.append(entry)
    with open(out, "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=True)
    print("wrote", len(results), "snippets to", out)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--snippets-from":
        snippets_from(sys.argv[2:-1], sys.argv[-1])
        sys.exit(0)
    if len(sys.argv) == 4 and sys.argv[1] == "--dump-tree":
        dump_tree(sys.argv[2], sys.argv[3])
        sys.exit(0)
    gen_ast()
    gen_errors()
