package stdlib

// asyncio and the modules it stands on.

import (
	_ "gilpy/stdlib/asyncio"
	_ "gilpy/stdlib/contextvars"
	_ "gilpy/stdlib/select"
	_ "gilpy/stdlib/socket"
)
