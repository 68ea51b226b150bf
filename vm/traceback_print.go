package vm

// This file formats exceptions exactly as CPython 3.11 prints them: the
// "Traceback (most recent call last):" header, one entry per frame with the
// source line and PEP 657 markers (~~~^^^ for binary operators and
// subscripts), "[Previous line repeated N more times]" for recursion,
// chained exceptions, SyntaxError's caret display, exception groups, notes,
// and the "Did you mean" suggestions for NameError and AttributeError.

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/width"

	"gilpy/parser"
	"gilpy/parser/ast"
	"gilpy/vm/code"
)

const recursiveCutoff = 3

// FormatException renders exc with its chain as CPython's traceback
// printer does.
func FormatException(th *Thread, exc *Exception) string {
	var b strings.Builder
	ctx := &printCtx{seen: map[*Exception]bool{}}
	ctx.formatChain(th, &b, exc)
	return b.String()
}

type printCtx struct {
	seen       map[*Exception]bool
	groupDepth int
	needClose  bool
}

func (c *printCtx) indent() string { return strings.Repeat(" ", 2*c.groupDepth) }

// emit writes text with the exception-group margin.
func (c *printCtx) emit(b *strings.Builder, text string, margin string) {
	if c.groupDepth == 0 {
		b.WriteString(text)
		return
	}
	if margin == "" {
		margin = "|"
	}
	prefix := c.indent() + margin + " "
	lines := strings.SplitAfter(text, "\n")
	for _, l := range lines {
		if l == "" {
			continue
		}
		b.WriteString(prefix)
		b.WriteString(l)
	}
}

func (c *printCtx) formatChain(th *Thread, b *strings.Builder, exc *Exception) {
	// As TracebackException.format: walk from the newest exception to the
	// oldest; each entry remembers how it relates to the next older one,
	// and the oldest is printed first.
	type link struct {
		msg string // printed before exc: how exc follows the older entry
		exc *Exception
	}
	var chain []link
	c.seen[exc] = true
	for e := exc; e != nil; {
		var next *Exception
		msg := ""
		if !e.cause.IsNull() && !e.cause.IsNone() {
			if ce, ok := AsExceptionValue(e.cause); ok && !c.seen[ce] {
				next, msg = ce, "\nThe above exception was the direct cause of the following exception:\n\n"
			}
		} else if !e.context.IsNull() && !e.context.IsNone() && !e.suppressContext {
			if ce, ok := AsExceptionValue(e.context); ok && !c.seen[ce] {
				next, msg = ce, "\nDuring handling of the above exception, another exception occurred:\n\n"
			}
		}
		chain = append(chain, link{msg, e})
		if next != nil {
			c.seen[next] = true
		}
		e = next
	}
	for i := len(chain) - 1; i >= 0; i-- {
		if chain[i].msg != "" {
			c.emit(b, chain[i].msg, "")
		}
		c.formatOne(th, b, chain[i].exc)
	}
}

func (c *printCtx) formatOne(th *Thread, b *strings.Builder, exc *Exception) {
	group := exc.typ.IsSubtype(BaseExceptionGroup)
	if !group {
		if exc.traceback != nil {
			c.emit(b, "Traceback (most recent call last):\n", "")
			c.emit(b, formatStack(exc.traceback), "")
		}
		c.emit(b, formatExceptionOnly(th, exc), "")
		return
	}
	if c.groupDepth > 10 {
		c.emit(b, "... (max_group_depth is 10)\n", "")
		return
	}
	top := c.groupDepth == 0
	if top {
		c.groupDepth++
	}
	if exc.traceback != nil {
		margin := ""
		if top {
			margin = "+"
		}
		c.emit(b, "Exception Group Traceback (most recent call last):\n", margin)
		c.emit(b, formatStack(exc.traceback), "")
	}
	c.emit(b, formatExceptionOnly(th, exc), "")
	subs := exceptionGroupItems(exc)
	n := len(subs)
	if n > 15 {
		n = 16
	}
	c.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			c.needClose = true
		}
		truncated := i >= 15
		title := formatInt(i + 1)
		if truncated {
			title = "..."
		}
		first := "  "
		if i == 0 {
			first = "+-"
		}
		b.WriteString(c.indent() + first + "+---------------- " + title + " ----------------\n")
		c.groupDepth++
		if !truncated {
			sub := subs[i]
			subCtx := c
			if !c.seen[sub] {
				subCtx.seen[sub] = true
				subCtx.formatChain(th, b, sub)
			}
		} else {
			remaining := len(subs) - 15
			c.emit(b, "and "+formatInt(remaining)+" more exception"+plural(remaining)+"\n", "")
		}
		if last && c.needClose {
			b.WriteString(c.indent() + "+------------------------------------\n")
			c.needClose = false
		}
		c.groupDepth--
	}
	if top {
		c.groupDepth = 0
	}
}

