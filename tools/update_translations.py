"""Collect every UI and form string into translations/messages.pot and update each language's catalog.

    .venv/bin/python tools/update_translations.py [--only LANG ...]

New strings arrive empty, changed ones fuzzy; translators then work in Poedit or Weblate
(docs/translating.md). Catalog headers say the translation needs a certified translator's review.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.i18n.translator import LANGUAGES, SOURCE_LANGUAGE, TRANSLATIONS_DIR, catalog_path  # noqa: E402

POT = TRANSLATIONS_DIR / "messages.pot"
REVIEW_NOTE = ("Översättningen måste granskas av en auktoriserad translator innan den används officiellt.\n"
               "# This translation has not yet been reviewed. It MUST be reviewed by a certified "
               "translator (auktoriserad translator) before official use.")


def extract() -> Catalog:
    """Extract into a private file, then replace the template at once: two translators running this at
    the same time never read a half-written template (which once emptied catalogs)."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "messages.pot"
        subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                        "-k", "t", "-k", "N_", "--sort-by-file", "--project=Blankettguiden",
                        "--copyright-holder=Blankettguiden contributors", "-o", str(fresh), "."],
                       cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with fresh.open("rb") as fh:
            template = read_po(fh)
        if len(template) < 100:
            sys.exit(f"Only {len(template)} strings were extracted; no catalog was changed. Check babel.cfg.")
        os.replace(shutil.copy(fresh, POT.with_suffix(".pot.new")), POT)
    return template


def update(template: Catalog, code: str, locale: str) -> None:
    path = catalog_path(code)
    if path.is_file():
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=locale)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(locale=locale, project="Blankettguiden")
    catalog.update(template, no_fuzzy_matching=False)
    catalog.header_comment = f"# {code}: Blankettguiden.\n# {REVIEW_NOTE}"
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, sort_by_file=True, ignore_obsolete=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="LANG", help="update only these catalogs (e.g. ar fa)")
    args = parser.parse_args()
    template = extract()
    chosen = [lang for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE and (not args.only or lang.code in args.only)]
    for lang in chosen:
        update(template, lang.code, lang.locale)
    print(f"{len(template)} strings in {POT.relative_to(ROOT)}; catalogs updated: {', '.join(language.code for language in chosen)}.")


if __name__ == "__main__":
    main()
