"""The package another site installs: a wheel and an sdist that build, pass `twine check --strict` and
carry the player, its CSS, the contract, the schema, the card fonts and the licence, and nothing of
this site's own tooling (devtools/) or tests; and the minimal
example (examples/minimal) built in fresh virtual environments with the lowest and the highest
versions the dependency ranges allow.

Marked ``package``: it needs PyPI (or a mirror) and takes a minute or two; wheels are kept in a
cache in the temporary folder, so a second run installs without downloading.
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from devtools.project import ROOT

pytestmark = pytest.mark.package

EXAMPLE = ROOT / "examples" / "minimal"
PIP_CACHE = Path(tempfile.gettempdir()) / "decision-tree-pip-cache"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PIP_CACHE_DIR": str(PIP_CACHE), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
# What a build of the package reads; the rest of the checkout (the venv, built sites) is left out.
SKIP = shutil.ignore_patterns(".git", ".venv", "site", ".site-*", "node_modules", ".cache", "build", "*.egg-info")
IN_THE_WHEEL = [
    "decision_tree/plugin.py",
    "decision_tree/assets/player.min.js",
    "decision_tree/assets/player.min.css",
    "decision_tree/assets/player.css",
    "decision_tree/assets/contract.json",
    "decision_tree/schema.json",
    "decision_tree/assets/fonts/Inter-Regular.otf",  # the link-preview cards draw with Inter
    "decision_tree/assets/fonts/Inter-Bold.otf",
    "decision_tree/assets/fonts/OFL.txt",  # the fonts' licence
]


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def lowest(requirements: list[str]) -> list[str]:
    """Return name==version for each requirement's lower bound; each must have one."""
    pins = []
    for line in requirements:
        requirement = Requirement(line)
        floors = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        assert len(floors) == 1, f"{line}: give a lower bound (>=) and an upper one"
        pins.append(f"{requirement.name}=={floors[0]}")
    return pins


