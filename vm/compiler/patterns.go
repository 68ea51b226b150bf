package compiler

import (
	"fmt"
	"math"
	"math/big"

	"gilpy/parser/ast"
	"gilpy/vm/code"
)

// Structural pattern matching (PEP 634), as CPython 3.11's compiler_pattern_*.
//
// Every pattern routine consumes the subject on top of the stack and, on
// failure, jumps to a "fail_pop" block that pops whatever the pattern had
// pushed. Captured values are not stored as they are found: they are kept on
// the stack, below the items the pattern still works on, and stored only when
// the whole case matched. patternContext.onTop counts the working items,
// stores names the captured values waiting underneath.
type patternContext struct {
	stores           []string
	allowIrrefutable bool
	// failPop[i] pops i items then falls through to failPop[i-1]; failPop[0]
	// is where a failed case continues.
	failPop []*block
	onTop   int
}

func isWildcard(p ast.Pattern) bool {
	as, ok := p.(*ast.MatchAs)
	return ok && as.Name == ""
}

func isStarWildcard(p ast.Pattern) bool {
	st, ok := p.(*ast.MatchStar)
	return ok && st.Name == ""
}

func (c *compiler) ensureFailPop(pc *patternContext, n int) {
	for len(pc.failPop) < n+1 {
		pc.failPop = append(pc.failPop, c.newBlock())
	}
}

func (c *compiler) jumpToFailPop(pc *patternContext, op code.Opcode) {
	pops := pc.onTop + len(pc.stores)
	c.ensureFailPop(pc, pops)
	c.addopJ(op, pc.failPop[pops])
}

func (c *compiler) emitAndResetFailPop(pc *patternContext) {
	if len(pc.failPop) == 0 {
		return
	}
	for i := len(pc.failPop) - 1; i > 0; i-- {
		c.useNextBlock(pc.failPop[i])
		c.addop(code.POP_TOP)
	}
	c.useNextBlock(pc.failPop[0])
	pc.failPop = nil
}

func (c *compiler) errorDuplicateStore(name string) {
	c.error("multiple assignments to name %s in pattern", pyRepr(name))
}

// patternRotate moves TOS down count-1 places (3.10's ROT_N, with SWAPs).
func (c *compiler) patternRotate(count int) {
	for count > 1 {
		c.addopI(code.SWAP, count)
		count--
	}
}

func (c *compiler) patternStoreName(name string, pc *patternContext) {
	if name == "" {
		c.addop(code.POP_TOP)
		return
	}
	c.forbiddenName(name, ast.Store)
	for _, s := range pc.stores {
		if s == name {
			c.errorDuplicateStore(name)
		}
	}
	// Rotate the value underneath the items still in use.
	c.patternRotate(pc.onTop + len(pc.stores) + 1)
	pc.stores = append(pc.stores, name)
}

func (c *compiler) patternUnpackHelper(elts []ast.Pattern) {
	n := len(elts)
	seenStar := false
	for i, e := range elts {
		if _, ok := e.(*ast.MatchStar); ok {
			if seenStar {
				c.error("multiple starred expressions in sequence pattern")
			}
			if i >= 1<<8 || n-i-1 >= (1<<31-1)>>8 {
				c.error("too many expressions in star-unpacking sequence pattern")
			}
			c.addopI(code.UNPACK_EX, i+(n-i-1)<<8)
			seenStar = true
		}
	}
	if !seenStar {
		c.addopI(code.UNPACK_SEQUENCE, n)
	}
}

func (c *compiler) patternSequenceUnpack(patterns []ast.Pattern, pc *patternContext) {
	c.patternUnpackHelper(patterns)
	size := len(patterns)
	// The unpacked subjects stay on the stack while each is matched.
	pc.onTop += size
	for _, p := range patterns {
		pc.onTop--
		c.patternSubpattern(p, pc)
	}
}

// patternSequenceSubscr matches [first, *_, last]-like patterns by indexing
// instead of unpacking the whole sequence.
func (c *compiler) patternSequenceSubscr(patterns []ast.Pattern, star int, pc *patternContext) {
	pc.onTop++ // keep the subject for indexing
	size := len(patterns)
	for i, p := range patterns {
		if isWildcard(p) || i == star {
			continue
		}
		c.addopI(code.COPY, 1)
		if i < star {
			c.loadConst(int64(i))
		} else {
			// The subject may not support negative indexes.
			c.addop(code.GET_LEN)
			c.loadConst(int64(size - i))
			c.addopI(code.BINARY_OP, int(code.OpSub))
		}
		c.addop(code.BINARY_SUBSCR)
		c.patternSubpattern(p, pc)
	}
	pc.onTop--
	c.addop(code.POP_TOP)
}

