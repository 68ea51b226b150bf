package vm

// ChildFlag is the first argument of a re-executed multiprocessing child:
// `gilpy --gilpy-child ...`. Go cannot fork a running program, so a child
// process is the same binary started again with this flag.
const ChildFlag = "--gilpy-child"

// ChildEntry runs a child process (installed by the multiprocessing
// package); it receives the arguments after ChildFlag and returns the exit
// status.
var ChildEntry func(args []string) int
