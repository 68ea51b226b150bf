x + y * f(z)[0] if cond else [i for i in w]
