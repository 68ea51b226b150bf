# -*- coding: utf-8 -*-
café = 1
naïve = café + 1
π = 3.14159
变量 = "中文"
ﬁle = 1
ｆｕｌｌ = 2
x = "日本語" + 'émoji 🎉'
y = b'\xff\x00'
print(変数 if False else 变量, π)
s = "\N{GREEK SMALL LETTER ALPHA}\N{EURO SIGN}"
t = "\u00e9\U0001F600\x41\101\0"
u = 'a\
b'
v = """tri
ple "quoted" ''' inside"""
é = [ñ for ñ in "ñandú"]
def función(ñ=1, *ß, **ø): return ñ
class Ñ: pass
obj.属性
x = {"ключ": "значение"}
f"{café!r:>{π}}"
z = "tab\there"
w = 'x' + "é" + 'y'
