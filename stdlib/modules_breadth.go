package stdlib

// The standard-library breadth modules (math, random, os, collections,
// itertools, ...): each package registers its modules in init().

import (
	_ "gilpy/stdlib/math"
)
