"""deploy/csp.py on small hand-written sites: which scripts it allows and hashes, what it writes, what it refuses."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from devtools.headers import headers_command, load_csp

csp = load_csp()

# The example of the CSP specification (https://www.w3.org/TR/CSP3/#grammardef-hash-source).
HELLO = "alert('Hello, world.');"
HELLO_HASH = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
PALETTE = 'var palette=__md_get("__palette");\n'
PAGE = f"""<!doctype html>
<html><head>
<script>{HELLO}</script>
<script src="assets/javascripts/bundle.0123abcd.min.js"></script>
<script src="javascripts/extra.js">ignored: a script with src never runs its text</script>
</head><body>
<template class="dt-data"><script type="application/json">{{"id": "faq", "start": "topic"}}</script></template>
<script id="__config" type="application/json">{{"base": ".", "features": []}}</script>
<script type="application/ld+json">{{"@type": "WebSite"}}</script>
<script type="module">{PALETTE}</script>
</body></html>
"""


# The theme's templates of these tests: the inline scripts the site means to have, one with a value
# the template fills in, as Material's base URL script does.
TEMPLATES = {
    "base.html": f"<head><script>{HELLO}</script></head>",
    "partials/palette.html": '<script>var palette=__md_get("__palette");\n</script>',
    "partials/scope.html": '<script>__md_scope=new URL("{{ base_url }}",location)</script>',
}


def write_site(root: Path, pages: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def templates(tmp_path) -> Path:
    return write_site(tmp_path / "templates", TEMPLATES)


def run(site: Path, conf: Path, templates: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*headers_command(site, conf), "--templates", str(templates)], capture_output=True, text=True)


def test_it_hashes_each_inline_script_of_the_theme_and_nothing_else(tmp_path, templates):
    site = write_site(tmp_path / "site", {"index.html": PAGE, "tools/faq/index.html": f"<script>{HELLO}</script>"})
    scan = csp.scan_site(site, [templates])
    assert scan.problems == []
    assert scan.scripts == [HELLO, PALETTE, HELLO]  # sorted by page; JSON islands and src scripts skipped
    assert scan.hashes == sorted([HELLO_HASH, csp.script_hash(PALETTE)])
    assert csp.script_hash(HELLO) == HELLO_HASH


def test_a_windows_line_ending_is_hashed_as_the_browser_sees_it(tmp_path, templates):
    site = write_site(tmp_path / "site", {})
    (site / "index.html").write_bytes(b'<script>var palette=__md_get("__palette");\r\n</script>')
    assert csp.scan_site(site, [templates]).hashes == [csp.script_hash(PALETTE)]


@pytest.mark.parametrize("base", ["", ".", "../..", "/", "/guide/"])
def test_a_value_the_template_fills_in_is_recognised(tmp_path, templates, base):
    script = f'__md_scope=new URL("{base}",location)'
    site = write_site(tmp_path / "site", {"index.html": f"<script>{script}</script>"})
    scan = csp.scan_site(site, [templates])
    assert (scan.problems, scan.scripts) == ([], [script])


@pytest.mark.parametrize(
    "script",
    [
        "alert(1)",  # present on every page, still not the theme's
        f"{HELLO} ",  # one of the theme's, changed
        '__md_scope=new URL("",location);alert(1)//",location)',  # breaking out of the filled-in value
        '__md_scope=new URL("x"+alert(1)+"",location)',
        '__md_scope=new URL("\\"",location)',
    ],
)
def test_an_inline_script_the_theme_does_not_hold_is_refused_by_position(tmp_path, templates, script):
    pages = {"index.html": f"<p>intro</p>\n  <script>{script}</script>", "a/index.html": f"<script>{script}</script>"}
    site = write_site(tmp_path / "site", pages)
    conf = tmp_path / "csp.conf"
    done = run(site, conf, templates)
    assert done.returncode == 1
    assert f"{site}/a/index.html:1:1: an inline script the site does not mean to have" in done.stderr
    assert f"{site}/index.html:2:3: an inline script the site does not mean to have" in done.stderr
    assert not conf.exists() and not (site / "_headers").exists()


def test_a_script_that_is_never_closed_is_still_found(tmp_path, templates):
    site = write_site(tmp_path / "site", {"index.html": "<p>x</p><script>alert(1)"})
    assert csp.scan_site(site, [templates]).problems == [
        f"{site}/index.html:1:9: an inline script the site does not mean to have: put code in a .js file: 'alert(1)'"
    ]


def test_the_real_theme_s_scripts_are_recognised(served):
    """Every inline script of the real build is one of Material's or the overrides', found by the default."""
    scan = csp.scan_site(served.site)
    assert scan.problems == []
    assert len(scan.hashes) >= 6  # the base URL at each depth, the saved and first-visit palettes, tabs


def test_it_writes_the_same_policy_for_nginx_and_for_the_headers_file(tmp_path, templates):
    site = write_site(tmp_path / "site", {"index.html": PAGE})
    write_site(
        site / "assets" / "javascripts",
        {
            name: "//"
            for name in (
                "bundle.0123abcd.min.js",
                "bundle.0123abcd.min.js.map",
                "lunr/min/lunr.de.min.js",
                "lunr/tinyseg.js",
            )
        },
    )
    conf = tmp_path / "conf" / "generated" / "csp.conf"
    done = run(site, conf, templates)
    assert done.returncode == 0, done.stderr
    hashes = sorted([HELLO_HASH, csp.script_hash(PALETTE)])
    policy = csp.policy(hashes)
    assert policy.startswith(f"default-src 'self'; script-src 'self' {hashes[0]} {hashes[1]}; style-src 'self'; ")
    assert f'add_header Content-Security-Policy "{policy}" always;\n' in conf.read_text(encoding="utf-8")
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert headers.splitlines()[1:4] == [
        "/*",
        f"  Content-Security-Policy: {policy}",
        "  X-Content-Type-Options: nosniff",
    ]
    assert "  X-Frame-Options: DENY\n" in headers
    assert headers.endswith(
        "\n\n/assets/javascripts/bundle.0123abcd.min.js\n"
        "  Cache-Control: public, max-age=31536000, immutable\n"
        "\n/assets/javascripts/bundle.0123abcd.min.js.map\n"
        "  Cache-Control: public, max-age=31536000, immutable\n"
    )


def test_the_other_headers_come_from_the_nginx_snippet():
    names = [name for name, _ in csp.static_headers()]
    assert names == [
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "Cross-Origin-Opener-Policy",
    ]  # the commented-out HSTS line is left out; X-Frame-Options depends on the page (csp.conf, embed.conf)


@pytest.mark.parametrize(
    "html, problem",
    [
        ('<p style="color: red">x</p>', "index.html:1:1: a style attribute on <p>"),
        ("<p>x</p>\n  <style>p {}</style>", "index.html:2:3: a <style> element"),
        ('<button onclick="go()">x</button>', "index.html:1:1: an onclick attribute on <button>"),
        ('<a href=" JavaScript:go()">x</a>', "index.html:1:1: a javascript: address on <a>"),
        ('<a href="jav&#x61;script:go()">x</a>', "index.html:1:1: a javascript: address on <a>"),
        ('<a href="java\tscript:go()">x</a>', "index.html:1:1: a javascript: address on <a>"),
        ("<p>x</p><img src=x onerror=go()>", "index.html:1:9: an onerror attribute on <img>"),
        ('<svg><a xlink:href="javascript:go()">x</a></svg>', "index.html:1:6: a javascript: address on <a>"),
    ],
)
def test_it_names_what_the_policy_would_block_and_writes_nothing(tmp_path, templates, html, problem):
    site = write_site(tmp_path / "site", {"index.html": html})
    conf = tmp_path / "csp.conf"
    done = run(site, conf, templates)
    assert done.returncode == 1
    assert f"{site}/{problem}" in done.stderr
    assert not conf.exists() and not (site / "_headers").exists()


def test_it_refuses_a_folder_without_a_built_site(tmp_path, templates):
    done = run(tmp_path, tmp_path / "csp.conf", templates)
    assert done.returncode == 1
    assert "run ./scripts/build first" in done.stderr


def test_a_place_it_cannot_write_is_one_line_of_error(tmp_path, templates):
    site = write_site(tmp_path / "site", {"index.html": "<p>x</p>"})
    (tmp_path / "taken").write_text("a file where the folder of the nginx snippet should be")
    done = run(site, tmp_path / "taken" / "csp.conf", templates)
    assert done.returncode == 1
    assert done.stderr.startswith("error: cannot write the headers: ")
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1


def mkdocs_yml(folder: Path, origins: list[str] | None) -> Path:
    """Write a small mkdocs.yml (and its docs folder) whose plugin lists ``origins``, if any, for embeds."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    lines = ["site_name: x", "plugins:", "  - decision-tree" + (":" if origins is not None else "")]
    if origins is not None:
        lines += ["      embed:", "        origins:", *[f"          - {origin}" for origin in origins]]
    config = folder / "mkdocs.yml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def run_for(site: Path, conf: Path, templates: Path, config: Path) -> subprocess.CompletedProcess:
    command = [*headers_command(site, conf, config), "--templates", str(templates)]
    return subprocess.run(command, capture_output=True, text=True)


