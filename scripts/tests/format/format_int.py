# format() of ints and bools: every part of the spec, crossed with values.
values = [0, 1, -1, 7, -42, 255, 1234, -98765, 10**6, 2**31 - 1, -2**63, 2**64 + 5, 10**25, True, False]
specs = ["", "d", "5", "<8", ">8", "^8", "=8", "*^9", "0>6", "06", "+", "-", " ", "+08",
         "b", "#b", "o", "#o", "x", "#x", "X", "#X", "#012x", "_x", "#_b", "_o", ",", "_", "012,",
         "015_", "+,", "n", "c", "<5c", "e", "E", ".2f", "%", ".3g", "G", ",.2f", "z", "#10_X", "x^10",
         "0=10", "+^11,", " 7", "=+9", "08b", "#08o"]
for v in values:
    out = []
    for s in specs:
        try:
            out.append(repr(format(v, s)))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(repr(v), " | ".join(out))

class MyInt(int):
    def __str__(self):
        return "MyInt!"

print(format(MyInt(5), ""), format(MyInt(5), "d"), format(MyInt(5), ">4"), f"{MyInt(3)}", f"{MyInt(3):x}")
print(f"{12345:,}", f"{12345:_}", f"{-12345:010,}", f"{255:#010b}", f"{255:^#12x}")
print(f"{1234567890:,d}", f"{1234567890:_d}", f"{0x1234abcd:_x}", f"{0o777:_o}", f"{5:=+5}")
for w in range(1, 12):
    print(w, repr(format(1234, "0%d," % w)), repr(format(-1234, "0%d_" % w)), repr(format(255, "#0%d_b" % w)))
