"""Entry point: `streamlit run streamlit_app.py` (run.sh does this).

Streamlit runs this file as __main__. The guard matters: the receipt helper process is started with
"spawn", which loads this file again as __mp_main__, and there it must do nothing.
"""
if __name__ == "__main__":
    from assistant.ui.app import main

    main()
