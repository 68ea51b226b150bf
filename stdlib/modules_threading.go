package stdlib

// The modules of threads and time: the GIL's users.

import (
	_ "gilpy/stdlib/signal"
	_ "gilpy/stdlib/thread"
	_ "gilpy/stdlib/time"
)
