import re
m = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(m, m.group(0), m.group(1), m.group(2), m.group(1, 2), m.groups(), m.span(), m.start(2), m.end(2), m[1])
m = re.search(r"(?P<first>\w+) (?P<last>\w+)", "Malcolm Reynolds")
print(m.groupdict(), m["last"], m.group("first"), m.lastindex, m.lastgroup, m.re, m.string, m.pos, m.endpos)
print(re.findall(r"\d+", "12 drummers drumming, 11 pipers piping, 10 lords"), re.findall(r"(\w)(\d)", "a1 b2 c3"), re.findall(r"(a)|b", "ab"))
print([m.span() for m in re.finditer(r"\bf\w*", "which foot or hand fell fastest")])
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"), re.sub(r"x*", "-", "abxd"), re.subn(r"a", "b", "banana"))
print(re.sub(r"(?P<n>\d+)", lambda m: str(int(m.group("n")) * 2), "a1b22c333"), re.sub(r"\d", r"<\g<0>>", "a1b2"), re.sub("(b)", r"\g<1>\n", "abc"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words, words."), re.split(r"\W+", "Words, words, words.", maxsplit=1), re.split(r"x*", "axbc"), re.split("[a-f]+", "0a3B9", flags=re.IGNORECASE))
print(re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"), re.fullmatch("a|ab", "ab"))
print(re.match("a", "ba"), re.search("^a", "ba"), re.search("^a", "b\na", re.M), re.search("a$", "a\n"), re.search(r"a\Z", "a\n"))
p = re.compile(r"(?i)hello\s+(world)")
print(p, p.pattern, p.flags, p.groups, p.groupindex, p.search("say HELLO   World!"))
print(re.compile("a", re.I | re.M), re.compile(b"x+"), re.compile(b"x+").findall(b"axxbx"), re.compile("x", re.A).flags)
print(re.search(r"(?<=-)\w+", "spam-egg"), re.search(r"(\w)\1", "hello"), re.search(r"(?P<c>\w)(?P=c)", "book"), re.search(r"foo(?!bar)", "foobar foobaz"))
print(re.sub(r"\s+", " ", "a  b \t\n c"), re.escape("http://example.com/a.b?c=1"), re.findall(r"[\w.-]+@[\w-]+\.\w+", "x a.b@c-d.com, e@f.org"))
print(re.match(r"(a)?(b)", "b").groups(), re.match(r"(a)?(b)", "b").groups("-"), re.match(r"(a)(b)?", "a").group(2))
verbose = re.compile(r"""
    (\d{3})  # area
    [-.\s]?  # sep
    (\d{4})  # number
""", re.VERBOSE)
print(verbose.search("call 555-1234 now").groups())
print(re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a{,2}", "aaa"), re.findall(r"a+?", "aaa"), re.findall(r"<.*?>", "<a><b>"), re.findall(r"(?s)a.b", "a\nb"))
for bad in ["(a", "a)", "*a", "a**", "[a", r"\q", "(?P<1a>x)", "(?P=nope)", r"(a)\2", "(?<x>a)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos)
try:
    re.sub("a", r"\9", "a")
except re.error as e:
    print(e)
try:
    re.search("a", b"a")
except TypeError as e:
    print(e)
print(re.I, repr(re.I | re.M), re.IGNORECASE.value, re.S == re.DOTALL)
m = re.search(r"(\d+)-(\d+)", "tel 12-34")
print(m.expand(r"\2:\1"), m.regs, bool(m))
print(re.match(r"(?P<year>\d{4})-(?P<month>\d\d)", "2024-05-17").groupdict())
print(re.sub(r"(?m)^", "> ", "a\nb\nc"), re.findall(r"^\w", "ab\ncd", re.M))
print(re.search(r"colou?r", "The COLOR red", re.IGNORECASE).group())
print(len(re.findall(r"\w+", "The quick brown fox jumps over the lazy dog")))
print(re.sub(r"([aeiou])", lambda m: m.group(1).upper(), "programming language"))
text = "2023-01-15 ERROR disk full\n2023-01-16 INFO ok\n2023-01-17 ERROR cpu hot"
for date, level, msg in re.findall(r"^(\S+) (ERROR|INFO) (.*)$", text, re.M):
    print(date, level, msg)
print(re.compile(r"\d").sub("#", "a1b22", count=2), re.findall(r"\bcat\b", "cat concat cat."))
