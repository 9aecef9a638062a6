"""Evaluating show_if conditions and rules: pure functions over the answers.

Three-valued (Kleene) logic: a test is True, False or None (unknown). A comparison whose answer is not
given, or not yet a number or a date, is unknown; so is any test of a question not yet reached when the
wizard counts the pages still to come. ``all`` is False as soon as one part is False, ``any`` True as soon
as one part is True, ``not`` leaves unknown unknown. A page shows only when its condition is True; a rule
is broken only when it is False, so a rule never speaks about an answer that was left empty.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from datetime import date
from typing import Any

from assistant.definition.model import AllOf, Answered, AnyOf, Compare, Cond, Condition, Not
from assistant.fieldtypes import is_empty
from assistant.fieldtypes.dates import parse_date
from assistant.fieldtypes.identity import ascii_digits

Truth = bool | None

_NUMBER = re.compile(r"-?\d{1,12}")
_COMPARE = {
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
}


def comparable(value: Any) -> int | float | date | None:
    """An answer as a number or a date, typed (raw text) or cleaned; None when it is neither."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float, date)):
        return value
    if isinstance(value, str):
        text = re.sub(r"[\s\u00a0]", "", ascii_digits(value))
        text = re.sub(r"(kr|:-|SEK)$", "", text, flags=re.IGNORECASE)
        if _NUMBER.fullmatch(text):
            return int(text)
        return parse_date(value)
    return None


def _same_kind(a: Any, b: Any) -> bool:
    return isinstance(a, date) == isinstance(b, date)


def _one_of(cond: Condition, answers: Mapping[str, Any]) -> bool:
    value = answers.get(cond.field)
    if isinstance(value, (list, tuple)):
        return any(v in value for v in cond.values)
    return value is not None and value in cond.values


def _compare(cond: Compare, answers: Mapping[str, Any]) -> Truth:
    left = comparable(answers.get(cond.field))
    right = comparable(answers.get(cond.other)) if cond.other else cond.value
    if left is None or right is None or not _same_kind(left, right):
        return None
    return _COMPARE[cond.op](left, right)


def _all(values: Iterator[Truth]) -> Truth:
    seen = list(values)
    return False if False in seen else None if None in seen else True


def _any(values: Iterator[Truth]) -> Truth:
    seen = list(values)
    return True if True in seen else None if None in seen else False


def evaluate(cond: Cond, answers: Mapping[str, Any], settled: Collection[str] | None = None) -> Truth:
    """True, False or None (unknown). With ``settled`` (the questions already passed), a test naming any
    other question is unknown: its answer may still change."""
    if isinstance(cond, AllOf):
        return _all(evaluate(c, answers, settled) for c in cond.conditions)
    if isinstance(cond, AnyOf):
        return _any(evaluate(c, answers, settled) for c in cond.conditions)
    if isinstance(cond, Not):
        inner = evaluate(cond.condition, answers, settled)
        return None if inner is None else not inner
    if settled is not None and any(name not in settled for name in named_fields(cond)):
        return None
    if isinstance(cond, Condition):
        return _one_of(cond, answers)
    if isinstance(cond, Answered):
        return (not is_empty(answers.get(cond.field))) == cond.expected
    return _compare(cond, answers)


def evaluate_all(conditions: tuple[Cond, ...], answers: Mapping[str, Any],
                 settled: Collection[str] | None = None) -> Truth:
    """A show_if's or a rule's list of conditions: all must hold."""
    return _all(evaluate(c, answers, settled) for c in conditions)


def named_fields(cond: Cond) -> Iterator[str]:
    """Every answer a condition reads (to check that each names a question, and what is still pending)."""
    if isinstance(cond, (AllOf, AnyOf)):
        for part in cond.conditions:
            yield from named_fields(part)
    elif isinstance(cond, Not):
        yield from named_fields(cond.condition)
    else:
        yield cond.field
        if isinstance(cond, Compare) and cond.other:
            yield cond.other


def walk(cond: Cond) -> Iterator[Cond]:
    """The condition and every condition inside it."""
    yield cond
    if isinstance(cond, (AllOf, AnyOf)):
        for part in cond.conditions:
            yield from walk(part)
    elif isinstance(cond, Not):
        yield from walk(cond.condition)