def test_the_embed_pages_may_be_framed_by_the_origins_mkdocs_yml_lists_and_no_other_page(tmp_path, templates):
    site = write_site(tmp_path / "site", {"index.html": PAGE, "embed/faq/index.html": f"<script>{HELLO}</script>"})
    config = mkdocs_yml(tmp_path / "project", ["https://jobs.partner.example", "http://localhost:8123/"])
    conf = tmp_path / "conf" / "generated" / "csp.conf"
    done = run_for(site, conf, templates, config)
    assert done.returncode == 0, done.stderr
    hashes = sorted([HELLO_HASH, csp.script_hash(PALETTE)])
    framed = csp.policy(hashes, "https://jobs.partner.example http://localhost:8123")
    assert framed.endswith("; frame-ancestors https://jobs.partner.example http://localhost:8123")
    embed_conf = (conf.parent / "embed.conf").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{framed}" always;\n' in embed_conf
    assert "X-Frame-Options" not in embed_conf  # DENY would refuse the origins the policy allows
    page_conf = conf.read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{csp.policy(hashes)}" always;\n' in page_conf
    assert csp.policy(hashes).endswith("; frame-ancestors 'none'")
    assert 'add_header X-Frame-Options "DENY" always;\n' in page_conf
    # Netlify and Cloudflare Pages would join an /embed/ rule's policy with the /* one: no rule, no framing.
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert "/embed/" not in headers and "frame-ancestors 'none'" in headers and "X-Frame-Options: DENY" in headers


