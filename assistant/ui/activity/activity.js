// Tells the server that someone is using the page, and what the page's text boxes hold right now.
// Streamlit sends a text box's value only when it loses focus, so without this the server saw no one
// typing a long answer (the idle limit erased it) and a refresh lost what was typed on the page.
// A v2 component runs in the app's own page: the listeners are on its document.
// Scrolling counts by what the person does (wheel, touch, keys, the scroll bar's pointerdown), never by the
// "scroll" event: a change of layout fires that too (the idle warning appearing did), which kept an idle
// visit on for ever.
const EVENTS = ["keydown", "input", "pointerdown", "wheel", "touchstart", "touchmove"];
// Never in the same moment as the event: Streamlit sends the widget changes of one moment together, and
// a box's value sent on blur (a full run) would go with the report (a run of the idle watch only).
const AFTER_EVENT_MS = 400;

export default function (component) {
  const { data, setTriggerValue } = component;
  const w = window;
  const s = w.__bgActivity || (w.__bgActivity = { sentAt: 0, sent: "", timer: null, due: 0, n: 0 });
  // Mounted again (a rerun, a new page): the newest data and sender are used, the listeners stay; only
  // the newest mount's cleanup removes them.
  const me = {};
  s.owner = me;
  s.data = data;
  s.report = setTriggerValue;

  function values() {
    const out = {};
    for (const [cls, key] of Object.entries(s.data.boxes)) {
      const box = document.querySelector("." + w.CSS.escape(cls));
      const e = box && box.querySelector("textarea, input");
      if (e) out[key] = e.value;
    }
    return out;
  }
  function send() {
    s.timer = null;
    const now = values();
    s.sent = JSON.stringify(now);
    s.sentAt = Date.now();
    s.n += 1;
    s.report("report", { n: s.n, page: s.data.page, values: now });
    document.documentElement.setAttribute("data-bg-reported", String(s.n));
  }
  function onActivity(event) {
    // A press on a control starts a whole run of the page, which counts as activity and carries every box's
    // value: a report then would only race it (a report landing with the press made Streamlit run the idle
    // watch alone, and the press was lost).
    if (event.type === "pointerdown" && event.target.closest &&
        event.target.closest("button, label, input[type=checkbox], input[type=radio], [role=radio], [role=option]")) {
      if (s.timer !== null) clearTimeout(s.timer);
      s.timer = null;
      return;
    }
    // Changed text goes within draft_ms; other activity (scrolling, pointing) at most every activity_ms.
    const changed = JSON.stringify(values()) !== s.sent;
    const due = s.sentAt + (changed ? s.data.draft_ms : s.data.activity_ms);
    if (s.timer !== null && s.due <= due) return;
    if (s.timer !== null) clearTimeout(s.timer);
    s.due = due;
    s.timer = setTimeout(send, Math.max(AFTER_EVENT_MS, due - Date.now()));
  }
  const options = { capture: true, passive: true };
  if (!s.listener) {
    s.listener = onActivity;
    EVENTS.forEach((name) => document.addEventListener(name, s.listener, options));
  }
  return () => {
    if (s.owner !== me || !s.listener) return;
    EVENTS.forEach((name) => document.removeEventListener(name, s.listener, options));
    if (s.timer !== null) clearTimeout(s.timer);
    s.timer = null;
    s.listener = null;
  };
}
