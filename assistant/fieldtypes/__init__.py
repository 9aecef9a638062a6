"""Field types: how each kind of answer is cleaned, checked, shown and printed."""
