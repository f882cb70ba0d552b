"""The hiring brief in a real Chromium: a filled brief survives its link, bad links fail softly,
the page works by keyboard and without JavaScript, and axe finds nothing in either palette."""

from __future__ import annotations

import base64
import json
import re
import time
import zlib

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

BAD_LINK = "This link could not be read; the form is empty."

# Every text control: its label, and a value that tests Unicode, emoji, newlines, spacing and
# the characters that mean something in a URL (& # = % ? +) or in HTML (< >).
TEXTS = {
    "Role title": "Senior MLOps engineer — Zürich & Lyon #1 = 🚀",
    "Company or team (optional)": 'Ünïcødé Ltd / 数据团队 (team="ML") 100%',
    "Who signs off a model deployment?": "Head of data science 👩‍🔬\nthen CTO & CISO\n#deploy = yes",
    "Who owns an incident when a model misbehaves?": "On-call rota — 24/7?\n\n\tEscalate to ‘platform’; a+b=c",
    "Who will the hire report to?": "Directeur·rice des données",
    "Models and teams in scope": "fraud-model v2, churn-model\nTeams: Payments, Risk %20 stays %20",
    "Out of scope": "Data pipelines (owned by DE) → not ours",
    "What exists today": "SageMaker + Airflow\nMonitoring: none 😬\n",
    "What is mandated": "AWS only; <script>alert(1)</script> &amp; Python 3.11+",
    "What the hire may change": "Anything in the CI/CD path ?a=b&c=d#frag",
    "Privacy": "Ελληνικά, العربية, עברית: customer PII",
    "Security": "Pen test before go-live \\n is a literal backslash-n",
    "Audit and approval": "   leading and trailing spaces   ",
    "Non-negotiable": "No PII leaves the EU 🇪🇺",
    "Who interprets these requirements?": "DPO (Jane O'Brien)",
    "Where you are today": "6 weeks to deploy\r\nline two",  # a textarea stores \r\n as \n
    "What good looks like after six months": "≤ 1 week to deploy",
    "What good looks like after twelve months": "same-day deploys\n\n\n(three newlines above)",
    "On-call arrangements": "Rota of 5 — 1 week in 5; 30-min response & £/week 💷",
    "Budget range": "£85k–£100k + 10% bonus (on-call extra) #pay=?",
    "Location": "Leeds 🇬🇧 / UK & Ireland employment",
    "Interview stages": "1. Call (30 min)\n2. System design (90 min)\n3. Team <meet> & offer",
    "Who interviews, and who decides": "Head of data 👩‍💼 decides; Staff SRE judges the design",
    "The exercise": "Deploy & monitor our churn model?\nStrong: asks about labels first",
}
# Each closed question (the group's name) and the option chosen in the filled brief.
CHOICES = {
    "Will the hire be on call outside working hours?": "Yes, on a shared on-call rota",
    "What is the role for?": "A shared platform for several teams",
    "How much say will the hire have over tools?": "They choose within agreed limits",
    "Which best describes where the models are used?": "Not sure",
    "What level is the role?": "Lead: sets direction and guides other engineers",
    "What is the remote working policy?": "Hybrid, with set days in the office",
    "Which practical exercise will candidates do?": "A system-design discussion about one of our models",
}
TICKS = ["Reliability of models in production", "Fewer model incidents"]
GROUPS = {  # every option, so the accessible-name test covers every radio and checkbox
    "Will the hire be on call outside working hours?": [
        "Yes, on a shared on-call rota",
        "Sometimes, on a best-effort basis with no rota",
        "No, working hours only",
        "Not decided yet",
    ],
    "What is the role for?": ["One model", "One product", "A shared platform for several teams", "Not decided yet"],
    "How much say will the hire have over tools?": [
        "They choose most of them",
        "They choose within agreed limits",
        "They work with what exists",
        "Not decided yet",
    ],
    "Which best describes where the models are used?": [
        "A regulated setting, such as financial services, insurance or healthcare",
        "Not regulated, but internal policies apply",
        "No formal requirements yet",
        "Not sure",
    ],
    "Which outcomes matter most?": [
        "Reliability of models in production",
        "Time to deploy a finished model",
        "Stable model performance over time",
        "Fewer model incidents",
    ],
    "What level is the role?": [
        "Mid-level: works within standards someone else sets",
        "Senior: makes the technical decisions for their area",
        "Lead: sets direction and guides other engineers",
        "Head of function: owns the strategy, the team and its budget",
        "Not decided yet",
    ],
    "What is the remote working policy?": [
        "In the office every working day",
        "Hybrid, with set days in the office",
        "Remote within one country or region",
        "Remote from anywhere we can employ people",
        "Not decided yet",
    ],
    "Which practical exercise will candidates do?": [
        "A system-design discussion about one of our models",
        "A paired exercise on a prepared problem",
        "A short take-home task, discussed afterwards",
        "No practical exercise",
        "Not decided yet",
    ],
}
# The order Tab visits the form: one stop per radio group (its first option while none is chosen).
TAB_ORDER = [
    "brief-title",
    "brief-team",
    "brief-sign-off",
    "brief-incidents",
    "brief-hours-rota",
    "brief-on-call",
    "brief-reports-to",
    "brief-scope-model",
    "brief-in-scope",
    "brief-out-of-scope",
    "brief-tools-today",
    "brief-tools-mandated",
    "brief-tools-change",
    "brief-say-most",
    "brief-rules-regulated",
    "brief-privacy",
    "brief-security",
    "brief-audit",
    "brief-non-negotiable",
    "brief-interprets",
    "brief-goal-reliability",
    "brief-goal-deploy",
    "brief-goal-stability",
    "brief-goal-incidents",
    "brief-baseline",
    "brief-six-months",
    "brief-twelve-months",
    "brief-level-mid",
    "brief-budget",
    "brief-location",
    "brief-remote-office",
    "brief-stages",
    "brief-interviewers",
    "brief-exercise-design",
    "brief-exercise",
    "Copy link to this brief",
    "Print",
    "Clear the brief",
]


