"""A result handed to the hiring brief and to us, and printed, in Chromium (issue 12, items 3 and 6).

"Use this in a hiring brief" opens the brief with the result's role title, scope and governance filled
in, the result and the answers above the form as one hiring pack; "Send it to us" is a mailto: whose
body holds the result, its link with the answers, each answer and the brief's link, with the address
as text beside it; a result and the brief print with their address, the date and how to reach us.
Routes are found in the loaded trees, so the tests follow the trees as they change.
"""

from __future__ import annotations

import datetime
from urllib.parse import parse_qs, urlsplit

from mkdocs.config import load_config
from playwright.sync_api import expect

from decision_tree.check import check_directory
from devtools.project import ROOT

from .test_accessibility import assert_no_violations

TREES = check_directory(ROOT / "docs" / "trees").trees
ARCH = TREES["archetype"]
ADDRESS = load_config(str(ROOT / "mkdocs.yml")).extra["contact"]["url"].split("?")[0].removeprefix("mailto:")
SCOPE = {"platform": "A shared platform for several teams", "product": "One product"}
RULES = {
    "reg": "A regulated setting, such as financial services, insurance or healthcare",
    "none": "No formal requirements yet",
}


def route_to(tree, outcome, want=lambda answer: True):
    """Return the (question, answer) steps of a route from the start to `outcome` whose answers all pass
    `want` where a question offers one that does (depth first, answers in file order)."""

    def search(node, steps):
        if node == outcome:
            return steps
        if node not in tree.questions or any(node == q for q, _ in steps):
            return None
        answers = tree.questions[node].answers
        for answer in sorted(answers, key=lambda a: not want(a)):
            found = search(answer.next, [*steps, (node, answer)])
            if found is not None:
                return found
        return None

    steps = search(tree.start, [])
    assert steps, f"no route to {outcome}"
    return steps


def pairs_hash(tree_id, steps):
    return f"#{tree_id}=" + ",".join(f"{question}:{answer.key}" for question, answer in steps)


def regulated(answer):
    return dict(answer.brief).get("governance") == "regulated"


# The platform result, reached through the platform scope and a regulated setting.
STEPS = route_to(ARCH, "platform-engineer", regulated)
BRIEF = {}
for _question, _answer in STEPS:
    BRIEF.update(dict(_answer.brief))


def test_the_route_under_test_sets_scope_and_governance():
    assert BRIEF == {"scope": "platform", "governance": "regulated"}


def open_result(page, served_site):
    page.goto(f"{served_site}tools/archetype/{pairs_hash('archetype', STEPS)}")
    expect(page.locator(".dt-player h2").first).to_have_text(ARCH.outcomes["platform-engineer"].title)


def expect_filled_brief(page):
    expect(page.locator("form[data-brief-ready]")).to_be_attached()
    expect(page.get_by_label("Role title")).to_have_value("ML platform engineer")
    expect(page.get_by_role("group", name="What is the role for?").get_by_label(SCOPE["platform"])).to_be_checked()
    rules = page.get_by_role("group", name="Which best describes where the models are used?")
    expect(rules.get_by_label(RULES["reg"])).to_be_checked()


def test_a_result_opens_the_brief_filled_in_as_a_hiring_pack(page, served_site):
    open_result(page, served_site)
    page.get_by_role("link", name="Use this in a hiring brief").click()
    expect_filled_brief(page)
    pack = page.get_by_role("region", name="Hiring pack")
    expect(pack).to_contain_text(ARCH.outcomes["platform-engineer"].title)
    expect(pack).to_contain_text(ARCH.outcomes["platform-engineer"].summary)
    for question, answer in STEPS:
        item = pack.locator("li").filter(has_text=ARCH.questions[question].text)
        expect(item.locator("strong")).to_have_text(answer.label)
    expect(pack.get_by_role("link", name=ARCH.outcomes["platform-engineer"].title)).to_have_attribute(
        "href", "../tools/archetype/platform-engineer/" + pairs_hash("archetype", STEPS)
    )
    # The brief's hash now holds the filled fields; the query keeps only the pack; the answers stay.
    page.wait_for_function("location.hash.startsWith('#brief=')")
    url = urlsplit(page.url)
    assert parse_qs(url.query) == {"pack": ["archetype:platform-engineer"]}
    assert pairs_hash("archetype", STEPS)[1:] in url.fragment.split("&")
    # Edited and reloaded, the brief keeps the edit (the hash wins over nothing left in the query) and the pack.
    first = page.url
    page.get_by_label("Role title").fill("Senior ML platform engineer")
    page.wait_for_function("(first) => location.href !== first && location.hash.includes('&archetype=')", arg=first)
    page.reload()
    expect(page.get_by_label("Role title")).to_have_value("Senior ML platform engineer")
    expect(page.get_by_role("region", name="Hiring pack")).to_contain_text(ARCH.outcomes["platform-engineer"].title)
    assert_no_violations(page, "the brief as a hiring pack")


