import warnings

def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    return 1

old()
old()
for i in range(3):
    warnings.warn("loop warning")
warnings.warn("user warning here", UserWarning)
warnings.warn(RuntimeWarning("an instance"))
warnings.warn("pending", PendingDeprecationWarning)

def lib():
    warnings.warn("from lib", DeprecationWarning)
lib()

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    old()
    print(len(w), [str(x.message) for x in w], w[0].category.__name__, w[1].lineno)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", repr(e))
warnings.filterwarnings("ignore", message="skip.*")
warnings.warn("skip me")
warnings.warn("show me")
print(warnings.formatwarning("msg", UserWarning, "file.py", 12, "line text"), end="")
with warnings.catch_warnings():
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only")
import sys
def custom(message, category, filename, lineno, file=None, line=None):
    print("custom:", message, category.__name__, lineno)
warnings.showwarning = custom
warnings.warn("through custom")
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
print("done")
