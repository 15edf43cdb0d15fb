"""`python -m macrodesk` runs the CLI."""

from .cli import main

main()
