# is*() predicates over ASCII, Latin-1 and other Unicode characters.
chars = ["a", "Z", "5", " ", "\t", "\n", "\x0b", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000", "_",
         "é", "ß", "ª", "²", "½", "Ⅻ", "٣", "߀", "१", "௰", "〇", "一", "二", "零", "兆", "①", "⑴", "⒈",
         "🄁", "𝟘", "\u00ad", "\u200b", "\u0300", "\ufeff", "\U0001f600", "\x00", "\x7f", "~", "$", "\u0378",
         "\ue000", "Ⅰ", "ⅰ", "ǅ", "ʰ", "\u02b0", "\u2160", "\u16ee", "\u0660", "\u06f5", "\uff11", "\U0001d7ce",
         "\u1369", "\u2070", "\u00b9", "\u0e51", "\u17e4", "\U00010107"]
for c in chars:
    print(repr(c), c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(), c.isspace(),
          c.isprintable(), c.isidentifier(), ("x" + c).isidentifier(), c.islower(), c.isupper(), c.istitle())
for s in ["", "abc", "ab c", "123", "١٢٣", "12.5", "½⅓", "abc123", "αβγ", "Hello World", "Hello world",
          "HELLO", "hello", "123abc", "A1", "a_b", "_", "1a", "def", "None", "ℌ", "x\u0300", "\u0300x",
          "℘x", "ab\u200c", "𝔘𝔫𝔦", "   ", "\t\n\r", "  x  ", "ǅungla", "Ǆ", "A.B", "A'B", "A B"]:
    print(repr(s), s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.isprintable(), s.isidentifier(), s.islower(), s.isupper(), s.istitle(), s.isascii())
