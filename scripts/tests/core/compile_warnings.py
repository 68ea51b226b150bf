# compile(): SyntaxWarnings from the compiler (for the script itself and
# for compiled strings), the optimize argument and __future__ flags.
x = 1
if x is 1:
    print("yes")
c = compile("y = 2 is 2", "<s>", "exec")
exec(c)
exec(compile("assert False", "<s>", "exec", optimize=1))
try:
    exec(compile("assert False, 'kept'", "<s>", "exec", optimize=0))
except AssertionError as e:
    print("AssertionError", e)
ns = {}
exec(compile("def f(a: undefined_name): pass", "<s>", "exec", flags=0x1000000), ns)
print(ns["f"].__annotations__)
try:
    compile("1 +", "<s>", "exec", optimize="x")
except TypeError as e:
    print("TypeError", e)