def expected(label: str) -> str:
    return TEXTS[label].replace("\r\n", "\n")


@pytest.fixture
def base_url(served_site) -> str:
    """The real site, built for and served on a loopback address (see conftest)."""
    return served_site


class Tab:
    """A page in its own browser context that records console errors and uncaught exceptions."""

    def __init__(self, browser, **context):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, url: str, ready: bool = True):
        self.page.goto(url)
        if ready:
            self.page.wait_for_selector("form[data-brief-ready]")
        return self.page


@pytest.fixture
def tab(browser):
    tabs = []

    def make(**context) -> Tab:
        t = Tab(browser, **context)
        tabs.append(t)
        return t

    yield make
    for t in tabs:
        t.context.close()


def fill_everything(page) -> None:
    for label, value in TEXTS.items():
        page.get_by_label(label, exact=True).fill(value)
    for group, option in CHOICES.items():
        page.get_by_role("group", name=group).get_by_label(option, exact=True).check()
    for option in TICKS:
        page.get_by_label(option, exact=True).check()


def assert_everything(page) -> None:
    for label in TEXTS:
        assert page.get_by_label(label, exact=True).input_value() == expected(label), label
    for group, options in GROUPS.items():
        for option in options:
            box = page.get_by_role("group", name=group).get_by_label(option, exact=True)
            chosen = CHOICES.get(group) == option or option in TICKS
            assert box.is_checked() == chosen, (group, option)


def assert_empty(page) -> None:
    for label in TEXTS:
        assert page.get_by_label(label, exact=True).input_value() == "", label
    assert page.locator("form[data-brief] input:checked").count() == 0


