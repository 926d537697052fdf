"""The arithmetic of the LKIP (SPEC §4). Nothing here imports the writer or the CLI."""
