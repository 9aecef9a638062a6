"""The one object a server process shares between its visitors.

It owns what were module-level objects made at import time: the forms in force, the visits in memory, the
anonymous statistics, the receipt helper, the pairing codes and the staff PIN lockout, next to the settings
in force. The UI makes it once, when the first page is drawn (assistant/ui/session.py: ``application()``),
so importing a module starts nothing, and a test or a benchmark can make one of its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.definition.check import checked_library
from assistant.definition.forms_in_force import FormsInForce
from assistant.paper.receipt_worker import ReceiptRenderer
from assistant.settings import SettingsInForce, forms_dir, settings
from assistant.visit.lockout import Lockout
from assistant.visit.pairing import Pairings
from assistant.visit.stats import Statistics, stats_path
from assistant.visit.store import VisitStore

@dataclass
class Application:
    settings: SettingsInForce
    forms: FormsInForce          # the forms that pass `check`; read again by the staff area's reload button
    visits: VisitStore           # every visit in memory, by token (of the UI's Visit objects)
    stats: Statistics
    receipts: ReceiptRenderer    # the helper process for receipts, the pause sheet and read-aloud
    pairings: Pairings
    lockout: Lockout

    @classmethod
    def start(cls, folder: Path | None = None, config: SettingsInForce = settings) -> Application:
        """The parts as the server runs them; nothing is read or started until it is first used."""
        return cls(settings=config, forms=FormsInForce(lambda: checked_library(folder or forms_dir())),
                   visits=VisitStore(config().idle_minutes * 60), stats=Statistics(stats_path()),
                   receipts=ReceiptRenderer(), pairings=Pairings(), lockout=Lockout())
