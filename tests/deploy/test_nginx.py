"""deploy/nginx.conf serving the real site: headers, policy, caching, addresses, errors, compression."""

from __future__ import annotations

import gzip
import re

import pytest

from devtools.headers import load_csp

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
POLICY = {  # every directive but script-src, which also lists the hashes
    "default-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
IMMUTABLE = "public, max-age=31536000, immutable"
csp = load_csp()


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def assert_security_headers(headers) -> None:
    """Each security header is sent exactly once, with exactly the configured value."""
    for name, value in SECURITY_HEADERS.items():
        assert headers.get_all(name) == [value], name
    assert len(headers.get_all("Content-Security-Policy")) == 1
    assert "Strict-Transport-Security" not in headers  # plain HTTP: see deploy/README.md for TLS


def test_the_home_page_sends_every_security_header_once(served):
    status, headers, body = served.get("/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Server"] == "nginx"  # server_tokens off: no version
    assert_security_headers(headers)
    assert body == (served.site / "index.html").read_bytes()


def test_the_policy_allows_exactly_the_inline_scripts_of_the_site(served):
    policy = served.get("/")[1]["Content-Security-Policy"]
    found = directives(policy)
    script_src = found.pop("script-src").split()
    assert found == POLICY
    assert script_src[0] == "'self'"
    assert script_src[1:] == csp.scan_site(served.site).hashes
    assert "unsafe" not in policy  # neither 'unsafe-inline' nor 'unsafe-eval'
    for page in ("index.html", "tools/faq/index.html", "404.html"):  # an independent count, page by page
        html = (served.site / page).read_text(encoding="utf-8")
        inline = [
            body
            for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
            if "src=" not in attrs and "application/json" not in attrs
        ]
        assert inline and all(csp.script_hash(body) in script_src for body in inline), page


def test_nginx_and_the_headers_file_send_the_same_headers(served):
    headers = served.get("/")[1]
    rules = (served.site / "_headers").read_text(encoding="utf-8").split("\n\n")[0]
    everything = dict(line.strip().split(": ", 1) for line in rules.splitlines() if line.startswith("  "))
    assert everything == {"Content-Security-Policy": headers["Content-Security-Policy"], **SECURITY_HEADERS}
    conf = (served.conf / "generated" / "csp.conf").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{headers["Content-Security-Policy"]}" always;' in conf


def test_a_folder_address_serves_its_index_page(served):
    status, headers, body = served.get("/tools/faq/")
    assert status == 200
    assert body == (served.site / "tools" / "faq" / "index.html").read_bytes()


def test_a_folder_address_without_its_slash_redirects_without_the_port(served):
    status, headers, _ = served.get("/tools/faq")
    assert status == 301
    assert headers["Location"] == "/tools/faq/"  # absolute_redirect off: never the internal host or port
    assert_security_headers(headers)


def test_fingerprinted_assets_are_cached_for_a_year(served):
    assets = csp.fingerprinted(served.site)
    assert any(re.fullmatch(r"/assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", a) for a in assets), assets
    assert any(re.fullmatch(r"/assets/stylesheets/main\.[0-9a-f]{8}\.min\.css", a) for a in assets), assets
    for asset in assets:
        status, headers, _ = served.get(asset)
        assert (status, headers["Cache-Control"]) == (200, IMMUTABLE), asset
        assert_security_headers(headers)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/tools/faq/",
        "/assets/decision-tree/player.js",
        "/assets/decision-tree/player.css",
        "/stylesheets/site.css",
        "/search/search_index.json",
        "/sitemap.xml",
        "/assets/javascripts/lunr/min/lunr.de.min.js",  # Material's, but named without a hash
    ],
)
def test_files_that_keep_their_address_are_revalidated(served, path):
    status, headers, _ = served.get(path)
    assert status == 200
    assert headers["Cache-Control"] == "no-cache"
    assert headers["ETag"]


@pytest.mark.parametrize("path", ["/no-such-page/", "/tools/no-such-tool", "/assets/", "/_headers"])
def test_a_missing_page_is_the_sites_own_404_page(served, path):
    status, headers, body = served.get(path)
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == (served.site / "404.html").read_bytes()
    assert_security_headers(headers)


@pytest.mark.parametrize(
    "path",
    [
        "/editors/",
        "/search/search_index.json",
        "/sitemap.xml",
        "/assets/decision-tree/player.js",
        "/assets/decision-tree/player.css",
        "/insights/selicor-avatar.svg",
    ],
)
def test_text_is_sent_gzipped_to_browsers_that_accept_it(served, path):
    status, headers, body = served.get(path, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Vary"] == "Accept-Encoding"
    file = served.site / path.strip("/")
    assert gzip.decompress(body) == (file / "index.html" if file.is_dir() else file).read_bytes()


def test_the_server_logs_no_errors(served):
    served.get("/no-such-page/")
    served.get("/assets/")
    lines = served.log.read_text(errors="replace").splitlines()
    errors = [
        line for line in lines if re.search(r"\[(emerg|alert|crit|error)\]", line) and "directory index of" not in line
    ]  # /assets/ has no index page: a 404, logged as an error
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("page", ["/", "/tools/need-mlops/hire-now/", "/no-such-page/"])
def test_a_page_s_preview_card_is_served_as_a_png_from_its_address(served, page):
    html = served.get(page)[2].decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert image.startswith(served.base + "assets/cards/")
    status, headers, body = served.get("/" + image.removeprefix(served.base))
    assert (status, headers["Content-Type"]) == (200, "image/png")
    assert body[:8] == b"\x89PNG\r\n\x1a\n" and body == (served.site / image.removeprefix(served.base)).read_bytes()
    assert_security_headers(headers)
