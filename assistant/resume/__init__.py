"""Pause a visit on paper and continue it later (issue 16): the answers travel on the sheet, sealed with
this server's key, and nothing is kept on the server or on disk."""
