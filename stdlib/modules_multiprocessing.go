package stdlib

// The multiprocessing area: pickle and copyreg (the serializer every
// process boundary uses), and multiprocessing itself.

import (
	_ "gilpy/stdlib/pickle"
)
