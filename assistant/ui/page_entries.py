"""A repeating group's summary page ("Du har lagt till 2 barn"): each entry with "Ändra" and "Ta bort",
above the page's own question whether to add another (GOV.UK's "add another" pattern)."""
from __future__ import annotations

from collections.abc import Callable
from html import escape

import streamlit as st

from assistant.wizard.flow import Wizard
from assistant.i18n.translator import Translator
from assistant.definition.model import Page
from assistant.wizard.repeat import entry_names
from assistant.ui.failure import guarded
from assistant.ui.session import forget_widgets, visit


def _on_entry(action: Callable[[Wizard, str, int], Wizard], group_id: str, n: int) -> None:
    """"Ändra" (Wizard.change_entry) or "Ta bort" (Wizard.remove_entry) on entry n of the group."""
    v = visit()
    if v.wizard is None:        # erased meanwhile in another tab
        return
    forget_widgets()
    v.wizard = action(v.wizard, group_id, n)


def entries(wiz: Wizard, page: Page, t: Translator) -> None:
    """The entries, each named by its name question's answer (or "Barn 2"), with its own two buttons."""
    group = page.repeat
    assert group is not None
    for n, name in enumerate(entry_names(group, wiz.answers, t.text), start=1):
        key = f"{group.id}-{n}".replace(".", "-")
        with st.container(key=f"row-entry-{key}", horizontal=True, wrap=False, vertical_alignment="center",
                          gap="small"):
            st.html(f'<dl class="bg-review"><dt><bdi dir="auto">{escape(name)}</bdi></dt><dd></dd></dl>',
                    width="stretch")
            st.button(t("Ändra"), key=f"change:entry-{key}", on_click=guarded(_on_entry),
                      args=(Wizard.change_entry, group.id, n), type="tertiary")
            st.button(t("Ta bort"), key=f"remove:entry-{key}", on_click=guarded(_on_entry),
                      args=(Wizard.remove_entry, group.id, n), type="tertiary")
