def f(a):
	if a:
		return [a,
			a]
	else:
	    return	None

class C:
	x	=	1
