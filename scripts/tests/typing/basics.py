from typing import *
import typing
T = TypeVar('T'); K=TypeVar('K', bound=int, covariant=True); S=TypeVar('S', str, bytes, contravariant=True)
print(T, K, S, List, List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None, str], Optional[Union[int,str]], Callable[[int, str], bool], Callable[..., int], Tuple[int, ...], Tuple[()], Literal[1, 'a'], Any, ClassVar[int], Final[int], Type[int], Iterable[T], List[T][int], Annotated[int, 'x'], typing.Sequence, typing.Sequence[int], Set[int], FrozenSet[str], DefaultDict[str,int], Deque[int], Counter[str], Awaitable[int], Coroutine[Any, Any, int], Generator[int, None, None], AsyncIterator[int], NoReturn, Never, Self, int | None, list[int], Optional[list[int]], Union[int], type(List[int]), type(List), type(Union[int,str]), type(Optional))
class G(Generic[T]): pass
print(G[int], G.__parameters__, G[int]().__class__, G.__orig_bases__, G.__mro__)
print(get_origin(List[int]), get_args(Dict[str,int]), get_args(Callable[[int], str]), get_origin(Union[int,str]))
P = NamedTuple('P', [('x', int), ('y', float)])
class Q(NamedTuple):
    a: int
    b: str = 'z'
    def hello(self): return "hi " + self.b
print(P(1, 2.0), Q(1), Q._fields, Q.__annotations__, Q._field_defaults, Q(2).hello())
class TD(TypedDict):
    a: int
print(TD(a=1), type(TD(a=1)), TD.__annotations__, TD.__required_keys__)
UserId = NewType('UserId', int); print(UserId, UserId(5))
def f(x: 'int', y: List['str'] = None) -> 'bool': pass
print(get_type_hints(f))
try: isinstance(1, List[int])
except TypeError as e: print(e)
print(isinstance([], List), issubclass(list, typing.Iterable), isinstance(1, Union[int, str]))
@runtime_checkable
class Closable(Protocol):
    def close(self): ...
print(isinstance(open('/dev/null'), Closable), isinstance(1, Closable))
print(cast(int, 'x'), TYPE_CHECKING, AnyStr, Text)
def g(a: int, b: Dict[str, Any]) -> Optional[List[int]]: return None
print(g.__annotations__)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
s = Stack[int](); s.push(1); print(s.items)
@overload
def h(x: int) -> int: ...
@overload
def h(x: str) -> str: ...
def h(x): return x
print(h(3), len(get_overloads(h)))
class Point(Protocol):
    x: int
print(Point.__name__)