// patternSubpattern is pattern with irrefutable sub-patterns allowed.
func (c *compiler) patternSubpattern(p ast.Pattern, pc *patternContext) {
	saved := pc.allowIrrefutable
	pc.allowIrrefutable = true
	c.pattern(p, pc)
	pc.allowIrrefutable = saved
}

func (c *compiler) pattern(p ast.Pattern, pc *patternContext) {
	c.setLoc(p)
	switch p := p.(type) {
	case *ast.MatchValue:
		switch p.Value.(type) {
		case *ast.Constant, *ast.Attribute:
		default:
			c.error("patterns may only match literals and attribute lookups")
		}
		c.visitExpr(p.Value)
		c.addCompare(ast.Eq)
		c.jumpToFailPop(pc, code.POP_JUMP_IF_FALSE)
	case *ast.MatchSingleton:
		switch p.Value {
		case ast.KindTrue:
			c.loadConst(true)
		case ast.KindFalse:
			c.loadConst(false)
		default:
			c.loadConst(nil)
		}
		c.addCompare(ast.Is)
		c.jumpToFailPop(pc, code.POP_JUMP_IF_FALSE)
	case *ast.MatchSequence:
		c.patternSequence(p, pc)
	case *ast.MatchMapping:
		c.patternMapping(p, pc)
	case *ast.MatchClass:
		c.patternClass(p, pc)
	case *ast.MatchStar:
		c.patternStoreName(p.Name, pc)
	case *ast.MatchAs:
		c.patternAs(p, pc)
	case *ast.MatchOr:
		c.patternOr(p, pc)
	default:
		c.error("invalid match pattern node in AST")
	}
}

func (c *compiler) patternAs(p *ast.MatchAs, pc *patternContext) {
	if p.Pattern == nil {
		// An irrefutable match.
		if !pc.allowIrrefutable {
			if p.Name != "" {
				c.error("name capture %s makes remaining patterns unreachable", pyRepr(p.Name))
			}
			c.error("wildcard makes remaining patterns unreachable")
		}
		c.patternStoreName(p.Name, pc)
		return
	}
	// Keep a copy of the subject to store if the sub-pattern matches.
	pc.onTop++
	c.addopI(code.COPY, 1)
	c.pattern(p.Pattern, pc)
	pc.onTop--
	c.patternStoreName(p.Name, pc)
}

func (c *compiler) patternClass(p *ast.MatchClass, pc *patternContext) {
	nargs := len(p.Patterns)
	nattrs := len(p.KwdAttrs)
	if nattrs != len(p.KwdPatterns) {
		c.error("kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern", nattrs, len(p.KwdPatterns))
	}
	if nattrs > 0 {
		for i, attr := range p.KwdAttrs {
			c.setLoc(p.KwdPatterns[i])
			c.forbiddenName(attr, ast.Store)
			for j := i + 1; j < nattrs; j++ {
				if p.KwdAttrs[j] == attr {
					c.setLoc(p.KwdPatterns[j])
					c.error("attribute name repeated in class pattern: %s", attr)
				}
			}
		}
		c.setLoc(p)
	}
	c.visitExpr(p.Cls)
	names := make(code.Tuple, nattrs)
	for i, a := range p.KwdAttrs {
		names[i] = a
	}
	c.loadConst(names)
	c.addopI(code.MATCH_CLASS, nargs)
	c.addopI(code.COPY, 1)
	c.loadConst(nil)
	c.addopI(code.IS_OP, 1)
	// TOS is now a tuple of nargs+nattrs attributes (or None).
	pc.onTop++
	c.jumpToFailPop(pc, code.POP_JUMP_IF_FALSE)
	c.addopI(code.UNPACK_SEQUENCE, nargs+nattrs)
	pc.onTop += nargs + nattrs - 1
	for i := 0; i < nargs+nattrs; i++ {
		pc.onTop--
		var sub ast.Pattern
		if i < nargs {
			sub = p.Patterns[i]
		} else {
			sub = p.KwdPatterns[i-nargs]
		}
		if isWildcard(sub) {
			c.addop(code.POP_TOP)
			continue
		}
		c.patternSubpattern(sub, pc)
	}
}

