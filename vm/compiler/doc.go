// Package compiler turns a syntax tree (parser/ast) into code objects
// (vm/code), emitting the instruction sequences CPython 3.11's compiler
// emits, with the same line and column positions and exception tables.
//
// Matching CPython instruction for instruction is deliberate: tracebacks
// draw their ^^^^ markers from instruction positions, line events and
// f_lineno come from them, and CPython's `dis` output becomes a usable map of
// gilpy's bytecode. The golden tests compare the output with CPython's on a
// corpus (see testdata/gen.py).
//
// The pipeline mirrors CPython's, stage by stage:
//
//  1. future.go-style scan (futureFromAST): `from __future__` imports.
//  2. fold.go: the AST optimizer (Python/ast_opt.c) folds constants,
//     `__debug__`, and constant containers in `in` tests and for loops.
//  3. symtable.go: the symbol table (Python/symtable.c) decides, for every
//     name in every scope, whether it is local, global, free or a cell, and
//     reports the scoping SyntaxErrors.
//  4. codegen_*.go, patterns.go: the code generator (Python/compile.c)
//     walks the tree and emits instructions into basic blocks, with the
//     pseudo-instructions SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH /
//     POP_BLOCK marking protected regions and direction-agnostic jumps.
//  5. flowgraph.go, assemble.go: the assembler (the back half of compile.c)
//     optimizes the flow graph (constant conditions, jump threading, dead
//     code), propagates line numbers, computes the stack depth, derives the
//     exception table from the pseudo-instructions, picks forward or
//     backward jump opcodes (a backward jump is always a GIL check point),
//     and lays out the final code with one inline-cache slot per
//     LOAD_GLOBAL / LOAD_ATTR / STORE_ATTR / LOAD_METHOD.
//
// Errors are *parser.SyntaxError values with CPython's messages and
// positions (for these post-parse errors CPython counts offsets in UTF-8
// bytes and reads the line text from the file; so does Compile), or a
// *RecursionError for trees nested deeper than CPython's compiler allows.
// The generator stops at the first error (a panic carrying it, recovered by
// Compile), which keeps the recursive code free of error plumbing, as
// CPython's RETURN_IF_FALSE macros do. SyntaxWarnings ("is" with a literal,
// "perhaps you missed a comma?") go to Options.Warn.
//
// Tests: the golden corpus (testdata/src, testdata/errors.py, expectations
// written by testdata/gen.py from CPython 3.11) is compared instruction by
// instruction, position by position, with exception tables, flags, stack
// sizes and variable layouts, both from CPython's syntax trees and from
// gilpy's parser; TestStdlibAgainstCPython does the same on CPython's own
// library when a CPython 3.11 is installed; verifyCode checks the invariants
// the VM relies on; FuzzCompile and FuzzCompileSource look for crashes.
//
// Deviations from CPython's output, all forced by gilpy's instruction set
// (see vm/code/opcodes.go): no CACHE/PRECALL/EXTENDED_ARG, jump arguments are
// absolute instruction indices, no RETURN_GENERATOR (so generator code
// starts at stack depth 0), docstrings live in Code.Doc rather than
// consts[0], and a backward `is None` jump keeps its LOAD_CONST/IS_OP form
// because there is no POP_JUMP_BACKWARD_IF_NONE.
package compiler