def test_a_pack_lists_only_answers_the_tree_has(page, served_site):
    steps = pairs_hash("archetype", STEPS)
    page.goto(f"{served_site}brief/?pack=archetype:platform-engineer{steps},constructor:x,live:no-such-key")
    pack = page.get_by_role("region", name="Hiring pack")
    expect(pack.locator("li")).to_have_count(len(STEPS))
    expect(pack).to_contain_text(ARCH.outcomes["platform-engineer"].summary)


def test_a_result_page_opened_bare_hands_over_its_role_title(page, served_site):
    page.goto(f"{served_site}tools/archetype/platform-engineer/")
    link = page.get_by_role("link", name="Use this in a hiring brief")
    expect(link).to_have_attribute("href", "../../../brief/?r=ML+platform+engineer&pack=archetype%3Aplatform-engineer")
    _subject, body = mail_parts(page.get_by_role("link", name="Send it to us").get_attribute("href"))
    assert body.split("\n") == [
        f"Result: {ARCH.outcomes['platform-engineer'].title}",
        f"{served_site}tools/archetype/platform-engineer/",
        "",
        f"Hiring brief with this result: {served_site}brief/?r=ML+platform+engineer&pack=archetype%3Aplatform-engineer",
    ]
    link.click()
    expect(page.get_by_label("Role title")).to_have_value("ML platform engineer")
    expect(page.get_by_role("region", name="Hiring pack")).to_contain_text(ARCH.outcomes["platform-engineer"].title)


def test_a_result_page_with_answers_hands_over_the_answers_too(page, served_site):
    page.goto(f"{served_site}tools/archetype/platform-engineer/{pairs_hash('archetype', STEPS)}")
    page.get_by_role("link", name="Use this in a hiring brief").click()
    expect_filled_brief(page)


def test_results_that_hand_nothing_over_have_no_brief_link(page, served_site):
    outcome = next(iter(TREES["need-mlops"].outcomes))
    page.goto(f"{served_site}tools/need-mlops/{outcome}/")
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    expect(page.get_by_role("link", name="Use this in a hiring brief")).to_have_count(0)
    expect(page.locator(".dt-mail")).to_have_count(1)  # mail still goes to us


def mail_parts(href):
    assert href.startswith(f"mailto:{ADDRESS}?")
    query = parse_qs(urlsplit(href).query)
    return query["subject"][0], query["body"][0]


def test_send_it_to_us_mails_the_result_its_answers_and_the_brief(page, served_site):
    open_result(page, served_site)
    mail = page.get_by_role("link", name="Send it to us")
    href = mail.get_attribute("href")
    assert len(href) <= 1800
    subject, body = mail_parts(href)
    title = ARCH.outcomes["platform-engineer"].title
    assert title in subject
    lines = body.split("\n")
    assert lines[0] == f"Result: {title}"
    assert lines[1] == f"{served_site}tools/archetype/platform-engineer/{pairs_hash('archetype', STEPS)}"
    for question, answer in STEPS:
        at = lines.index(f"- {ARCH.questions[question].text}")
        assert lines[at + 1] == f"  {answer.label}"
    brief = lines[-1].split(": ", 1)[1]
    assert brief.startswith(f"{served_site}brief/?r=ML+platform+engineer&ss=platform&gr=reg&pack=")
    # The address, as text, beside the link.
    box = page.locator(".dt-handoff")
    expect(box.locator(".dt-address")).to_have_text(ADDRESS)
    expect(box.locator(".dt-address")).to_be_visible()
    # The brief link in the mail opens the filled brief.
    page.goto(brief)
    expect_filled_brief(page)


def test_the_address_is_shown_as_text_beside_every_mail_link(page, served_site):
    for path in ("contact/", "tools/need-mlops/", "tools/archetype/platform-engineer/", "brief/"):
        page.goto(served_site + path)
        links = page.locator("a[href^='mailto:']")
        assert links.count() >= 1, path
        for index in range(links.count()):
            link = links.nth(index)
            around = link.evaluate("(a) => a.closest('p, aside, li').innerText")
            assert ADDRESS in around, f"{path}: {link.inner_text()}"
        expect(page.locator(".cta__address")).to_contain_text(ADDRESS)