// patternKey is the equality class of a mapping-pattern key, so that
// duplicates are found as Python's set would (1 == 1.0 == True).
func patternKey(v any) (string, bool) {
	num := func(f float64) string {
		if f == math.Trunc(f) && !math.IsInf(f, 0) {
			b, _ := new(big.Float).SetFloat64(f).Int(nil)
			return "n" + b.String()
		}
		return fmt.Sprintf("f%x", floatBits(f))
	}
	switch v := v.(type) {
	case nil:
		return "None", true
	case bool:
		if v {
			return "n1", true
		}
		return "n0", true
	case int64:
		return fmt.Sprintf("n%d", v), true
	case *big.Int:
		return "n" + v.String(), true
	case float64:
		if math.IsNaN(v) {
			return "", false // NaN equals nothing (not even itself)
		}
		return num(v), true
	case complex128:
		if imag(v) == 0 {
			if math.IsNaN(real(v)) {
				return "", false
			}
			return num(real(v)), true
		}
		if math.IsNaN(real(v)) || math.IsNaN(imag(v)) {
			return "", false
		}
		return fmt.Sprintf("c%s,%x", num(real(v)), floatBits(imag(v))), true
	case string:
		return "s" + v, true
	case code.Bytes:
		return "b" + string(v), true
	}
	return constKey(v), true
}

