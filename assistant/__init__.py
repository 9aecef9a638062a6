"""Blankettguiden: a guided form filler for citizen offices in public libraries.

The engine (form model, wizard flow, validation, PDF filling, receipts) is plain Python.
Streamlit code lives only in :mod:`assistant.ui`.
"""
