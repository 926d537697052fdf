"""Python's cyclic garbage collector, paused where a run keeps every row it read alive."""
from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def paused():
    """The cyclic collector paused for the block, then restored as it was.

    Reading a kabupaten rincian makes a million small objects and no reference cycles, and computing,
    checking and writing keep them all alive: the collector would only walk them again and again
    (~10 % of the reading; a full collection during compute walks all of them, ~1 s). Cycles made
    inside the block (a tree's parent links) are collected once it is restored. A `check` or `fill`
    run has it off from the start (cli.run)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