def run(*command: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=ENV, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(map(str, command))}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The sdist and the wheel (built from the sdist), as `python -m build` makes them."""
    source = tmp_path_factory.mktemp("package") / "source"
    shutil.copytree(ROOT, source, ignore=SKIP)
    out = source.parent / "dist"
    run(sys.executable, "-m", "build", "--outdir", out, source)
    return out


def wheel(dist: Path) -> Path:
    (found,) = dist.glob("decision_tree-*.whl")
    return found


def sdist(dist: Path) -> Path:
    (found,) = dist.glob("decision_tree-*.tar.gz")
    return found


def test_the_dependencies_are_ranges_and_material_is_an_extra():
    meta = project()
    for line in meta["dependencies"]:
        requirement = Requirement(line)
        assert all(spec.operator in {">=", "<"} for spec in requirement.specifier), line
    names = {Requirement(line).name for line in meta["dependencies"]}
    assert "mkdocs-material" not in names
    assert "mkdocs" in names and Requirement(
        next(d for d in meta["dependencies"] if d.startswith("mkdocs>"))
    ).specifier.contains("1.6.1")
    assert not Requirement(next(d for d in meta["dependencies"] if d.startswith("mkdocs>"))).specifier.contains("2.0")
    assert [Requirement(line).name for line in meta["optional-dependencies"]["material"]] == ["mkdocs-material"]
    dev = meta["optional-dependencies"]["dev"]
    assert "decision-tree[cards,diagram,material]" in dev and {"build", "twine"} <= set(dev)


def test_the_site_lock_pins_every_package_with_hashes():
    lock = (ROOT / "requirements.lock").read_text()
    for name in ["mkdocs==1.6.1", "mkdocs-material==9.8.2", "pymdown-extensions==", "build==", "twine=="]:
        assert f"\n{name}" in lock or lock.startswith(name), name
    entries = [block for block in lock.split("\n") if block and not block.startswith((" ", "#"))]
    assert entries and all(entry.endswith("\\") for entry in entries)  # each followed by its --hash lines


def test_the_wheel_carries_the_player_schema_fonts_and_licence(dist):
    run(sys.executable, "-m", "twine", "check", "--strict", *sorted(dist.iterdir()))
    with zipfile.ZipFile(wheel(dist)) as archive:
        names = set(archive.namelist())
        (metadata,) = [name for name in names if name.endswith(".dist-info/METADATA")]
        message = email.message_from_bytes(archive.read(metadata))
        licence = archive.read(metadata.replace("METADATA", "licenses/LICENSE")).decode()
        entry_points = archive.read(metadata.replace("METADATA", "entry_points.txt")).decode()
    assert [name for name in IN_THE_WHEEL if name not in names] == []
    assert licence.startswith("MIT License")
    assert message["License-Expression"] == "MIT"
    assert "decision-tree = decision_tree.plugin:DecisionTreePlugin" in entry_points
    requires = message.get_all("Requires-Dist")
    assert requires and not [line for line in requires if any(s.operator == "==" for s in Requirement(line).specifier)]
    assert any(line.startswith("mkdocs-material") and 'extra == "material"' in line for line in requires)


def test_the_wheel_and_sdist_ship_the_engine_and_not_the_sites_tooling(dist):
    with zipfile.ZipFile(wheel(dist)) as archive:
        shipped = {name.split("/")[0] for name in archive.namelist()}
        top_level = next(name for name in archive.namelist() if name.endswith(".dist-info/top_level.txt"))
        packages = archive.read(top_level).decode().split()
    assert packages == ["decision_tree"]
    assert {name for name in shipped if not name.endswith(".dist-info")} == {"decision_tree"}
    with tarfile.open(sdist(dist)) as archive:
        # decision_tree-0.1.0/<path>: what a wheel is built from, and the metadata setuptools writes
        paths = {name.partition("/")[2] for name in archive.getnames()} - {""}
    roots = {path.split("/")[0] for path in paths}
    assert roots == {
        "decision_tree",
        "decision_tree.egg-info",
        "pyproject.toml",
        "README.md",
        "LICENSE",
        "MANIFEST.in",
        "PKG-INFO",
        "setup.cfg",
    }
    assert "decision_tree/plugin.py" in paths


@pytest.mark.parametrize("versions", ["lowest", "highest"])
def test_the_example_builds_with_the_lowest_and_highest_versions(dist, tmp_path, versions):
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    meta = project()
    constraints = tmp_path / "constraints.txt"
    pins = lowest(meta["dependencies"] + meta["optional-dependencies"]["material"]) if versions == "lowest" else []
    constraints.write_text("".join(f"{pin}\n" for pin in pins))
    run(python, "-m", "pip", "install", "--quiet", "--constraint", constraints, f"{wheel(dist)}[material]")
    installed = run(python, "-m", "pip", "list", "--format=freeze")
    assert [pin for pin in pins if pin.lower() not in installed.lower()] == []
    if versions == "highest":
        assert "mkdocs==1.6." in installed
    for theme in ["mkdocs", "material"]:
        site = shutil.copytree(EXAMPLE, tmp_path / theme)
        config = site / "mkdocs.yml"
        config.write_text(config.read_text().replace("theme: mkdocs\n", f"theme: {theme}\n"))
        run(python, "-m", "mkdocs", "build", "--strict", "--site-dir", site / "site", cwd=site)
        built = {path.relative_to(site / "site").as_posix() for path in (site / "site").rglob("*") if path.is_file()}
        assert {"tools/example/index.html", "tools/example/make-tree/index.html"} <= built, theme
        assert {"assets/decision-tree/player.js", "assets/decision-tree/player.css"} <= built
        assert not [name for name in built if name.startswith("trees/")]
        page = (site / "site" / "tools" / "example" / "index.html").read_text()
        assert 'data-decision-tree="example"' in page
