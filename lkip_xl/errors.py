"""The one error a user sees: an Indonesian sentence, exit code 3."""


class InputError(Exception):
    """The input cannot be read at all (exit 3). `str(err)` is the user's sentence."""


class OutputError(Exception):
    """The output cannot be written (exit 3)."""
