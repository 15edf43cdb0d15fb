"""`python -m macrodesk` runs the CLI."""

from macrodesk.cli import main

main()
