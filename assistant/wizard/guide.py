"""'Vad behöver du hjälp med?': the guide's rules (forms/guide.yaml) as plain data, and where a
path of choices leads.

A path is the list of choice ids the visitor pressed. It leads either to the next question or to an
outcome: the forms that fit (each with why) and the authorities to go to when no form here does.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.definition.model import Text
from assistant.wizard.pictures import NAMES as PICTURES
from assistant.definition.yaml_lines import read_yaml

GUIDE_PATH = Path(__file__).resolve().parents[2] / "forms" / "guide.yaml"
CONTEXT = "_guide"


@dataclass(frozen=True)
class Choice:
    id: str
    label: Text
    picture: str
    next: str | None = None
    forms: tuple[str, ...] = ()
    elsewhere: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    choices: tuple[Choice, ...]
    line: int = 0

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


@dataclass(frozen=True)
class Authority:
    id: str
    name: str           # the authority's own name, never translated
    text: Text
    line: int = 0


@dataclass(frozen=True)
class Outcome:
    """Where a path ends: forms of this app (with why each fits) and authorities elsewhere."""

    forms: tuple[tuple[str, Text], ...]
    elsewhere: tuple[Authority, ...]


@dataclass(frozen=True)
class Guide:
    start: str
    questions: dict[str, Question]
    why: dict[str, Text]
    elsewhere: dict[str, Authority]

    def step(self, path: Sequence[str]) -> Question | Outcome:
        """The question to ask after `path`, or its outcome. Choices that no longer exist (a guide edited
        during a visit) end the path where they stand."""
        question = self.questions[self.start]
        for choice_id in path:
            choice = question.choice(choice_id)
            if choice is None:
                break
            if choice.next is None:
                return Outcome(tuple((f, self.why[f]) for f in choice.forms),
                               tuple(self.elsewhere[a] for a in choice.elsewhere))
            question = self.questions[choice.next]
        return question

    def paths(self) -> Iterator[tuple[tuple[str, ...], Outcome]]:
        """Every complete path and its outcome (the guide is a tree: loader makes sure of that)."""
        def walk(question: Question, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Outcome]]:
            for choice in question.choices:
                if choice.next is None:
                    step = self.step(path + (choice.id,))
                    assert isinstance(step, Outcome)
                    yield path + (choice.id,), step
                else:
                    yield from walk(self.questions[choice.next], path + (choice.id,))
        yield from walk(self.questions[self.start], ())


def _text(source: str, where: str) -> Text:
    return Text(" ".join(str(source).split()), f"{CONTEXT}|{where}")


def parse_guide(data: dict) -> Guide:
    """The YAML's data as a Guide; a broken rule raises ValueError naming the line."""
    questions: dict[str, Question] = {}
    for q in data["questions"]:
        choices = tuple(Choice(id=c["id"], label=_text(c["label"], f"{q['id']}.{c['id']}"), picture=c["picture"],
                               next=c.get("next"), forms=tuple(c.get("forms", ())),
                               elsewhere=tuple(c.get("elsewhere", ())), line=getattr(c, "line", 0))
                        for c in q["choices"])
        questions[q["id"]] = Question(q["id"], _text(q["text"], q["id"]), choices, getattr(q, "line", 0))
    why = {form_id: _text(text, f"why.{form_id}") for form_id, text in data["why"].items()}
    elsewhere = {a: Authority(a, v["name"], _text(v["text"], f"elsewhere.{a}"), getattr(v, "line", 0))
                 for a, v in data["elsewhere"].items()}
    guide = Guide(data["start"], questions, why, elsewhere)
    _check(guide)
    return guide


def _check(guide: Guide) -> None:
    reached: set[str] = set()

    def visit(question_id: str, seen: tuple[str, ...]) -> None:
        if question_id not in guide.questions:
            raise ValueError(f"guide: no question '{question_id}' (after {' → '.join(seen) or 'the start'})")
        if question_id in seen:
            raise ValueError(f"guide: question '{question_id}' leads back to itself")
        reached.add(question_id)
        for c in guide.questions[question_id].choices:
            where = f"guide line {c.line}: choice '{c.id}'"
            if c.picture not in PICTURES:
                raise ValueError(f"{where}: no picture '{c.picture}' (known pictures: {', '.join(PICTURES)})")
            if c.next is not None and (c.forms or c.elsewhere):
                raise ValueError(f"{where} has both next: and an outcome")
            if c.next is None and not (c.forms or c.elsewhere):
                raise ValueError(f"{where} leads nowhere (give next:, forms: or elsewhere:)")
            for form_id in c.forms:
                if form_id not in guide.why:
                    raise ValueError(f"{where}: no why: text for the form '{form_id}'")
            for authority in c.elsewhere:
                if authority not in guide.elsewhere:
                    raise ValueError(f"{where}: no elsewhere: entry '{authority}'")
            if c.next is not None:
                visit(c.next, seen + (question_id,))

    visit(guide.start, ())
    unreached = set(guide.questions) - reached
    if unreached:
        raise ValueError(f"guide: no choice leads to the questions {sorted(unreached)}")


def load_guide(path: Path = GUIDE_PATH) -> Guide:
    return parse_guide(read_yaml(path))


@lru_cache(maxsize=1)
def guide() -> Guide:
    """The shipped guide (shared by every visitor: rules only, nothing personal)."""
    return load_guide()


def guide_texts(g: Guide) -> Iterator[tuple[Text, int]]:
    """(text, line) for every translatable string of the guide: for the extractor and the completeness test."""
    for question in g.questions.values():
        yield question.text, question.line
        for choice in question.choices:
            yield choice.label, choice.line
    for text in g.why.values():
        yield text, 1
    for authority in g.elsewhere.values():
        yield authority.text, authority.line
