# ints, floats, big ints, division and modulo signs, conversions
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(2 ** 10, 2 ** 100, (-2) ** 63, 2 ** -1, 10 ** 20)
print(1 / 3, 2 / 4, 10 / 5, 1e16, 1e15, 0.1 + 0.2, 1e-5, 0.0001)
print(float("inf"), float("-inf"), float("nan"), -0.0)
print(int("42"), int(" -17 "), int("0x1f", 16), int("101", 2), int("z", 36), int(3.99), int(-3.99))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(1.5))
print(abs(-5), abs(-2.5), divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
print(hex(255), oct(8), bin(5), hex(-255))
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(12345678901234567890 * 98765432109876543210)
print(3 * 1.5, 1 + True, True + True, 7 / 7)
print(10 ** 30 // 7, 10 ** 30 % 7, -(10 ** 30) // 7)
print(1 << 70, (1 << 70) >> 65, -1 >> 3, 5 & 3, 5 | 3, 5 ^ 3, ~5)
print(float(10 ** 20), int(1e20), 2 ** 0.5)
print(hash(1), hash(-1), hash(2 ** 61), hash(1.5), hash(-1.0))
print(1 == 1.0, hash(1) == hash(1.0), 0.5 == 1 / 2, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(1 < 2 < 3, 3 > 2 > 2, 1 < 2.5)
x = 5
x += 3
x *= 2
x -= 1
x //= 2
x **= 2
print(x)
print(max(3, 9, 2), min([4, 1, 8]), sum([1, 2, 3], 10), sum([0.1] * 10))
print(pow(3, 4), pow(3, 4, 5), pow(2, -1, 7))
print((1.5).is_integer(), (2.0).is_integer(), (255).bit_length(), (7).bit_count())
print(int.from_bytes(b"\x01\x00", "big"), (1024).to_bytes(2, "little"))
print(complex(1, 2), (1 + 2j) * (3 - 1j), abs(3 + 4j), 1j ** 2)
print(3.14159.__round__(2), float("1_000.5"), 1_000_000)
