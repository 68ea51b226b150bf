### return_outside
return 1
### break_outside
break
### continue_outside
continue
### yield_outside
x = yield 1
### await_outside_function
await x
### await_outside_async
def f():
    await x
### nonlocal_module
nonlocal x
### no_binding_nonlocal
def f():
    nonlocal x
### param_global
def f(a):
    global a
### used_before_global
def f():
    print(a)
    global a
### assigned_before_global
def f():
    a = 1
    global a
### duplicate_argument
def f(a, a): pass
### return_value_async_gen
async def f():
    yield 1
    return 2
### starred_assign
*a = 1
### multiple_starred
a, *b, *c = d
### yield_in_listcomp
def f():
    return [(yield x) for x in y]
### async_comp_outside
def f():
    return [x async for x in y]
### match_irrefutable
match x:
    case y:
        pass
    case 1:
        pass
### match_wildcard
match x:
    case _:
        pass
    case 1:
        pass
### match_multiple_assign
match x:
    case [a, a]:
        pass
### match_alternative_names
match x:
    case [a] | [b]:
        pass
### assign_debug
__debug__ = 1
### import_star_function
def f():
    from m import *
### default_except_last
try:
    pass
except:
    pass
except ValueError:
    pass