// formatStack renders traceback entries, collapsing repeats.
func formatStack(tb *Traceback) string {
	var b strings.Builder
	var lastFile, lastName string
	lastLine := -1
	count := 0
	flush := func() {
		if count > recursiveCutoff {
			n := count - recursiveCutoff
			b.WriteString("  [Previous line repeated " + formatInt(n) + " more time" + plural(n) + "]\n")
		}
	}
	for ; tb != nil; tb = tb.next {
		co := tb.frame.code
		file, name, line := co.Filename, co.Name, tb.lineno
		if file != lastFile || line != lastLine || name != lastName {
			flush()
			lastFile, lastLine, lastName = file, line, name
			count = 0
		}
		count++
		if count > recursiveCutoff {
			continue
		}
		b.WriteString(formatFrameEntry(file, line, name, tb))
	}
	flush()
	return b.String()
}

// formatFrameEntry is StackSummary.format_frame_summary.
func formatFrameEntry(file string, lineno int, name string, tb *Traceback) string {
	var b strings.Builder
	b.WriteString("  File \"" + file + "\", line " + formatInt(lineno) + ", in " + name + "\n")
	line := SourceLine(file, lineno)
	if line == "" {
		return b.String()
	}
	stripped := strings.TrimSpace(line)
	if stripped == "" {
		return b.String()
	}
	b.WriteString("    " + stripped + "\n")
	if tb == nil {
		return b.String()
	}
	return b.String() + formatCarets(line, lineno, tb.Position())
}

