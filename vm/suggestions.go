package vm

// suggestion returns the "Did you mean" name for a NameError or
// AttributeError, or "" (Python/suggestions.c; being written).
func suggestion(th *Thread, exc *Exception) string { return "" }
