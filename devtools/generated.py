"""Generated trees, for the benchmark and the scale and browser tests.

The one import of the engine's generator: where it lives may change, and then only this line does.
"""

from decision_tree.generate import branching_tree, chain_tree, diamond_tree, wide_tree

__all__ = ["branching_tree", "chain_tree", "diamond_tree", "wide_tree"]