def saved(page) -> dict | None:
    """Return what the address holds now, decoded by the page's own reader (None: not a brief)."""
    return page.evaluate("""async () => {
        const code = hiringBrief.codeOf(location.hash);
        if (code === null) return null;
        const state = await hiringBrief.decode(code);
        return state && Object.fromEntries(state);
    }""")


def form_state(page) -> dict:
    """Return the answers as the link should hold them, read straight from the controls."""
    return page.evaluate("""() => {
        const out = {};
        for (const c of document.querySelector("form[data-brief]").elements) {
            if (!c.name) continue;
            if (c.type === "radio" || c.type === "checkbox") {
                if (c.checked) out[c.name] = out[c.name] ? out[c.name] + "," + c.value : c.value;
            } else if (c.value) out[c.name] = c.value;
        }
        return out;
    }""")


def wait_until_saved(page, timeout: float = 30.0) -> str:
    """Wait for the debounced save to put the current answers in the address; return the URL."""
    want = form_state(page)
    end = time.monotonic() + timeout
    while (got := saved(page) or {}) != want:
        assert time.monotonic() < end, f"address holds {got!r}, form has {want!r}"
        page.wait_for_timeout(50)
    return page.url


def status(page):
    return page.locator("form[data-brief] .brief-status")


def test_filled_brief_opens_from_its_link_in_a_new_browser(tab, base_url):
    page = tab().open(base_url + "brief/")
    fill_everything(page)
    url = wait_until_saved(page)
    assert "#brief=" in url
    assert url.split("#", 1)[1].isascii() and " " not in url

    other = tab()
    shared = other.open(url)
    assert_everything(shared)
    assert shared.locator("#brief-link-note").is_hidden()
    assert other.errors == []


def test_reload_keeps_every_answer(tab, base_url):
    t = tab()
    page = t.open(base_url + "brief/")
    fill_everything(page)
    url = wait_until_saved(page)
    page.reload()
    page.wait_for_selector("form[data-brief-ready]")
    assert page.url == url
    assert_everything(page)
    assert t.errors == []


def test_plain_and_compressed_links_both_read(tab, base_url):
    """A short brief is plain base64url JSON ("j."); a long one is deflated ("z.") when that is shorter."""
    page = tab().open(base_url + "brief/")
    page.get_by_label("Role title", exact=True).fill("MLOps engineer")
    url = wait_until_saved(page)
    assert url.endswith("#brief=j.eyJyIjoiTUxPcHMgZW5naW5lZXIifQ")
    page.get_by_label("What exists today", exact=True).fill("We train in notebooks and deploy by hand. " * 20)
    url = wait_until_saved(page)
    assert "#brief=z." in url and len(url) < 400
    shared = tab().open(url)
    assert shared.get_by_label("Role title", exact=True).input_value() == "MLOps engineer"
    assert shared.get_by_label("What exists today", exact=True).input_value().count("by hand") == 20


def test_an_empty_brief_leaves_the_address_alone(tab, base_url):
    page = tab().open(base_url + "brief/")
    box = page.get_by_label("Role title", exact=True)
    box.fill("x")
    wait_until_saved(page)
    box.fill("")
    page.wait_for_function("() => location.hash === ''")
    assert page.url == base_url + "brief/"


