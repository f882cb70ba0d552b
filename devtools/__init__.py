"""The project's dev tooling: build, test, bench and audit, and the helpers they share.

Each helper exists once: a copy of the project (``project``), a strict MkDocs build (``site``), the
security headers (``csp``), a browser (``browser``), a free port and a quiet file server
(``fileserver``). The scripts in scripts/ are one line each: ``python -m devtools.<tool>``.
Not part of the decision_tree package, which is what the site needs to build: the wheel leaves it out,
so it is imported from the checkout (the scripts run from its root; pytest and ``site.ENV`` add it).
"""
