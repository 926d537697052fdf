"""What reaches the console: text a file wrote, shown and never obeyed."""
from __future__ import annotations

import re

# What a terminal may act on instead of showing: C0 controls but TAB and LF, DEL, C1 controls (CSI
# among them), the bidirectional overrides that reorder a line, and lone surrogates (no encoding has them).
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def for_terminal(text: str) -> str:
    """Text as the console shows it: every character a terminal would act on written as \\uXXXX (in
    JSON that is the same character again), a lone surrogate as U+FFFD. A file cannot hide or
    rewrite lines of its own report."""
    if text.isascii() and text.isprintable():
        return text
    return _TERMINAL_UNSAFE.sub(_terminal_escape, text)


def _terminal_escape(m: re.Match) -> str:
    ch = m.group()
    return "\ufffd" if "\ud800" <= ch <= "\udfff" else f"\\u{ord(ch):04x}"
