# SyntaxErrors raised at run time: compile() and exec() errors caught and
# inspected, then one left uncaught so the C printer shows it under a
# traceback of the frames that led to it.
cases = [
    "x = (1,\n",
    "def f(:\n    pass\n",
    "if True:\npass\n",
    "a = 1 +\n",
    "f(**x, *y)\n",
    "del f()\n",
    "x = 'abc\n",
    "\tif 1:\n        pass\n",
    "for x in range(3):\n    break\nelse:\n  continue\n",
    "nonlocal x\n",
    "print 'hi'\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
        print("  str:", e)

e = SyntaxError("plain")
print(e.msg, e.lineno, e.filename, str(e))
e = SyntaxError("with info", ("f.py", 3, 4, "abc def\n", 3, 7))
print(str(e), e.args)

def run(src):
    exec(src)

run("y = [1, 2,, 3]\n")