def today():
    day = datetime.date.today()
    return f"{day.day} {day:%B %Y}"


def expect_printed_header(page):
    line = page.locator(".print-meta")
    expect(line).to_be_visible()
    expect(line).to_contain_text(page.url)
    expect(line).to_contain_text(today())
    expect(line).to_contain_text(ADDRESS)
    # "What would change it" prints its other answers as text (player.css), not as buttons.
    for hidden in (".md-header", ".md-sidebar--primary", "button:not(.dt-try)", ".dt-handoff", ".cta"):
        for index in range(page.locator(hidden).count()):
            expect(page.locator(hidden).nth(index)).to_be_hidden()


def test_a_result_prints_with_its_address_the_date_and_how_to_reach_us(page, served_site):
    page.goto(f"{served_site}tools/archetype/platform-engineer/{pairs_hash('archetype', STEPS)}")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    expect(page.locator(".print-meta")).to_be_hidden()  # on screen, no such line
    page.emulate_media(media="print")
    expect_printed_header(page)
    expect(page.locator(".dt-based")).to_be_visible()


def test_a_result_in_the_tool_prints_with_the_same_line(page, served_site):
    open_result(page, served_site)
    page.emulate_media(media="print")
    expect_printed_header(page)


def test_the_hiring_pack_prints_as_one_document(page, served_site):
    open_result(page, served_site)
    page.get_by_role("link", name="Use this in a hiring brief").click()
    expect_filled_brief(page)
    pack = page.get_by_role("region", name="Hiring pack")
    expect(pack.locator("li")).to_have_count(len(STEPS))
    page.emulate_media(media="print")
    expect_printed_header(page)
    expect(pack).to_be_visible()
    expect(pack).to_contain_text(ARCH.outcomes["platform-engineer"].title)
    expect(page.locator(".brief-actions")).to_be_hidden()
    expect(page.locator("#the-role")).to_be_visible()
    # The result comes first, under the page's title, then the brief.
    assert page.evaluate("document.querySelector('h1').nextElementSibling.classList.contains('brief-pack')")
    assert page.evaluate(
        "document.querySelector('.brief-pack').compareDocumentPosition(document.querySelector('form[data-brief]'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    )


def test_a_plain_brief_prints_with_its_address_and_no_pack(page, served_site):
    page.goto(f"{served_site}brief/")
    expect(page.locator("form[data-brief-ready]")).to_be_attached()
    page.emulate_media(media="print")
    expect_printed_header(page)
    expect(page.locator(".brief-pack")).to_have_count(0)


def test_a_pack_for_an_unknown_result_says_so_and_the_brief_still_works(browser, served_site):
    # Not the `page` fixture: fetching a result that is gone is a 404, which Chromium logs as an error.
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served_site}brief/?r=Data+engineer&ss=bogus&pack=archetype:no-such-result")
    expect(page.get_by_label("Role title")).to_have_value("Data engineer")
    expect(page.get_by_role("region", name="Hiring pack")).to_contain_text("could not be loaded")
    for label in SCOPE.values():
        expect(page.get_by_role("group", name="What is the role for?").get_by_label(label)).not_to_be_checked()
    # A pack must name a result by its ids: anything else shows no pack.
    page.goto(f"{served_site}brief/?pack=../../evil")
    expect(page.locator("form[data-brief-ready]")).to_be_attached()
    expect(page.locator(".brief-pack")).to_have_count(0)
    context.close()


def test_the_player_result_with_its_hand_off_has_no_axe_violations(page, served_site):
    open_result(page, served_site)
    expect(page.locator(".dt-handoff")).to_be_visible()
    assert_no_violations(page, "a result in the tool, with its hand-off")
    page.goto(f"{served_site}tools/archetype/platform-engineer/{pairs_hash('archetype', STEPS)}")
    expect(page.locator(".dt-handoff")).to_be_visible()
    assert_no_violations(page, "a result page with its hand-off")


def test_with_instant_navigation_the_hand_off_still_fills_the_brief(page, instant_site):
    page.goto(f"{instant_site}tools/archetype/{pairs_hash('archetype', STEPS)}")
    expect(page.locator(".dt-player h2").first).to_have_text(ARCH.outcomes["platform-engineer"].title)
    page.get_by_role("link", name="Use this in a hiring brief").click()
    expect_filled_brief(page)
    expect(page.get_by_role("region", name="Hiring pack").locator("li")).to_have_count(len(STEPS))
    page.emulate_media(media="print")
    expect_printed_header(page)
