"""Reading the page aloud offline: text prepared for speech (text.py, with swedish_terms.py for the Swedish
terms of English and Finnish texts), voices per language (voices.py) and the espeak-ng engine (engine.py),
which runs only in the helper process (assistant/paper/receipt_worker.py), the page's title first (synthesis.py)."""
