"""One generic converter between frozen dataclasses and JSON values, driven by type hints.

Supported field types: ``str``, ``int``, ``Literal[...]`` of strings, ``X | None``, ``list[X]``, a
dataclass, and a union of dataclasses that each name themselves with a ``TAG`` class variable (written
as the ``"type"`` key). Reading checks every value and names the element that is wrong.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, Literal, TypeVar, Union

from scripts.regulation.errors import RegulationError

T = TypeVar("T")
TAG_KEY = "type"


def to_data(value: object) -> object:
    """The JSON value of a dataclass instance, list or scalar."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data: dict[str, object] = {}
        tag = getattr(value, "TAG", None)
        if tag is not None:
            data[TAG_KEY] = tag
        for field in dataclasses.fields(value):
            data[field.name] = to_data(getattr(value, field.name))
        return data
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    return value


def from_data(cls: type[T], data: object, where: str) -> T:
    """Read ``data`` (parsed JSON) as an instance of the dataclass ``cls``.

    Raises:
        RegulationError: with an empty source, ``where`` extended to the wrong element, and the reason.

    """
    result: T = _read(cls, data, where)
    return result


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _fail(where: str, reason: str) -> RegulationError:
    return RegulationError("", where, reason)


def _read(hint: Any, data: object, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return _read_union(typing.get_args(hint), data, where)
    if origin is Literal:
        if data not in typing.get_args(hint):
            raise _fail(where, f"{data!r} tidak dikenal")
        return data
    if origin is list:
        if not isinstance(data, list):
            raise _fail(where, "harus berupa daftar")
        (item,) = typing.get_args(hint)
        return [_read(item, value, f"{where}[{index}]") for index, value in enumerate(data)]
    if hint is str:
        if not isinstance(data, str):
            raise _fail(where, "harus berupa teks")
        return data
    if hint is int:
        if not isinstance(data, int) or isinstance(data, bool):
            raise _fail(where, "harus berupa bilangan bulat")
        return data
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _read_dataclass(hint, data, where)
    raise TypeError(f"unsupported type {hint!r}")  # pragma: no cover - a programming error


def _read_union(options: tuple[Any, ...], data: object, where: str) -> Any:
    if data is None:
        if type(None) in options:
            return None
        raise _fail(where, "tidak boleh null")
    rest = [option for option in options if option is not type(None)]
    if len(rest) == 1:
        return _read(rest[0], data, where)
    if not isinstance(data, dict):
        raise _fail(where, "harus berupa objek JSON")
    tags = {option.TAG: option for option in rest}
    tag = data.get(TAG_KEY)
    if tag not in tags:
        raise _fail(f"{where}.{TAG_KEY}", f"{tag!r} tidak dikenal (yang dikenal: {', '.join(tags)})")
    return _read_dataclass(tags[tag], data, where)


def _read_dataclass(cls: type, data: object, where: str) -> Any:
    if not isinstance(data, dict):
        raise _fail(where, "harus berupa objek JSON")
    hints = _hints(cls)
    names = [field.name for field in dataclasses.fields(cls)]
    allowed = {*names, TAG_KEY} if hasattr(cls, "TAG") else set(names)
    unknown = [key for key in data if key not in allowed]
    if unknown:
        raise _fail(where, f"kunci '{unknown[0]}' tidak dikenal")
    values: dict[str, Any] = {}
    for name in names:
        if name not in data:
            raise _fail(where, f"kunci '{name}' tidak ada")
        values[name] = _read(hints[name], data[name], f"{where}.{name}")
    return cls(**values)
