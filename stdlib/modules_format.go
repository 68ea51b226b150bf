package stdlib

// The modules of string formatting: _string (string.py is in pylib).

import (
	_ "gilpy/stdlib/stringmod"
)
