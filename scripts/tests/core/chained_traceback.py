def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise RuntimeError("bad config") from exc


try:
    x = [1, 2][5]
except IndexError:
    parse("abc")
