"""The answers of a paused visit, compressed and sealed (AES-256-GCM) into the bytes of one or more QR codes.

Only the server that holds the key can open them, and any change to a single byte is noticed (GCM's tag).
The expiry date is inside the sealed part, so it cannot be moved either. A part says which sheet it belongs
to and its place, so the codes of one sheet can be read in any order, from one picture or several.
"""
from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"BG1"                 # Blankettguiden's pause sheet, format 1
NONCE_BYTES = 12
KEY_ID_BYTES = 4
PART_HEADER = len(MAGIC) + 2 + 4   # magic, index, count, sheet id
MAX_PART_BYTES = 997           # a version-25 QR code at error level M: still read by a laptop's webcam
MAX_PARTS = 4                  # what fits readably on one A4 page beside the text


class SheetError(ValueError):
    """A sheet that cannot be continued. ``reason`` is one of: not_a_sheet, incomplete, foreign, damaged,
    expired, too_large,
    unknown_form. The message never quotes an answer."""

    def __init__(self, reason: str, found: int = 0, needed: int = 0, expired_on: date | None = None):
        super().__init__(reason)
        self.reason = reason
        self.found = found
        self.needed = needed
        self.expired_on = expired_on


@dataclass(frozen=True)
class Paused:
    """Where a visit stood: the form, the page, the answers, the visitor's language and text size."""

    form_id: str
    page: str
    answers: dict[str, Any]
    lang: str
    large_text: bool = False
    from_review: bool = False


def key_id(key: bytes) -> bytes:
    """A short fingerprint of the key: tells a sheet of another server (or an old key) from a changed one."""
    return hashlib.sha256(b"blankettguiden-pause-key" + key).digest()[:KEY_ID_BYTES]


def expiry(today: date, valid_days: int) -> date:
    return today + timedelta(days=valid_days)


def _plain(paused: Paused, expires: date) -> bytes:
    body = {"f": paused.form_id, "p": paused.page, "a": paused.answers, "l": paused.lang,
            "x": paused.large_text, "r": paused.from_review, "e": expires.isoformat()}
    return zlib.compress(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 9)


def seal(paused: Paused, key: bytes, expires: date) -> bytes:
    """key id + nonce + AES-GCM(zlib(JSON)); the key id is authenticated too."""
    kid = key_id(key)
    nonce = os.urandom(NONCE_BYTES)
    return kid + nonce + AESGCM(key).encrypt(nonce, _plain(paused, expires), MAGIC + kid)


def split(sealed: bytes, max_part: int = MAX_PART_BYTES, max_parts: int = MAX_PARTS) -> list[bytes]:
    """The QR codes' contents. SheetError("too_large") when even max_parts codes cannot hold it."""
    room = max_part - PART_HEADER
    count = -(-len(sealed) // room)
    if count > max_parts:
        raise SheetError("too_large", found=count, needed=max_parts)
    sheet_id = sealed[KEY_ID_BYTES:KEY_ID_BYTES + 4]    # the first bytes of the random nonce
    return [MAGIC + bytes([i, count]) + sheet_id + sealed[i * room:(i + 1) * room] for i in range(count)]


def join(parts: Iterable[bytes]) -> bytes:
    """Put the read codes back together. Codes that are not ours are ignored; codes of two sheets, or a
    sheet with a code missing, are refused."""
    ours: dict[int, bytes] = {}
    count, sheet = 0, b""
    for part in parts:
        if not part.startswith(MAGIC) or len(part) <= PART_HEADER:
            continue
        index, total, sid = part[len(MAGIC)], part[len(MAGIC) + 1], part[len(MAGIC) + 2:PART_HEADER]
        if total == 0 or index >= total or (sheet and (sid != sheet or total != count)):
            raise SheetError("damaged")
        count, sheet = total, sid
        ours[index] = part[PART_HEADER:]
    if not ours:
        raise SheetError("not_a_sheet")
    if len(ours) < count:
        raise SheetError("incomplete", found=len(ours), needed=count)
    return b"".join(ours[i] for i in range(count))


def _answers(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SheetError("damaged")
    kept: dict[str, Any] = {}
    for k, v in value.items():
        if isinstance(v, (str, bool)) or (isinstance(v, list) and all(isinstance(x, str) for x in v)):
            kept[str(k)] = v
    return kept


def open_sealed(sealed: bytes, key: bytes, today: date) -> Paused:
    """The paused visit, or SheetError: foreign (another server's key), damaged (changed), expired."""
    kid, nonce, box = sealed[:KEY_ID_BYTES], sealed[KEY_ID_BYTES:KEY_ID_BYTES + NONCE_BYTES], \
        sealed[KEY_ID_BYTES + NONCE_BYTES:]
    if kid != key_id(key):
        raise SheetError("foreign")
    try:
        body = json.loads(zlib.decompress(AESGCM(key).decrypt(nonce, box, MAGIC + kid)).decode("utf-8"))
        expires = date.fromisoformat(body["e"])
        paused = Paused(form_id=str(body["f"]), page=str(body["p"]), answers=_answers(body["a"]),
                        lang=str(body["l"]), large_text=bool(body.get("x")), from_review=bool(body.get("r")))
    except (InvalidTag, ValueError, KeyError, TypeError, zlib.error):
        raise SheetError("damaged") from None
    if today > expires:
        raise SheetError("expired", expired_on=expires)
    return paused


def sheet_parts(paused: Paused, key: bytes, expires: date) -> list[bytes]:
    return split(seal(paused, key, expires))


def read_parts(parts: Iterable[bytes], key: bytes, today: date) -> Paused:
    return open_sealed(join(parts), key, today)


def kept_answers(answers: Mapping[str, Any], field_ids: Iterable[str]) -> dict[str, Any]:
    """What goes on the sheet: the answers to the questions the visitor can see now, with their own-language
    text and seen-warning marks; nothing typed into a question that no longer applies."""
    ids = set(field_ids)
    return {k: v for k, v in answers.items() if k.split("~", 1)[0] in ids and v not in (None, "", [])}
