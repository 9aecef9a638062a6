"""The Streamlit layer: the only part of Blankettguiden that imports streamlit."""
