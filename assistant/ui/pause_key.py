"""The pause sheets' key as this Streamlit server knows it: its secrets, and the file it reads them from
(the last of ``secrets.files``; STREAMLIT_SECRETS_FILES points tests to a file of their own)."""
from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit import config

from assistant.resume.key import SECRET_NAME, key_in


def secrets_file() -> Path:
    return Path(config.get_option("secrets.files")[-1])


def pause_key() -> bytes:
    """This server's key, made and saved on first use."""
    try:
        configured = st.secrets.get(SECRET_NAME)
    except FileNotFoundError:
        configured = None
    return key_in(configured, secrets_file())