def code(answers: dict[str, str], deflated: bool = False) -> str:
    """Return the hash code for ``answers``, made independently of brief.js (the format, not the code)."""
    data = json.dumps(answers, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if deflated:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: no zlib header or checksum
        data = packer.compress(data) + packer.flush()
    return ("z." if deflated else "j.") + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


SIGN_OFF = {"os": "Head of data science 👩‍🔬 & CTO\n#deploy = yes " * 4}


@pytest.mark.parametrize("deflated", [False, True], ids=["plain", "deflated"])
def test_a_link_made_to_the_format_opens(tab, base_url, deflated):
    t = tab()
    page = t.open(
        base_url + "brief/#brief=" + code({**SIGN_OFF, "ss": "product", "mo": "rel,inc", "zz": "unknown"}, deflated)
    )
    expect(page.get_by_label("Who signs off a model deployment?", exact=True)).to_have_value(SIGN_OFF["os"])
    assert page.get_by_label("One product", exact=True).is_checked()
    assert page.get_by_label("Reliability of models in production", exact=True).is_checked()
    assert page.get_by_label("Fewer model incidents", exact=True).is_checked()
    assert not page.get_by_label("Time to deploy a finished model", exact=True).is_checked()
    assert page.locator("#brief-link-note").is_hidden()
    assert t.errors == []


@pytest.mark.parametrize(
    "hash_",
    [
        "#brief=",
        "#brief=garbage!!",
        "#brief=%%%E0%A4%A",
        "#brief=j.not*base64",
        "#brief=j.A",
        "#brief=j." + base64.urlsafe_b64encode(b'["an array"]').decode().rstrip("="),
        "#brief=j." + base64.urlsafe_b64encode(b'{"r":5}').decode().rstrip("="),
        "#brief=j._w",  # the byte 0xff: not UTF-8
        "#brief=j." + code(SIGN_OFF)[2:][:-9],  # a plain link cut short
        "#brief=z.AAAA",
        "#brief=z." + code(SIGN_OFF, deflated=True)[2:][:-6],  # a deflated link cut short
        "#brief=z." + code(SIGN_OFF, deflated=True)[2:] + "AAAA",  # with bytes after the end
        "#brief=x." + code(SIGN_OFF)[2:],  # an unknown format
    ],
)
def test_an_unreadable_link_gives_a_note_and_an_empty_form(tab, base_url, hash_):
    t = tab()
    page = t.open(base_url + "brief/" + hash_)
    note = page.locator("#brief-link-note")
    note.wait_for(state="visible")
    assert note.text_content() == BAD_LINK
    expect(status(page)).to_have_text(BAD_LINK)
    assert_empty(page)
    assert t.errors == []
    # The form still works: typing writes a good link and the note goes.
    page.get_by_label("Role title", exact=True).fill("Data platform lead")
    wait_until_saved(page)
    expect(note).to_be_hidden()
    assert t.errors == []


def test_an_anchor_in_the_address_is_not_a_bad_link(tab, base_url):
    t = tab()
    page = t.open(base_url + "brief/#ownership")
    page.wait_for_timeout(200)
    assert page.locator("#brief-link-note").is_hidden()
    assert page.url.endswith("#ownership")
    assert t.errors == []


def test_following_an_in_page_anchor_keeps_the_brief_in_the_address(tab, base_url):
    page = tab().open(base_url + "brief/")
    page.get_by_label("Role title", exact=True).fill("ML platform engineer")
    url = wait_until_saved(page)
    page.evaluate("() => { location.hash = '#scope'; }")
    page.wait_for_function("u => location.href === u", arg=url)
    assert page.get_by_label("Role title", exact=True).input_value() == "ML platform engineer"


@pytest.mark.parametrize("site", ["served_site", "instant_site"])
def test_skip_link_keeps_the_answers_and_the_address(tab, request, site):
    """Under instant navigation Material re-fetches the page on the first in-page link and swaps it
    in; on the site as built the link only moves focus. Unsaved answers survive either way."""
    base_url = request.getfixturevalue(site)
    t = tab()
    page = t.open(base_url + "brief/")
    page.get_by_label("Role title", exact=True).fill("Head of MLOps")
    url = wait_until_saved(page)
    page.get_by_label("Company or team (optional)", exact=True).fill("Typed just before leaving")
    page.get_by_role("link", name="Skip to content").focus()  # the first Tab stop on the page
    if site == "instant_site":
        with page.expect_response(base_url + "brief/"):  # the re-fetch this test is about
            page.keyboard.press("Enter")
    else:
        page.keyboard.press("Enter")
    expect(page.get_by_label("Role title", exact=True)).to_have_value("Head of MLOps")
    expect(page.get_by_label("Company or team (optional)", exact=True)).to_have_value("Typed just before leaving")
    wait_until_saved(page)
    assert page.url != url and "#brief=" in page.url
    assert t.errors == []


def test_opening_another_brief_link_in_the_same_tab_and_going_back(tab, base_url):
    page = tab().open(base_url + "brief/")
    page.get_by_label("Role title", exact=True).fill("First brief")
    first = wait_until_saved(page)
    page.get_by_label("Role title", exact=True).fill("Second brief")
    second = wait_until_saved(page)
    page.goto(first)
    expect(page.get_by_label("Role title", exact=True)).to_have_value("First brief")
    page.goto(second)
    expect(page.get_by_label("Role title", exact=True)).to_have_value("Second brief")
    page.go_back()
    expect(page.get_by_label("Role title", exact=True)).to_have_value("First brief")


def test_copy_button_copies_the_link_and_announces(tab, base_url):
    t = tab(permissions=["clipboard-read", "clipboard-write"])
    page = t.open(base_url + "brief/")
    page.get_by_label("Role title", exact=True).fill("Lead MLOps engineer & co #1")
    page.get_by_role("button", name="Copy link to this brief").click()  # before the save: it saves first
    expect(status(page)).to_have_text("Link copied")
    assert status(page).get_attribute("role") == "status"
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.url and "#brief=" in copied
    shared = tab().open(copied)
    assert shared.get_by_label("Role title", exact=True).input_value() == "Lead MLOps engineer & co #1"
    page.get_by_label("Role title", exact=True).press("End")
    page.keyboard.type("!")
    expect(status(page)).to_have_text("")  # an edit makes "Link copied" stale
    assert t.errors == []


def test_copy_without_the_clipboard_api_shows_the_link_selected(tab, base_url):
    t = tab()
    t.page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    page = t.open(base_url + "brief/")
    page.get_by_label("Role title", exact=True).fill("MLOps engineer")
    page.get_by_role("button", name="Copy link to this brief").click()
    field = page.get_by_label("Link to this brief", exact=True)
    expect(field).to_be_focused()
    assert field.input_value() == page.url and "#brief=" in page.url
    expect(status(page)).to_have_text(
        re.compile(r"^(Link copied|Press Control\+C, or Command\+C on a Mac, to copy the link\.)$")
    )
    assert page.evaluate("() => [getSelection().toString(), document.activeElement.selectionEnd]")[1] == len(page.url)
    assert t.errors == []


def test_clear_empties_the_form_and_back_brings_it_back(tab, base_url):
    t = tab()
    page = t.open(base_url + "brief/")
    fill_everything(page)
    url = wait_until_saved(page)
    page.get_by_role("button", name="Clear the brief").click()
    expect(status(page)).to_have_text("The brief is cleared. Your browser's Back button brings the answers back.")
    assert_empty(page)
    assert page.url == base_url + "brief/"
    page.go_back()
    expect(page.get_by_label("Role title", exact=True)).to_have_value(expected("Role title"))
    assert page.url == url
    assert_everything(page)
    page.go_forward()
    expect(page.get_by_label("Role title", exact=True)).to_have_value("")
    assert_empty(page)
    assert t.errors == []


def test_a_long_link_gets_a_gentle_warning(tab, base_url):
    page = tab().open(base_url + "brief/")
    note = page.locator("#brief-length-note")
    # Random letters do not compress, so the link grows with the text.
    noise = page.evaluate(
        "() => Array.from({length: 2400}, () => 'abcdefghijklmnopqrstuvwxyz'[Math.random() * 26 | 0]).join('')"
    )
    page.get_by_label("What exists today", exact=True).fill(noise)
    wait_until_saved(page)
    expect(note).to_be_visible()
    assert "characters long" in note.text_content() and "2,000" in note.text_content()
    page.get_by_label("What exists today", exact=True).fill(noise[:100])
    wait_until_saved(page)
    expect(note).to_be_hidden()


def test_keyboard_alone_reaches_every_control_in_order_and_works_the_buttons(tab, base_url):
    t = tab(permissions=["clipboard-read", "clipboard-write"])
    page = t.open(base_url + "brief/")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("article").get_by_role(
        "link", name="Which MLOps hire do you need?"
    ).focus()  # the last stop before the form
    visited = []
    for _ in TAB_ORDER:
        page.keyboard.press("Tab")
        visited.append(page.evaluate("() => document.activeElement.id || document.activeElement.textContent.trim()"))
    assert visited == TAB_ORDER

    # Type an answer, choose a radio with the arrow keys, then use each button with Enter or Space.
    page.get_by_label("Role title", exact=True).focus()
    page.keyboard.type("Typed by keyboard")
    page.get_by_label("Yes, on a shared on-call rota", exact=True).focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("Sometimes, on a best-effort basis with no rota", exact=True).is_checked()
    page.get_by_role("button", name="Copy link to this brief").focus()
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text("Link copied")
    assert saved(page) == {"r": "Typed by keyboard", "oh": "best"}
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.wait_for_function("() => window.printed === 1")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(status(page)).to_contain_text("The brief is cleared.")
    assert_empty(page)
    assert t.errors == []


def test_every_control_has_an_accessible_name_and_its_help(tab, base_url):
    page = tab().open(base_url + "brief/")
    named = set()
    for label in TEXTS:
        box = page.get_by_label(label, exact=True)
        assert box.count() == 1, label
        named.add(box.get_attribute("id"))
    for group, options in GROUPS.items():
        for option in options:
            box = page.get_by_role("group", name=group).get_by_label(option, exact=True)
            assert box.count() == 1, (group, option)
            named.add(box.get_attribute("id"))
    ids = page.eval_on_selector_all("form[data-brief] :is(input, textarea, select)", "els => els.map(e => e.id)")
    assert set(ids) == named, "a control the test does not know about"
    # Every aria-describedby points at text on the page.
    broken = page.evaluate("""() => [...document.querySelectorAll("[aria-describedby]")].flatMap(e =>
        e.getAttribute("aria-describedby").split(/\\s+/)
         .filter(id => !(document.getElementById(id)?.textContent.trim())))""")
    assert broken == []
    assert (
        page.get_by_label("Who signs off a model deployment?").get_attribute("aria-describedby")
        == "brief-sign-off-hint"
    )
    headings = page.eval_on_selector_all("article :is(h1, h2, h3, h4)", "hs => hs.map(h => h.tagName)")
    assert headings[0] == "H1" and set(headings[1:]) == {"H2"} and len(headings) == 9
    areas = page.eval_on_selector_all("fieldset.brief-area > legend", "ls => ls.map(l => l.textContent.trim())")
    assert areas == [
        "The role",
        "Ownership",
        "Scope",
        "Tooling reality",
        "Governance stance",
        "Success metrics",
        "Level, pay and location",
        "Interview plan",
    ]


def test_without_javascript_the_form_is_a_printable_checklist(tab, base_url):
    t = tab(java_script_enabled=False)
    page = t.open(base_url + "brief/", ready=False)
    assert page.get_by_role("heading", level=1).text_content().startswith("Hiring brief")
    for label in TEXTS:
        expect(page.get_by_label(label, exact=True)).to_be_visible()
    for group, options in GROUPS.items():
        for option in options:
            expect(page.get_by_role("group", name=group).get_by_label(option, exact=True)).to_be_visible()
    expect(page.locator(".brief-nojs")).to_contain_text("Saving and sharing this brief need JavaScript")
    expect(page.get_by_role("button", name="Copy link to this brief")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.get_by_label("Role title", exact=True)).to_be_visible()
    expect(page.locator(".brief-nojs")).to_be_hidden()


def test_print_shows_answers_in_full_and_hides_the_buttons(tab, base_url):
    page = tab().open(base_url + "brief/")
    fill_everything(page)
    page.emulate_media(media="print")
    for name in ["Copy link to this brief", "Print", "Clear the brief"]:
        expect(page.get_by_role("button", name=name)).to_be_hidden()
    for selector in [".md-header", ".md-sidebar--primary", ".md-footer"]:
        expect(page.locator(selector).first).to_be_hidden()
    box = page.get_by_label("Who signs off a model deployment?", exact=True)
    expect(box).to_be_hidden()
    copy = box.locator("xpath=following-sibling::div[contains(@class, 'brief-answer')]")
    expect(copy).to_be_visible()
    assert copy.text_content() == expected("Who signs off a model deployment?")
    assert copy.evaluate("e => getComputedStyle(e).whiteSpace") == "pre-wrap"


def test_starting_twice_changes_nothing_and_other_pages_are_untouched(tab, instant_site):
    base_url = instant_site
    t = tab()
    page = t.open(base_url, ready=False)
    page.evaluate("() => { window.samePage = true; }")
    page.get_by_role("link", name="Hiring brief").first.click()  # Material's instant navigation
    page.wait_for_selector("form[data-brief-ready]")
    assert page.evaluate("() => window.samePage") is True, "a full page load, not instant navigation"
    page.evaluate("() => { window.document$.next(document); window.document$.next(document); }")
    assert page.locator(".brief-answer").count() == len(TEXTS)
    page.get_by_label("Role title", exact=True).fill("Navigated here")
    wait_until_saved(page)
    page.get_by_label("Company or team (optional)", exact=True).fill("Pending when we leave")
    page.get_by_role("link", name="Contact").first.click()
    page.wait_for_url(base_url + "contact/")
    page.wait_for_timeout(600)  # longer than the save delay: the pending save must not land here
    assert page.url == base_url + "contact/"
    page.go_back()
    page.wait_for_selector("form[data-brief-ready]")
    expect(page.get_by_label("Role title", exact=True)).to_have_value("Navigated here")
    assert t.errors == []


def test_works_without_materials_script(tab, base_url):
    """No document$ to subscribe to: the brief starts on DOMContentLoaded instead."""
    t = tab()
    t.page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page = t.open(base_url + "brief/#brief=" + code({"r": "Started without Material"}))
    assert page.evaluate("() => typeof window.document$") == "undefined"
    expect(page.get_by_label("Role title", exact=True)).to_have_value("Started without Material")
    page.get_by_label("Role title", exact=True).fill("Still saved")
    wait_until_saved(page)
    assert [e for e in t.errors if "Failed to load resource" not in e] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(tab, base_url, scheme):
    t = tab(color_scheme=scheme, permissions=["clipboard-read", "clipboard-write"])
    page = t.open(base_url + "brief/")
    want = "slate" if scheme == "dark" else "default"
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == want
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    # Filled, with the status, the long-link note and the fallback link field showing.
    fill_everything(page)
    page.get_by_label("Privacy", exact=True).fill("".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(900)))
    page.get_by_role("button", name="Copy link to this brief").click()
    expect(status(page)).to_have_text("Link copied")
    expect(page.locator("#brief-length-note")).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert t.errors == []


