"""The municipality's settings (config/municipality.yaml) and the {placeholders} form texts use."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.errors import FormError, Problem
from assistant.yaml_lines import read_yaml

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "config" / "municipality.yaml"
_PLACEHOLDER = re.compile(r"\{([a-z_]+\.[a-z_0-9]+)\}")


@dataclass(frozen=True)
class Settings:
    placeholders: dict[str, str]
    offered_forms: tuple[str, ...]
    idle_minutes: int
    printer: str
    source: Path
    pause_days: int = 30        # how long a "fortsätt senare" sheet can be continued

    def fill(self, text: str) -> str:
        """Replace {kommun.namn} and the like; unknown placeholders stay visible so they get noticed."""
        return _PLACEHOLDER.sub(lambda m: self.placeholders.get(m.group(1), m.group(0)), text)


def _flatten(data: dict[str, Any]) -> dict[str, str]:
    return {f"{group}.{key}": str(value) for group, values in data.items() if isinstance(values, dict)
            for key, value in values.items()}


def load_settings(path: Path) -> Settings:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise FormError(Problem(file=path, message="the settings file must be a YAML mapping.",
                                fix="Copy config/municipality.yaml from the project and edit it."))
    forms = data.get("blanketter") or []
    if not isinstance(forms, list):
        raise FormError(Problem(file=path, line=getattr(forms, "line", None), field="blanketter",
                                message="must be a list of form ids.", fix="Write one '- form_id' per line."))
    return Settings(placeholders=_flatten(data), offered_forms=tuple(str(f) for f in forms),
                    idle_minutes=int(data.get("inaktiv_minuter", 10)), printer=str(data.get("skrivare") or ""),
                    source=path, pause_days=int(data.get("fortsatt_senare_dagar", 30)))


@lru_cache(maxsize=1)
def settings() -> Settings:
    """This installation's settings; BLANKETTGUIDEN_CONFIG may point to another file."""
    return load_settings(Path(os.environ.get("BLANKETTGUIDEN_CONFIG", DEFAULT_PATH)))


def placeholders_in(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)
