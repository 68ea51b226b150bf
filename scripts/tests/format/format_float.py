# format() of floats: types, precision, alternate form, signs, zero padding,
# grouping, inf/nan, negative zero and 'z', rounding.
values = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.14159265358979, -2.71828, 1e16, 1.5e-5, 123456.789,
          1e100, -1e-100, 5e-324, 1.7976931348623157e308, 0.5, 1.25, 0.125, 9.995, 99.5,
          float("inf"), float("-inf"), float("nan"), 12345678.9, 0.000123456]
specs = ["", "f", ".0f", ".1f", ".2f", ".10f", "e", ".0e", ".3e", "E", "g", ".0g", ".1g", ".3g",
         ".10g", "G", "#g", "#.0f", "#.0e", "#", ".3", ".0", "%", ".1%", "n", ".4n", "10.2f", "<10.2f",
         "^12.3e", "010.2f", "+.2f", " .2f", "+010.1f", ",", ",.2f", "_.3f", "015,.2f", "z.1f", "z",
         "z.0e", "=+12.2f", "*^15g", "#.3g", ".20f", ".17g", ".25e", "r"]
for v in values:
    out = []
    for s in specs:
        try:
            out.append(repr(format(v, s)))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(repr(v), " | ".join(out))

# Rounding is round-half-even on the exact binary value.
for x in [0.125, 0.375, 2.675, 1.005, 0.045, 1.45, 2.5, 3.5, 1e22, 1e23, 123.456]:
    print(x, format(x, ".2f"), format(x, ".1f"), format(x, ".0f"), format(x, ".2e"), format(x, ".3g"))
print(format(1/3, ".60f"))
print(format(2**0.5, ".50e"))
print(format(1e-310, ".30g"), format(1e300, ".5g"), format(123456789.0, ".3"))
print(format(100.0, ".3"), format(1e15, ""), format(1e16, ".17"), format(0.0001, ".3"), format(0.00001, ""))
print(f"{1.5:.0f} {2.5:.0f} {-0.5:.0f} {-0.4:z.0f} {-1e-9:z.3e} {-0.0:z} {-0.0:+z}")
print(f"{3.0:#.0f} {3.0:#g} {3.0:g} {1e-5:g} {1e-4:g} {123456.0:g} {1234567.0:g}")
print(format(1234.5, "n"), format(0.1 + 0.2, ""), format(0.1 + 0.2, ".17g"), format(1e21, "f"))
for i in range(-6, 20, 3):
    x = 1.234567 * 10 ** i
    print(i, format(x, "g"), format(x, ".10g"), format(x, ""), format(x, ".4"), format(x, "#.4"))
