"""Visits in server memory: found again by token, gone after the idle limit or when dropped."""
from assistant.visit.store import VisitStore, idle_state, new_token


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_visit_is_found_by_its_token_until_it_has_been_idle_too_long():
    clock = Clock()
    store = VisitStore(600, clock)
    token = new_token()
    store.put(token, {"answers": {"sokande.fornamn": "Åsa"}})
    clock.now += 599
    assert store.get(token) == {"answers": {"sokande.fornamn": "Åsa"}}
    store.touch(token)
    clock.now += 599
    assert store.get(token) is not None
    clock.now += 600
    assert store.get(token) is None
    assert len(store) == 0


def test_dropping_a_visit_forgets_it_at_once():
    store = VisitStore(600, Clock())
    token = new_token()
    store.put(token, object())
    store.drop(token)
    assert store.get(token) is None


def test_tokens_are_long_random_and_distinct():
    tokens = {new_token() for _ in range(1000)}
    assert len(tokens) == 1000
    assert all(len(t) >= 32 for t in tokens)


def test_idle_states_warn_in_the_last_minute():
    assert idle_state(500, 600) == "active"
    assert idle_state(541, 600) == "warn"
    assert idle_state(600, 600) == "expired"
    assert idle_state(31, 60) == "warn"          # short limits warn in their second half


def test_an_erased_token_is_never_taken_again():
    store = VisitStore(600, Clock())
    token = new_token()
    visit = {"answers": {"sokande.fornamn": "Åsa"}}
    store.put(token, visit)
    store.erase(token)
    assert store.get(token) is None
    assert store.is_erased(token)
    assert store.put(token, visit) is False          # another tab's run cannot put it back
    assert store.get(token) is None and len(store) == 0
    assert store.put(new_token(), {}) is True


def test_the_erased_tokens_are_bounded(monkeypatch):
    from assistant.visit import store as visit_store
    monkeypatch.setattr(visit_store, "ERASED_KEPT", 3)
    store = VisitStore(600, Clock())
    tokens = [new_token() for _ in range(5)]
    for token in tokens:
        store.erase(token)
    assert [store.is_erased(t) for t in tokens] == [False, False, True, True, True]
