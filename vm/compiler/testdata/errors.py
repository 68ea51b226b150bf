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
### break_in_function
def f():
    break
### continue_in_class
class C:
    continue
### async_for_outside
def f():
    async for x in y:
        pass
### async_with_outside
def f():
    async with x:
        pass
### yield_from_async
async def f():
    yield from x
### yield_in_setcomp
def f():
    return {(yield x) for x in y}
### yield_in_dictcomp
def f():
    return {x: (yield) for x in y}
### yield_in_genexp
def f():
    return ((yield x) for x in y)
### await_in_lambda
def f():
    return lambda: await x
### mapping_duplicate_key
match x:
    case {1: a, 1.0: b}:
        pass
### mapping_duplicate_str
match x:
    case {"k": a, "k": b}:
        pass
### class_pattern_repeated
match x:
    case C(a=1, a=2):
        pass
### name_capture_unreachable
match x:
    case [a] | b:
        pass
    case 1:
        pass
### or_capture_unreachable
match x:
    case a | b:
        pass
### global_annotated
def f():
    global x
    x: int = 1
### nonlocal_annotated
def f():
    x = 1
    def g():
        nonlocal x
        x: int = 2
### global_after_annotation
def f():
    x: int
    global x
### walrus_rebind_iter
def f():
    return [i := 0 for i in range(3)]
### walrus_class_comp
class C:
    y = [z := 1 for q in range(2)]
### walrus_iterable
def f():
    return [x for x in (y := [1, 2])]
### walrus_inner_loop
def f():
    return [i for i in range(3) if (j := i) for j in range(2)]
### future_late
import os
from __future__ import annotations
### future_unknown
from __future__ import nonexistent
### future_braces
from __future__ import braces
### except_star_break
for x in y:
    try:
        pass
    except* ValueError:
        break
### except_star_return
def f():
    try:
        pass
    except* ValueError:
        return 1
### debug_param
def f(__debug__): pass
### debug_kwarg_call
f(__debug__=1)
### debug_attr
x.__debug__ = 1
### debug_del
del __debug__
### nonlocal_global
def f():
    x = 1
    def g():
        global x
        nonlocal x
### param_nonlocal
def f(a):
    def g(a):
        nonlocal a
### nonlocal_used_before
def f():
    x = 1
    def g():
        print(x)
        nonlocal x
### nonlocal_assigned_before
def f():
    x = 1
    def g():
        x = 2
        nonlocal x
### yield_annotation_future
from __future__ import annotations
def f(x: (yield)): pass
### nested_blocks
for a in b:
 for a in b:
  for a in b:
   for a in b:
    for a in b:
     for a in b:
      for a in b:
       for a in b:
        for a in b:
         for a in b:
          for a in b:
           for a in b:
            for a in b:
             for a in b:
              for a in b:
               for a in b:
                for a in b:
                 for a in b:
                  for a in b:
                   for a in b:
                    for a in b:
                     pass
### return_in_class_body
class C:
    return 1
### yield_in_class
class C:
    yield 1
### await_module
await x
### async_comp_in_sync_nested
async def f():
    def g():
        return [x async for x in y]
### import_star_class
class C:
    from m import *
### lambda_dup_args
lambda a, a: 1
### dup_kwonly
def f(a, *, a): pass
### unicode_return
x = "é"; return 1
### multiple_starred_pattern
match x:
    case [*a, *b]:
        pass
### value_pattern_bad
match x:
    case -1:
        pass
    case f"x":
        pass
### werror_is_literal
if x is 1:
    pass
### werror_not_callable
(1, 2)(3)
### werror_assert_tuple
assert (x, "msg")
### werror_index
x = "abc"["k"]