@pytest.mark.parametrize("origins", [None, []])
def test_without_origins_the_embed_pages_are_framed_by_nobody(tmp_path, templates, origins):
    site = write_site(tmp_path / "site", {"index.html": PAGE})
    conf = tmp_path / "csp.conf"
    done = run_for(site, conf, templates, mkdocs_yml(tmp_path / "project", origins))
    assert done.returncode == 0, done.stderr
    assert (conf.parent / "embed.conf").read_text(encoding="utf-8").splitlines()[2:] == conf.read_text(
        encoding="utf-8"
    ).splitlines()[1:]  # the same policy and DENY, below the heading lines
    assert "embed pages framed by 'none'" in done.stderr


def test_a_bad_origin_is_named_and_nothing_is_written(tmp_path, templates):
    site = write_site(tmp_path / "site", {"index.html": PAGE})
    conf = tmp_path / "csp.conf"
    done = run_for(site, conf, templates, mkdocs_yml(tmp_path / "project", ["jobs.partner.example"]))
    assert done.returncode == 1
    assert "'jobs.partner.example' has no scheme: write https://jobs.partner.example" in done.stderr
    assert "Traceback" not in done.stderr
    assert not conf.exists() and not (conf.parent / "embed.conf").exists() and not (site / "_headers").exists()
