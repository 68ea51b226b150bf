import textwrap, numbers
text = ("The quick brown fox jumps over the lazy dog. Python is a well-known, "
        "general-purpose programming language -- created by Guido van Rossum. "
        "Supercalifragilisticexpialidocious words must be broken.")
for w in (10, 20, 35, 50):
    print(textwrap.wrap(text, width=w))
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill(text, width=30, break_long_words=False))
print(textwrap.fill(text, width=30, break_on_hyphens=False))
print(textwrap.shorten(text, width=50), textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello  world!", width=11))
print(textwrap.wrap("a\tb\tc  d", width=6), textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(textwrap.fill("Sentence one.  Sentence two. end", width=80, fix_sentence_endings=True))
print(textwrap.wrap(text, width=25, max_lines=3), textwrap.wrap(text, width=25, max_lines=2, placeholder="..."))
print(repr(textwrap.dedent("""
    def f():
        return 1
    """)), repr(textwrap.dedent("  a\n\tb")), repr(textwrap.indent("a\nb\n\nc", "> ")), repr(textwrap.indent("x\ny", "+", lambda l: True)))
tw = textwrap.TextWrapper(width=15, drop_whitespace=False)
print(tw.wrap("some words with    spaces here"))
try:
    textwrap.wrap("x", width=0)
except ValueError as e:
    print(e)
print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1j, numbers.Complex), isinstance(1, numbers.Number), isinstance("1", numbers.Number), issubclass(bool, numbers.Integral), isinstance(1.0, numbers.Rational))
