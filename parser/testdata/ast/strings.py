'\n\t\r\\\'\"\a\b\f\v'
'\x41\x7e\xff'
'\u0041\u00ff\uffff'
'\U00000041\U0010ffff'
'\101\7\77\777'
'\d\w\s'
'\
'
"no escapes"
r'\x41\n'
b'\x41\n\t\\\''
b'\101\777'
rb'\x41'
br'\n'
'''triple 'single' quoted'''
"""triple "double" quoted"""
'mixed "quotes"'
"mixed 'quotes'"
''
""
''''''
""""""
b''
'\N{DIGIT ONE}'
'\N{LATIN CAPITAL LETTER GHA}'
'\N{CJK UNIFIED IDEOGRAPH-4E00}'
'\N{HANGUL SYLLABLE GAG}'
'\ud800'
'\udfff\ud83d\ude00'
'a' "b" '''c''' """d"""
b'a' b"b" rb'c'
'\N{LATIN SMALL LETTER E WITH ACUTE}x'
'\0'
'\8'
'\{'
'€\x41'
'é\n'
'\é'
