"""`Record`: the equality, hash and repr of a frozen dataclass for a plain slotted class.

`@dataclass(frozen=True, slots=True)` writes six methods per class with `exec` and then builds
the class a second time for its slots: about 1.3 ms per class, paid by every start-up, which for
the 30-odd classes a build imports was a tenth of a small deck's build. The classes a build
creates or reads per block or per note (and a few that need a fresh default per instance, or a
dataclass's API) are written by hand as Records instead:

- `__slots__` lists the fields, and `__init__` takes them, in their order, as parameters;
- each field is declared `Final`, so mypy refuses an assignment outside `__init__` (nothing is
  enforced at run time: a frozen class's `__init__` pays for going around its own `__setattr__`);
- `__eq__`, `__hash__` and `__repr__` come from `Record` and behave as a frozen dataclass's
  (same-class instances with equal fields are equal and hash alike; `Name(field=value, ...)`);
- `_replace(**changes)` makes a changed copy, as a NamedTuple's does (`dataclasses.replace`
  works only on dataclasses).

Records with few instances and no per-note reads are `NamedTuple`s instead: immutable at run
time, and about a third of a dataclass's cost to create (their attributes read three times
slower than a slot's, which is why the per-note ones are not NamedTuples).
"""

from __future__ import annotations

from typing import Any, ClassVar, Self


class Record:
    __slots__ = ()
    _names: ClassVar[tuple[str, ...]] = ()
    """The fields in `__init__`'s order: the order of the repr."""

    def __init_subclass__(cls) -> None:
        code = vars(cls)["__init__"].__code__
        cls._names = code.co_varnames[1 : code.co_argcount]
        if sorted(cls._names) != sorted(cls.__slots__):  # checked even under python -O
            raise TypeError(f"{cls.__name__}.__init__ does not take its slots {cls.__slots__}")

    def _replace(self, **changes: Any) -> Self:
        """A copy with the fields named in `changes` changed."""
        values = {name: getattr(self, name) for name in self._names}
        values.update(changes)  # an unknown name fails in __init__, as it should
        return self.__class__(**values)

    def _fields(self) -> tuple[object, ...]:
        return tuple([getattr(self, name) for name in self._names])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._names)
        return f"{self.__class__.__qualname__}({fields})"
