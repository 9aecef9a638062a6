"""The PDF engine: read a form's fields, fill them so every character prints, flatten, preview.

Works on bytes in memory only; nothing here writes a filled form to disk or logs a value.
"""
