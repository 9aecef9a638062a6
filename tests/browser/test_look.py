"""assistant/ui/look.py without a browser: what Streamlit would silently drop."""
from __future__ import annotations

import re

from assistant.ui import look


def test_no_tag_like_text_in_the_injected_css_and_script():
    """st.html drops a style or script that holds '<' followed by a letter (even in a comment): the
    language, focus and error-summary handling would silently stop working."""
    for name in ("BASE_CSS", "RTL_CSS", "LARGE_CSS", "SCRIPT"):
        assert not re.search(r"<[A-Za-z/!]", getattr(look, name)), name