# The fields for level, pay, location, on-call and the interview plan: each control's label, the short
# name it has in a link, and what it holds when filled (a radio holds its value, not its label).
NEW_FIELDS = {
    "On-call arrangements": ("oc", "Rota of five, one week in five, paid per week"),
    "Budget range": ("b", "£85,000–£100,000 plus bonus"),
    "Location": ("lc", "Leeds; UK employment only"),
    "Interview stages": ("is", "Call, system design, team"),
    "Who interviews, and who decides": ("iw", "Head of data decides"),
    "The exercise": ("ie", "Design the release of our churn model"),
}
NEW_CHOICES = {
    "Will the hire be on call outside working hours?": ("oh", "Yes, on a shared on-call rota", "rota"),
    "What level is the role?": ("lv", "Senior: makes the technical decisions for their area", "senior"),
    "What is the remote working policy?": ("lr", "Remote within one country or region", "region"),
    "Which practical exercise will candidates do?": ("ix", "A paired exercise on a prepared problem", "pair"),
}


def fill_new_fields(page) -> None:
    for label, (_, value) in NEW_FIELDS.items():
        page.get_by_label(label, exact=True).fill(value)
    for group, (_, option, _) in NEW_CHOICES.items():
        page.get_by_role("group", name=group).get_by_label(option, exact=True).check()


