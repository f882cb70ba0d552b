"""Compile YAML decision trees into static guidance pages.

Data flows one way: source (file -> text) -> load (text -> positioned nodes) -> shape (nodes ->
model) -> rules and links (model -> diagnostics) -> render (model -> HTML and JSON). ``plugin.py``
adapts this to MkDocs; nothing else imports mkdocs.
"""

from .check import Result, check_directory, check_files
from .diagnostics import Diagnostic, Pos
from .model import Answer, Outcome, Question, Tree

__all__ = ["Answer", "Diagnostic", "Outcome", "Pos", "Question", "Result", "Tree", "check_directory", "check_files"]
