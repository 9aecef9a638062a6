"""Reading the page aloud offline: text prepared for speech (text.py), voices per language (voices.py) and
the espeak-ng engine (engine.py), which runs only in the helper process (assistant/receipt_worker.py)."""
