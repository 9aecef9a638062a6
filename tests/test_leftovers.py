"""The end-of-run check in tests/conftest.py sees what a test leaves behind."""
from __future__ import annotations

import tempfile
from pathlib import Path

from tests.conftest import leftovers


def test_a_file_left_in_the_temporary_folder_is_reported():
    before = leftovers()
    with tempfile.NamedTemporaryFile(prefix="left-behind-", delete=False) as fh:
        fh.write("Åsa Öberg 194405171234".encode())
    try:
        assert [p for p in leftovers() if p not in before] == [fh.name]
    finally:
        Path(fh.name).unlink()
    assert leftovers() == before


def test_temporary_files_of_the_run_go_to_its_own_folder():
    assert Path(tempfile.gettempdir()).name.startswith("blankettguiden-tests-")
