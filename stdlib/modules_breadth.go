package stdlib

// The standard-library breadth modules (math, random, os, collections,
// itertools, ...): each package registers its modules in init().

import (
	_ "gilpy/stdlib/abc"
	_ "gilpy/stdlib/atexit"
	_ "gilpy/stdlib/binascii"
	_ "gilpy/stdlib/bisect"
	_ "gilpy/stdlib/collections"
	_ "gilpy/stdlib/functools"
	_ "gilpy/stdlib/gc"
	_ "gilpy/stdlib/hashlib"
	_ "gilpy/stdlib/heapq"
	_ "gilpy/stdlib/io"
	_ "gilpy/stdlib/itertools"
	_ "gilpy/stdlib/json"
	_ "gilpy/stdlib/math"
	_ "gilpy/stdlib/operator"
	_ "gilpy/stdlib/posix"
	_ "gilpy/stdlib/random"
	_ "gilpy/stdlib/traceback"
	_ "gilpy/stdlib/re"
	_ "gilpy/stdlib/struct"
	_ "gilpy/stdlib/weakref"
	_ "gilpy/stdlib/zlib"
)
