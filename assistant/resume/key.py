"""The server's key for pause sheets, ``pause_key`` in the secrets file (.streamlit/secrets.toml).

Made the first time a sheet is made or read on a server that has none, and written to the secrets file.
Which file that is and what Streamlit already read from it is the UI layer's business
(assistant/ui/pause_key.py); this module only reads, makes and checks the key.
The key never leaves the server: without it a found sheet is only noise. A new key makes every sheet
already handed out unreadable, so it is kept, not rotated.
"""
from __future__ import annotations

import base64
import os
import secrets
import threading
import tomllib
from pathlib import Path

SECRET_NAME = "pause_key"
KEY_BYTES = 32              # AES-256

_lock = threading.Lock()
_made: dict[str, bytes] = {}    # a key written by this process, before Streamlit reloads its secrets


class KeyProblem(RuntimeError):
    """The configured key is not 32 bytes in base64: the staff must correct it, not get a new one."""


def decode(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise KeyProblem(f"{SECRET_NAME} is not base64") from None
    if len(key) != KEY_BYTES:
        raise KeyProblem(f"{SECRET_NAME} must be {KEY_BYTES} bytes")
    return key


def _from_file(path: Path) -> str | None:
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get(SECRET_NAME)
    except FileNotFoundError:
        return None
    return None if value is None else str(value)


def _write_new(path: Path) -> str:
    """Append a new key to the secrets file (made readable by its owner only)."""
    text = base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii")
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    line = ("" if not before or before.endswith("\n") else "\n") + \
        "# Key of the pause sheets (made by Blankettguiden). Changing it makes every sheet handed out unreadable.\n" + \
        f'{SECRET_NAME} = "{text}"\n'
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as out:
        out.write(line)
    return text


def key_in(configured: str | None, path: Path) -> bytes:
    """The key: the configured one, else the one in `path`, else a new one saved there (on first use)."""
    if configured:
        return decode(str(configured))
    with _lock:
        if str(path) not in _made:
            _made[str(path)] = decode(_from_file(path) or _write_new(path))
        return _made[str(path)]