def test_level_pay_location_on_call_and_interview_plan_travel_in_the_link(tab, base_url):
    t = tab()
    page = t.open(base_url + "brief/")
    fill_new_fields(page)
    url = wait_until_saved(page)
    # Short names, in form order: on-call sits in Ownership, the rest in the two new areas at the end.
    assert list(saved(page).items()) == [
        ("oh", "rota"),
        ("oc", NEW_FIELDS["On-call arrangements"][1]),
        ("lv", "senior"),
        ("b", NEW_FIELDS["Budget range"][1]),
        ("lc", NEW_FIELDS["Location"][1]),
        ("lr", "region"),
        ("is", NEW_FIELDS["Interview stages"][1]),
        ("iw", NEW_FIELDS["Who interviews, and who decides"][1]),
        ("ix", "pair"),
        ("ie", NEW_FIELDS["The exercise"][1]),
    ]
    other = tab()
    shared = other.open(url)
    for label, (_, value) in NEW_FIELDS.items():
        expect(shared.get_by_label(label, exact=True)).to_have_value(value)
    for group, (_, option, _) in NEW_CHOICES.items():
        assert shared.get_by_role("group", name=group).get_by_label(option, exact=True).is_checked(), group
    assert t.errors == [] and other.errors == []


def test_a_link_made_to_the_format_fills_the_new_fields(tab, base_url):
    """The names are the format: a link written by hand (or by another tool) with them opens filled."""
    answers = {name: value for name, value in NEW_FIELDS.values()}
    answers.update({name: value for name, _, value in NEW_CHOICES.values()})
    t = tab()
    page = t.open(base_url + "brief/#brief=" + code(answers))
    for label, (_, value) in NEW_FIELDS.items():
        expect(page.get_by_label(label, exact=True)).to_have_value(value)
    for group, (_, option, _) in NEW_CHOICES.items():
        assert page.get_by_role("group", name=group).get_by_label(option, exact=True).is_checked(), group
    assert t.errors == []


