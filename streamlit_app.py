"""Entry point: `streamlit run streamlit_app.py` (run.sh does this)."""
from assistant.ui.app import main

main()
