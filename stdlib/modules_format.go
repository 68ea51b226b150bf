package stdlib

// The modules of string formatting and codecs: _string and _codecs
// (string.py and codecs.py are in pylib).

import (
	_ "gilpy/stdlib/codecsmod"
	_ "gilpy/stdlib/stringmod"
)
