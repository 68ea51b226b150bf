# An uncaught SyntaxError without location attributes prints as str(exc).
raise SyntaxError("no location here")