// formatCarets is the PEP 657 marker line under a source line for the
// instruction at pos ("" when CPython would print none).
func formatCarets(line string, lineno int, pos code.Position) string {
	var b strings.Builder
	stripped := strings.TrimSpace(line)
	if pos.Col < 0 || pos.EndCol < 0 || int(pos.Line) != lineno {
		return b.String()
	}
	orig := strings.TrimRight(line, "\n")
	strippedChars := utf8.RuneCountInString(orig) - utf8.RuneCountInString(strings.TrimLeft(orig, " \t\f\v"))
	start := byteToCharOffset(orig, int(pos.Col))
	end := byteToCharOffset(orig, int(pos.EndCol))
	runes := []rune(orig)
	var anchors *caretAnchors
	if pos.EndLine == pos.Line {
		if start <= end && end <= len(runes) {
			anchors = extractAnchors(string(runes[start:end]))
		}
	} else {
		end = utf8.RuneCountInString(strings.TrimRight(orig, " \t\r\n\f\v"))
	}
	strippedLen := utf8.RuneCountInString(stripped)
	if end-start < strippedLen || (anchors != nil && anchors.rightStart-anchors.leftEnd > 0) {
		// As CPython's C printer: carets are placed relative to the line
		// with its leading whitespace removed.
		dpStart := displayWidth(runes, start)
		dpEnd := displayWidth(runes, end)
		b.WriteString("    ")
		b.WriteString(strings.Repeat(" ", max(0, dpStart-strippedChars)))
		if anchors != nil {
			seg := runes[start:end]
			dl := displayWidth(seg, anchors.leftEnd)
			dr := displayWidth(seg, anchors.rightStart)
			b.WriteString(strings.Repeat("~", dl))
			b.WriteString(strings.Repeat("^", max(0, dr-dl)))
			b.WriteString(strings.Repeat("~", max(0, dpEnd-dpStart-dr)))
		} else {
			b.WriteString(strings.Repeat("^", max(0, dpEnd-dpStart)))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func byteToCharOffset(s string, off int) int {
	if off > len(s) {
		off = len(s)
	}
	if off < 0 {
		return 0
	}
	return utf8.RuneCountInString(s[:off])
}

// displayWidth counts wide East Asian characters twice, as _display_width.
func displayWidth(runes []rune, n int) int {
	if n > len(runes) {
		n = len(runes)
	}
	w := 0
	for _, r := range runes[:n] {
		if r >= 0x1100 {
			k := width.LookupRune(r).Kind()
			if k == width.EastAsianWide || k == width.EastAsianFullwidth {
				w += 2
				continue
			}
		}
		w++
	}
	return w
}

type caretAnchors struct{ leftEnd, rightStart int }

// extractAnchors is _extract_caret_anchors_from_line_segment: for a
// segment that is a binary operation, mark the operator; for a
// subscript, the brackets.
func extractAnchors(segment string) *caretAnchors {
	tree, err := parser.Parse("<anchors>", []byte(segment), parser.ModeExec)
	if err != nil {
		return nil
	}
	mod, ok := tree.(*ast.Module)
	if !ok || len(mod.Body) != 1 {
		return nil
	}
	st, ok := mod.Body[0].(*ast.ExprStmt)
	if !ok {
		return nil
	}
	norm := func(off int) int { return byteToCharOffset(segment, off) }
	switch e := st.Value.(type) {
	case *ast.BinOp:
		opStart := norm(e.Left.GetPos().EndCol)
		opEnd := norm(e.Right.GetPos().Col)
		runes := []rune(segment)
		if opStart > opEnd || opEnd > len(runes) {
			return nil
		}
		opStr := runes[opStart:opEnd]
		opOff := len(opStr) - len([]rune(strings.TrimLeft(string(opStr), " \t\n\r\f\v")))
		left := e.Left.GetPos().EndCol + opOff
		right := left + 1
		if opOff+1 < len(opStr) && !isPySpace(opStr[opOff+1]) {
			right++
		}
		for left < len(segment) && (isPySpace(rune(segment[left])) || segment[left] == ')' || segment[left] == '#') {
			left++
			right++
		}
		return &caretAnchors{norm(left), norm(right)}
	case *ast.Subscript:
		left := norm(e.Value.GetPos().EndCol)
		right := norm(e.Slice.GetPos().EndCol + 1)
		runes := []rune(segment)
		for left < len(runes) && (isPySpace(runes[left]) || runes[left] != '[') {
			left++
		}
		for right < len(runes) && (isPySpace(runes[right]) || runes[right] != ']') {
			right++
		}
		if right < len(runes) {
			right++
		}
		return &caretAnchors{left, right}
	}
	return nil
}

// formatExceptionOnly is TracebackException.format_exception_only.
func formatExceptionOnly(th *Thread, exc *Exception) string {
	t := exc.typ
	stype := t.Qualname
	if mod := t.ModuleName(); mod != "" && mod != "__main__" && mod != "builtins" {
		stype = mod + "." + stype
	}
	var b strings.Builder
	if t.IsSubtype(SyntaxErrorType) {
		b.WriteString(formatSyntaxError(th, exc, stype))
	} else {
		msg := safeStr(th, exc.Value(), "exception")
		if sug := suggestion(th, exc); sug != "" {
			msg += ". Did you mean: '" + sug + "'?"
		}
		if msg == "" {
			b.WriteString(stype + "\n")
		} else {
			b.WriteString(stype + ": " + msg + "\n")
		}
	}
	if notes := exc.attr("__notes__"); !notes.IsNone() {
		if l, ok := AsList(notes); ok {
			for _, n := range l.items {
				s := safeStr(th, n, "note")
				for _, line := range strings.Split(s, "\n") {
					b.WriteString(line + "\n")
				}
			}
		} else if r, err := Repr(th, notes); err == nil {
			b.WriteString(r.s)
		}
	}
	return b.String()
}

func safeStr(th *Thread, v Value, what string) string {
	s, err := StrOf(th, v)
	if err != nil {
		return "<" + what + " str() failed>"
	}
	return s.s
}

// formatSyntaxError prints a SyntaxError's location the way CPython's C
// printer does (Python/pythonrun.c: parse_syntax_error, print_error_text),
// which is what an uncaught SyntaxError shows. When the attributes are not
// usable (lineno is not an int, as for a bare raise SyntaxError("x")), the
// C printer falls back to str(exc), and so do we.
func formatSyntaxError(th *Thread, exc *Exception, stype string) string {
	lineno := exc.attr("lineno")
	if !lineno.IsSmallInt() {
		return stype + ": " + safeStr(th, exc.Value(), "exception") + "\n"
	}
	fn := "<string>"
	if f := exc.attr("filename"); !f.IsNone() {
		fn = safeStr(th, f, "filename")
	}
	ln := int(lineno.SmallInt())
	offset, endLineno, endOffset := -1, ln, -1
	if o := exc.attr("offset"); o.IsSmallInt() {
		offset = int(o.SmallInt())
	}
	// Only SyntaxError itself gets a range of carets; subclasses
	// (IndentationError, TabError) always get one.
	if exc.typ == SyntaxErrorType {
		if v := exc.attr("end_lineno"); v.IsSmallInt() {
			endLineno = int(v.SmallInt())
		}
		if v := exc.attr("end_offset"); v.IsSmallInt() {
			endOffset = int(v.SmallInt())
		}
	}
	var b strings.Builder
	b.WriteString("  File \"" + fn + "\", line " + strconv.Itoa(ln) + "\n")
	if t, ok := AsStr(exc.attr("text")); ok {
		text := t.s
		size := len(text)
		if endLineno > ln {
			endOffset = size
		}
		if endOffset > size+1 {
			endOffset = size + 1
		}
		writeErrorText(&b, offset, endOffset, text)
	}
	msg := "<no detail available>"
	if m := exc.attr("msg"); !m.IsNone() {
		msg = safeStr(th, m, "msg")
	}
	b.WriteString(stype + ": " + msg + "\n")
	return b.String()
}

// writeErrorText is print_error_text: the source line without its
// indentation, then a caret line under columns offset..endOffset (1-based).
func writeErrorText(b *strings.Builder, offset, endOffset int, text string) {
	carets := 1
	if endOffset > 0 && endOffset > offset {
		carets = endOffset - offset
	}
	offset--
	for len(text) > 0 && (text[0] == ' ' || text[0] == '\t' || text[0] == '\f') {
		text = text[1:]
		offset--
	}
	n := len(text)
	if n > 0 && text[n-1] == '\n' {
		n--
	}
	if offset > n {
		offset = n
	}
	// A multi-line text shows only the line the offset falls in.
	for {
		nl := strings.IndexByte(text, '\n')
		if nl < 0 || nl >= offset {
			break
		}
		text = text[nl+1:]
		n -= nl + 1
		offset -= nl + 1
	}
	b.WriteString("    " + text)
	if n >= len(text) || text[n] != '\n' {
		b.WriteByte('\n')
	}
	if offset < 0 {
		return
	}
	b.WriteString("    " + strings.Repeat(" ", offset) + strings.Repeat("^", carets) + "\n")
}

// ----------------------------------------------------------- source lines

var lineCache sync.Map // filename -> []string

// SourceLine returns line lineno of file (with its newline), or "".
func SourceLine(file string, lineno int) string {
	var lines []string
	if v, ok := lineCache.Load(file); ok {
		lines = v.([]string)
	} else {
		data, err := os.ReadFile(file)
		if err != nil {
			return ""
		}
		lines = strings.SplitAfter(string(data), "\n")
		lineCache.Store(file, lines)
	}
	if lineno < 1 || lineno > len(lines) {
		return ""
	}
	return lines[lineno-1]
}

// RegisterSource makes source text available to tracebacks for a
// pseudo-file (the REPL's "<stdin>" is not shown by CPython, but exec'd
// code registered here is).
func RegisterSource(file string, src []byte) {
	lineCache.Store(file, strings.SplitAfter(string(src), "\n"))
}

// ForgetSource drops cached lines of a file (it changed on disk).
func ForgetSource(file string) { lineCache.Delete(file) }

// ----------------------------------------------------------- printing

// PrintException writes the formatted exception to sys.stderr (through
// the hook the sys module installs) or to the process's stderr.
func (th *Thread) PrintException(exc *Exception) {
	if h := th.Interp.Hooks.Excepthook; h != nil {
		if err := h(th, exc); err == nil {
			return
		}
	}
	th.Interp.Stderr.WriteString(FormatException(th, exc))
}

// WriteUnraisable reports an exception that cannot propagate (a failing
// generator cleanup, an error in __del__), as sys.unraisablehook's default
// does: "Exception ignored in: <obj>" and the traceback, on stderr.
func (th *Thread) WriteUnraisable(exc *Exception, msg string, obj Value) {
	var b strings.Builder
	b.WriteString(msg)
	if !obj.IsNull() {
		if r, err := Repr(th, obj); err == nil {
			b.WriteString(r.s)
		} else {
			b.WriteString("<object repr() failed>")
		}
	}
	b.WriteString("\n")
	b.WriteString(FormatException(th, exc))
	th.writeStderr(b.String())
}

// writeStderr writes through sys.stderr when there is one, keeping its
// order with other output.
func (th *Thread) writeStderr(text string) {
	if sys := th.Interp.Sys; sys != nil {
		if v, ok := sys.dict.getStr(Intern("stderr")); ok {
			if f, ok := AsFile(v); ok {
				_ = f.Write(th, text)
				_ = f.Flush(th)
				return
			}
			if _, err := CallMethod(th, v, "write", MakeStr(text)); err == nil {
				return
			}
		}
	}
	th.Interp.Stderr.WriteString(text)
}
