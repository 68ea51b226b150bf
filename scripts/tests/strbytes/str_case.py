# Case mapping and case predicates of str, ASCII and Unicode: full
# mappings (ß, ligatures, İ), final sigma, title case, casefold.
samples = ["hello world", "HELLO World", "hELLO wORLD", "", "123", "a1b2", "ß", "straße", "ﬁsh ﬂour",
           "ŉ", "ǆ", "ǅ", "Ǆ", "İstanbul", "ΣΑΣ", "ΌΣΟΣ ΣΑΣ", "ΣΑΣ.", "Σ", "aΣ", "ΑΣ'Β", "Σa", "ﬀ",
           "ǰ", "ΐ", "Ωmega", "ĳsselmeer", "they're bill's friends", "o'NEIL mcDONALD", "x1y2 z3",
           "ᾳ", "ᾼ", "\u1e9e", "Ⅸ", "ⓐⓑ", "𐐀𐐨", "ǈ", "Dž", "\u0345", "ԱԲ", "ﬆ", "ǲ", "\u00b5", "ÿ", "Ÿ",
           "tHe qUiCk 🦊 jUmPs", "\u0130", "i\u0307", "ꭰ", "Ꭰ", "ᏸ"]
for s in samples:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()),
          repr(s.swapcase()), repr(s.casefold()))
    print("   ", s.isupper(), s.islower(), s.istitle(), s.isalpha(), s.isalnum(), s.isascii(),
          s.isidentifier(), s.isprintable(), s.isspace())
print("ΣΑΣ ΟΔΟΣ".lower(), "ΑΣ1".lower(), "Α.Σ".lower(), "ΑΣ\u0301".lower(), "Α\u0301Σ".lower())
print("ﬃ".upper(), len("ﬃ".upper()), "ß".title(), "ßa".capitalize(), "ﬁ".title(), "ŉ".capitalize())
print("ABC".lower() is not None, "abc".upper(), "Hello".swapcase().swapcase())
