package stdlib

// The multiprocessing area: pickle and copyreg (the serializer every
// process boundary uses), and multiprocessing, whose child processes are
// this binary re-executed (vm.ChildEntry) and need an interpreter built
// the way this package builds one.

import (
	"gilpy/stdlib/multiprocessing"
	_ "gilpy/stdlib/pickle"
)

func init() {
	multiprocessing.Install(multiprocessing.Host{NewInterpreter: NewInterpreter, Shutdown: Shutdown})
}
