package stdlib

// The modules implemented in this repository register themselves when
// their package is linked in. Each area of the standard library has its
// own modules_*.go file listing its packages.

import (
	_ "gilpy/stdlib/builtins"
	_ "gilpy/stdlib/pylib"
	_ "gilpy/stdlib/sys"
)
