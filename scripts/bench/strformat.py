# String formatting: printf-style %, str.format and f-strings with
# widths, alignment, precision, signs, thousands separators, hex and
# padding; the formatted lines are joined into a report whose length
# and a simple checksum are printed.


def checksum(text):
    h = 0
    for line in text.splitlines():
        h = (h * 31 + len(line) + ord(line[-1])) % 1000000007
    return h


def report(n):
    lines = []
    for i in range(n):
        name = "item" + str(i % 37)
        price = i * 1.37 + 0.5
        qty = i % 17 - 8
        lines.append("%-8s|%6d|%10.2f|%+d|%x" % (name, i, price, qty, i))
        lines.append("{:<8}|{:>6}|{:10.3f}|{:+}|{:08b}".format(name, i, price, qty, i % 256))
        lines.append(f"{name:^10}|{i:,}|{price:.1e}|{qty:>+4}|{i:#06x}")
        lines.append(f"{name!r} costs {price:.2f} ({qty} left, {i / (n + 1):.1%})")
        lines.append("%s=%r; %5.1f%%" % (name, qty, price / 10))
    return "\n".join(lines)


text = report(100000)
print("length:", len(text), "checksum:", checksum(text))
print(text[:80].replace("\n", " / "))