func (c *compiler) patternMapping(p *ast.MatchMapping, pc *patternContext) {
	keys := p.Keys
	size := len(keys)
	if size != len(p.Patterns) {
		c.error("keys (%d) / patterns (%d) length mismatch in mapping pattern", size, len(p.Patterns))
	}
	star := p.Rest
	// Keep the subject on top during the mapping and length checks.
	pc.onTop++
	c.addop(code.MATCH_MAPPING)
	c.jumpToFailPop(pc, code.POP_JUMP_IF_FALSE)
	if size == 0 && star == "" {
		// `{}` matches any mapping.
		pc.onTop--
		c.addop(code.POP_TOP)
		return
	}
	if size > 0 {
		c.addop(code.GET_LEN)
		c.loadConst(int64(size))
		c.addCompare(ast.GtE)
		c.jumpToFailPop(pc, code.POP_JUMP_IF_FALSE)
	}
	seen := map[string]bool{}
	for i, key := range keys {
		if key == nil {
			c.setLoc(p.Patterns[i])
			c.error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)")
		}
		switch k := key.(type) {
		case *ast.Constant:
			v := c.constValue(k)
			if pk, ok := patternKey(v); ok {
				if seen[pk] {
					c.error("mapping pattern checks duplicate key (%s)", pyRepr(v))
				}
				seen[pk] = true
			}
		case *ast.Attribute:
		default:
			c.error("mapping pattern keys may only match literals and attribute lookups")
		}
		c.visitExpr(key)
	}
	c.addopI(code.BUILD_TUPLE, size)
	c.addop(code.MATCH_KEYS)
	// Now a tuple of keys and a tuple of values sit on the subject.
	pc.onTop += 2
	c.addopI(code.COPY, 1)
	c.loadConst(nil)
	c.addopI(code.IS_OP, 1)
	c.jumpToFailPop(pc, code.POP_JUMP_IF_FALSE)
	c.addopI(code.UNPACK_SEQUENCE, size)
	pc.onTop += size - 1
	for _, sub := range p.Patterns {
		pc.onTop--
		c.patternSubpattern(sub, pc)
	}
	// A match: what follows consumes the keys tuple and the subject.
	pc.onTop -= 2
	if star != "" {
		// rest = dict(subject); for key in keys: del rest[key]
		c.addopI(code.BUILD_MAP, 0)
		c.addopI(code.SWAP, 3)
		c.addopI(code.DICT_UPDATE, 2)
		c.addopI(code.UNPACK_SEQUENCE, size)
		for n := size; n > 0; n-- {
			c.addopI(code.COPY, 1+n)
			c.addopI(code.SWAP, 2)
			c.addop(code.DELETE_SUBSCR)
		}
		c.patternStoreName(star, pc)
	} else {
		c.addop(code.POP_TOP) // keys
		c.addop(code.POP_TOP) // subject
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func (c *compiler) patternOr(p *ast.MatchOr, pc *patternContext) {
	end := c.newBlock()
	old := *pc
	// control: the names bound by the first alternative; the others must
	// bind the same names, and their values are reordered to match.
	var control []string
	for i, alt := range p.Patterns {
		c.setLoc(alt)
		pc.stores = nil
		pc.allowIrrefutable = i == len(p.Patterns)-1 && old.allowIrrefutable
		pc.failPop = nil
		pc.onTop = 0
		c.addopI(code.COPY, 1)
		c.pattern(alt, pc)
		nstores := len(pc.stores)
		if i == 0 {
			control = pc.stores
		} else if nstores != len(control) {
			c.error("alternative patterns bind different names")
		} else if nstores > 0 {
			for icontrol := nstores - 1; icontrol >= 0; icontrol-- {
				name := control[icontrol]
				istores := indexOf(pc.stores, name)
				if istores < 0 {
					c.error("alternative patterns bind different names")
				}
				if icontrol != istores {
					rotations := istores + 1
					rotated := append([]string(nil), pc.stores[:rotations]...)
					restStores := append([]string(nil), pc.stores[rotations:]...)
					at := icontrol - istores
					stores := append([]string(nil), restStores[:at]...)
					stores = append(stores, rotated...)
					stores = append(stores, restStores[at:]...)
					pc.stores = stores
					for r := 0; r < rotations; r++ {
						c.patternRotate(icontrol + 1)
					}
				}
			}
		}
		c.addopJ(code.JUMP, end)
		c.emitAndResetFailPop(pc)
	}
	*pc = old
	// No alternative matched: pop the copy of the subject and fail.
	c.addop(code.POP_TOP)
	c.jumpToFailPop(pc, code.JUMP)
	c.useNextBlock(end)
	nstores := len(control)
	// Between the new captures and their place: the other new captures, the
	// subject copy, the working items and the earlier captures.
	nrots := nstores + 1 + pc.onTop + len(pc.stores)
	for _, name := range control {
		c.patternRotate(nrots)
		if indexOf(pc.stores, name) >= 0 {
			c.errorDuplicateStore(name)
		}
		pc.stores = append(pc.stores, name)
	}
	c.addop(code.POP_TOP) // the subject copy
}

func (c *compiler) patternSequence(p *ast.MatchSequence, pc *patternContext) {
	patterns := p.Patterns
	size := len(patterns)
	star := -1
	onlyWildcard := true
	starWildcard := false
	for i, sub := range patterns {
		if _, ok := sub.(*ast.MatchStar); ok {
			if star >= 0 {
				c.error("multiple starred names in sequence pattern")
			}
			starWildcard = isStarWildcard(sub)
			onlyWildcard = onlyWildcard && starWildcard
			star = i
			continue
		}
		onlyWildcard = onlyWildcard && isWildcard(sub)
	}
	pc.onTop++
	c.addop(code.MATCH_SEQUENCE)
	c.jumpToFailPop(pc, code.POP_JUMP_IF_FALSE)
	if star < 0 {
		c.addop(code.GET_LEN)
		c.loadConst(int64(size))
		c.addCompare(ast.Eq)
		c.jumpToFailPop(pc, code.POP_JUMP_IF_FALSE)
	} else if size > 1 {
		c.addop(code.GET_LEN)
		c.loadConst(int64(size - 1))
		c.addCompare(ast.GtE)
		c.jumpToFailPop(pc, code.POP_JUMP_IF_FALSE)
	}
	pc.onTop--
	switch {
	case onlyWildcard:
		c.addop(code.POP_TOP)
	case starWildcard:
		c.patternSequenceSubscr(patterns, star, pc)
	default:
		c.patternSequenceUnpack(patterns, pc)
	}
}

func (c *compiler) match(s *ast.Match) {
	pc := &patternContext{}
	c.visitExpr(s.Subject)
	end := c.newBlock()
	ncases := len(s.Cases)
	last := s.Cases[ncases-1]
	hasDefault := 0
	if isWildcard(last.Pattern) && ncases > 1 {
		hasDefault = 1
	}
	for i := 0; i < ncases-hasDefault; i++ {
		m := s.Cases[i]
		c.setLoc(m.Pattern)
		// Only copy the subject if this is not the last case.
		if i != ncases-hasDefault-1 {
			c.addopI(code.COPY, 1)
		}
		pc.stores = nil
		// Irrefutable cases must be guarded, last, or both.
		pc.allowIrrefutable = m.Guard != nil || i == ncases-1
		pc.failPop = nil
		pc.onTop = 0
		c.pattern(m.Pattern, pc)
		// A match: store the captured names (they are on the stack).
		for _, name := range pc.stores {
			c.nameop(name, ast.Store)
		}
		if m.Guard != nil {
			c.ensureFailPop(pc, 0)
			c.jumpIf(m.Guard, pc.failPop[0], false)
		}
		if i != ncases-hasDefault-1 {
			c.addop(code.POP_TOP) // the subject
		}
		c.visitStmts(m.Body)
		c.unsetLoc()
		c.addopJ(code.JUMP, end)
		// A failed match's cleanup belongs to the pattern's line.
		c.setLoc(m.Pattern)
		c.emitAndResetFailPop(pc)
	}
	if hasDefault == 1 {
		// A trailing `case _:` needs no copy of the subject.
		c.setLoc(last.Pattern)
		if ncases == 1 {
			c.addop(code.POP_TOP)
		} else {
			c.addop(code.NOP)
		}
		if last.Guard != nil {
			c.jumpIf(last.Guard, end, false)
		}
		c.visitStmts(last.Body)
		c.unsetLoc()
	}
	c.useNextBlock(end)
}
