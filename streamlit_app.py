"""Entry point: `streamlit run streamlit_app.py` (run.sh does this).

Streamlit runs this file as __main__. The guard matters: the receipt helper process is started with
"spawn", which loads this file again as __mp_main__, and there it must do nothing.

A failure anywhere in a page run ends here: the visitor gets a Swedish (or own-language) message and a way
on, the visit stays in the session, and the log names only the exception's type and line (its message
could quote an answer). Streamlit's own English error page never reaches a visitor.
"""
import logging


def _kind_failure(exc: Exception) -> None:
    import streamlit as st

    from assistant.errors import describe_failure
    from assistant.i18n import Translator

    what = describe_failure(exc)
    logging.getLogger("blankettguiden").error("a page run failed: %s", what)
    visit = st.session_state.get("visit")
    t = Translator.for_code(getattr(visit, "lang", "sv"))
    st.error(t("Något gick fel på sidan. Det du har skrivit finns kvar. Tryck på knappen och försök igen, "
               "eller be personalen om hjälp."))
    st.button(t("Försök igen"), key="failure:again", type="primary")
    with st.expander(t("För personalen: vad som gick fel")):
        st.code(what, language=None)


if __name__ == "__main__":
    try:
        from assistant.ui.app import main

        main()
    except Exception as exc:  # st.rerun() and st.stop() are BaseException: they pass through
        _kind_failure(exc)
