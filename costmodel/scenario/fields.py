"""Building blocks of the scenario schema: the base model, field types and their messages.

Every rule is declared to pydantic; where a rule needs our own words, its validator raises
:func:`fail` with the problem and what is expected, and :mod:`costmodel.scenario.problems`
turns pydantic's error into a :class:`~costmodel.errors.Problem` with file and line.

- :class:`Section` is the base of every mapping in a scenario file: unknown keys are refused
  (``extra="forbid"``) and reported with the allowed keys and a did-you-mean; a required key
  that is missing is reported with the words of its :class:`Missing` marker.
- :data:`Text` (a text, or ``{sv, en}``), :data:`PlainText`, :data:`Number` and
  :class:`WholeNumber` are the field types the sections share.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, NoReturn

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationInfo,
    model_validator,
)
from pydantic import WithJsonSchema as JsonSchema
from pydantic_core import PydanticCustomError, core_schema

from ..errors import did_you_mean, shown

ERROR_TYPE = "costmodel"


def fail(message: str, expected: str = "", at: str | None = None, up: int = 0) -> NoReturn:
    """Refuse a value with our own words.

    ``at`` names a key below the failing node (the problem's path gets it appended); ``up``
    moves the problem that many keys up (a rule on ``sv`` that is a problem of the text).
    """
    raise PydanticCustomError(
        ERROR_TYPE, "{message}", {"message": message, "expected": expected, "at": at, "up": up}
    )


@dataclass(frozen=True)
class Missing:
    """Field metadata: what to say when this required key is missing.

    ``{where}`` in either text is replaced by the dotted path of the section below
    ``parameters`` (e.g. ``placements.sis``); ``up=1`` reports at the section, not the key.
    """

    message: str
    expected: str = ""
    up: int = 0


class Section(BaseModel):
    """A mapping in a scenario file; subclasses name themselves in :attr:`WHAT`."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    WHAT: ClassVar[str] = "a section"
    NOT_A_MAPPING: ClassVar[tuple[str, str] | None] = None  # (message, expected)

    @model_validator(mode="before")
    @classmethod
    def _register(cls, data: Any, info: ValidationInfo) -> Any:
        """Remember which section read this mapping, so its problems can use its words."""
        if isinstance(data, dict):
            if isinstance(info.context, dict):
                info.context.setdefault("owners", {})[id(data)] = cls
        elif cls.NOT_A_MAPPING is not None:
            fail(*cls.NOT_A_MAPPING)
        else:
            cls.not_a_mapping(data)
        return data

    @classmethod
    def not_a_mapping(cls, data: Any) -> NoReturn:
        fail(f"{shown(data)} is not a mapping", f"keys {', '.join(cls.allowed_keys())}")

    @classmethod
    def allowed_keys(cls) -> list[str]:
        return [f.alias or name for name, f in cls.model_fields.items()]

    @classmethod
    def unknown_key(cls, key: str) -> tuple[str, str]:
        """(problem, expected) for a key this section does not know."""
        allowed = cls.allowed_keys()
        hint = did_you_mean(key, allowed)
        return f"unknown key in {cls.WHAT}" + (f" ({hint})" if hint else ""), (
            f"one of {', '.join(allowed)}"
        )

    @classmethod
    def missing(cls, key: str) -> Missing:
        field = cls.model_fields.get(key)
        for meta in field.metadata if field else []:
            if isinstance(meta, Missing):
                return meta
            if isinstance(meta, WholeNumber):
                return meta.missing
        return Missing("missing", "")


# --- texts ------------------------------------------------------------------------------------

_TEXT_EXPECTED = "a text, or a mapping {sv: ..., en: ...}"


def _sv(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        fail("the Swedish text (sv) is missing", "{sv: ..., en: ...}", up=1)
    return value


class Bilingual(Section):
    """A text in Swedish with an optional English translation."""

    WHAT = "a text"

    sv: Annotated[
        str,
        BeforeValidator(_sv),
        Missing("the Swedish text (sv) is missing", "{sv: ..., en: ...}", up=1),
    ]
    en: Any = None

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and isinstance(self.en, str) and self.en.strip() else self.sv

    def pair(self) -> dict[str, str]:
        return {"sv": self.sv, "en": self.get("en")}


def _text(value: Any) -> Any:
    if value is None:
        fail("missing", _TEXT_EXPECTED)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return {"sv": str(value), "en": str(value)}
    if isinstance(value, dict):
        return value
    fail(f"{shown(value)} is not a text", _TEXT_EXPECTED)


_TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": {"sv": {"type": "string"}, "en": {"type": "string"}},
            "required": ["sv"],
            "additionalProperties": False,
        },
    ]
}

Text = Annotated[Bilingual, BeforeValidator(_text), JsonSchema(_TEXT_SCHEMA)]
"""A text, or ``{sv: ..., en: ...}``; numbers count as text."""

TEXT_MISSING = Missing("missing", _TEXT_EXPECTED)


