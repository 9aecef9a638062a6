"""Entry point: `streamlit run streamlit_app.py` (run.sh does this).

Streamlit runs this file as __main__. The guard matters: the receipt helper process is started with
"spawn", which loads this file again as __mp_main__, and there it must do nothing.

A failure anywhere in a page run ends here, and one in a guarded button's action is shown at the top of the
next run (assistant/ui/failure.py): the visitor gets a message in their language and the visit stays.
"""
if __name__ == "__main__":
    try:
        from assistant.ui.app import main
        from assistant.ui.failure import show_pending

        show_pending()          # a button's action that failed before this run (assistant.ui.failure.guarded)
        main()
    except Exception as exc:  # st.rerun() and st.stop() are BaseException: they pass through
        from assistant.ui.failure import show_failure

        show_failure(exc)
