import json
data = {"name": "Alice", "age": 30, "tags": ["a", "b"], "score": 9.5, "ok": True, "none": None, "nested": {"x": [1, 2, {"y": "z"}]}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, 2.0, 1e100, -0.0, 1.5e-7, 10**30, float("inf"), float("nan")]))
print(json.dumps("héllo \"quoted\" \\ \n\t\x01 ☃ 😀"), json.dumps("héllo ☃ 😀", ensure_ascii=False))
print(json.dumps({1: "int key", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps([]), json.dumps({}), json.dumps([[]], indent=2), json.dumps({"a": {}}, indent=2), json.dumps((1, 2)))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps({"k": 1}, indent="\t"))
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
print(json.dumps(Point(1, 2), default=lambda o: o.__dict__))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=Enc))
for bad in [Point(1, 2), {(1, 2): 3}, float("nan")]:
    try:
        json.dumps(bad, allow_nan=False)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
circ = []
circ.append(circ)
try:
    json.dumps(circ)
except ValueError as e:
    print(e)
print(json.dumps({(1, 2): 3, "ok": 1}, skipkeys=True))
obj = json.loads(s)
print(obj == data, obj)
print(json.loads('[1, 2.5, "x", true, false, null, {"a": [1e3, -2]}]'))
print(json.loads('{"a": 1, "a": 2}'), json.loads('"\\u00e9\\ud83d\\ude00\\n"'), json.loads(" 42 "), json.loads("NaN"), json.loads("-Infinity"))
print(json.loads('{"x": 1.5}', parse_float=lambda s: "F" + s), json.loads('[1]', parse_int=lambda s: int(s) * 10))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list), json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)))
print(json.loads(b'{"bytes": true}'), json.loads(bytearray(b'[1]')))
for bad in ['', '[1,]', '{"a":1,}', '{"a" 1}', '{a: 1}', '[1 2]', '"unterminated', '"bad \\x escape"', '[1] x', 'tru', '{"a":\n 01}', '"\x01"', '\ufeff[]', '-', '1.5e']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(5)
except TypeError as e:
    print(e)
import io
buf = io.StringIO()
json.dump({"file": [1, 2]}, buf, indent=1)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
print(json.loads('"\x01"', strict=False) == "\x01")
from collections import OrderedDict
print(json.loads('{"z": 1, "a": 2}', object_pairs_hook=OrderedDict))
import enum
class Color(enum.IntEnum):
    RED = 1
print(json.dumps({"c": Color.RED}), json.dumps([True, False]))