def _opt_text(value: Any) -> Any:
    return None if value is None else _text(value)


OptText = Annotated[Bilingual | None, BeforeValidator(_opt_text), JsonSchema(_TEXT_SCHEMA)]
"""An optional text (``null`` or absent: none)."""

TextOrDefault = Annotated[Bilingual | None, BeforeValidator(_text), JsonSchema(_TEXT_SCHEMA)]
"""A text that may be left out (a default applies) but not written as ``null``."""

# A label, name, title or kommun is shown on one line (tables, the CLI's headers, problem
# lines): a line break or tab in it could forge another line, and a long one floods the
# screen. Descriptions and notes may span lines but are bounded too.
MAX_LINE = 200  # characters of a one-line text
MAX_TEXT = 10_000  # characters of a description, note or where
_LINE_EXPECTED = (
    f"one line of at most {MAX_LINE} characters (a longer text belongs in description or note)"
)
_BREAK = re.compile(r"[\n\r\t\v\f\x85]")


def check_line(text: Any, up: int = 0) -> None:
    """Refuse a one-line text with a line break or tab, or longer than :data:`MAX_LINE`."""
    if not isinstance(text, str):
        return
    if _BREAK.search(text):
        fail("the text contains a line break or a tab", _LINE_EXPECTED, up=up)
    if len(text) > MAX_LINE:
        fail(f"the text is {len(text)} characters long", _LINE_EXPECTED, up=up)


def check_long(text: Any, up: int = 0) -> None:
    """Refuse a text longer than :data:`MAX_TEXT`."""
    if isinstance(text, str) and len(text) > MAX_TEXT:
        fail(f"the text is {len(text)} characters long", f"at most {MAX_TEXT} characters", up=up)


def _one_line(value: Bilingual | None) -> Bilingual | None:
    if value is not None:
        check_line(value.sv)
        check_line(value.en)
    return value


def _bounded(value: Bilingual | None) -> Bilingual | None:
    if value is not None:
        check_long(value.sv)
        check_long(value.en)
    return value


def _bounded_plain(value: str) -> str:
    check_long(value)
    return value


def _one_line_plain(value: str) -> str:
    check_line(value)
    return value


LineText = Annotated[Text, AfterValidator(_one_line)]
"""A :data:`Text` on one line: a label, a name, a title."""
LineTextOrDefault = Annotated[TextOrDefault, AfterValidator(_one_line)]
BoundedText = Annotated[OptText, AfterValidator(_bounded)]
"""An optional :data:`OptText` of at most :data:`MAX_TEXT` characters: a description, a note."""


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        kind = "list" if isinstance(value, list) else "mapping"
        fail(f"a {kind} is not a text", "a plain text")
    return str(value)


PlainText = Annotated[str, BeforeValidator(_plain), JsonSchema({"type": ["string", "number"]})]
"""An optional free text; numbers are accepted as text, lists and mappings are not."""
LinePlainText = Annotated[PlainText, AfterValidator(_one_line_plain)]
"""A :data:`PlainText` on one line (see :data:`MAX_LINE`)."""
BoundedPlainText = Annotated[PlainText, AfterValidator(_bounded_plain)]
"""A :data:`PlainText` of at most :data:`MAX_TEXT` characters."""


# --- numbers ----------------------------------------------------------------------------------


def number_or_none(value: Any) -> float | None:
    """A finite float from an int/float YAML value, else None (booleans are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        f = float(value)
    except OverflowError:
        return None
    return f if math.isfinite(f) else None


def number_hint(value: Any) -> str:
    """What to write instead of a value that is not a number."""
    if isinstance(value, str):
        s = value.replace("\u00a0", " ").strip()
        compact = s.replace(" ", "").replace(",", ".")
        try:
            float(compact)
            return f"a plain number: write {compact} (no spaces, a decimal point, no unit)"
        except ValueError:
            pass
    return "a number"


def to_number(value: Any) -> float:
    num = number_or_none(value)
    if num is None:
        fail(f"{shown(value)} is not a number", number_hint(value))
    return num


Number = Annotated[float, BeforeValidator(to_number), JsonSchema({"type": "number"})]
"""A finite number (not a boolean, not a text that looks like one)."""


@dataclass(frozen=True)
class WholeNumber:
    """Field metadata: a whole number from ``low`` to ``high``; ``what`` says what is expected.

    ``Annotated[int, WholeNumber(1, 50, "a whole number of years from 1 to 50")]``.
    """

    low: int
    high: int
    what: str

    @property
    def missing(self) -> Missing:
        return Missing("missing", self.what)

    def check(self, value: Any) -> int:
        if value is None:
            fail("missing", self.what)
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                fail(f"{shown(value)} is not a whole number", self.what)
        if not self.low <= value <= self.high:
            fail(f"{value} is out of range", self.what)
        return int(value)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_before_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(self, schema: Any, handler: GetJsonSchemaHandler) -> Any:
        return {
            "type": "integer",
            "minimum": self.low,
            "maximum": self.high,
            "description": self.what,
        }