@pytest.mark.parametrize(
    ("value", "option"),
    [("rota", "Yes, on a shared on-call rota"), ("best", "Sometimes, on a best-effort basis with no rota")],
)
def test_an_older_link_keeps_its_out_of_hours_answer_under_the_on_call_question(tab, base_url, value, option):
    page = tab().open(base_url + "brief/#brief=" + code({"oh": value}))
    group = page.get_by_role("group", name="Will the hire be on call outside working hours?")
    expect(group.get_by_label(option, exact=True)).to_be_checked()


def test_print_shows_the_new_fields_answers(tab, base_url):
    page = tab().open(base_url + "brief/")
    fill_new_fields(page)
    page.emulate_media(media="print")
    for label, (_, value) in NEW_FIELDS.items():
        box = page.get_by_label(label, exact=True)
        expect(box).to_be_hidden()
        copy = box.locator("xpath=following-sibling::div[contains(@class, 'brief-answer')]")
        expect(copy).to_be_visible()
        assert copy.text_content() == value, label
    for group, (_, option, _) in NEW_CHOICES.items():
        choices = page.get_by_role("group", name=group)
        expect(choices).to_be_visible()
        expect(choices.get_by_label(option, exact=True)).to_be_checked()
        expect(choices.get_by_label(option, exact=True)).to_be_visible()
    for heading in ["Level, pay and location", "Interview plan"]:
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
