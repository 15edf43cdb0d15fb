"""`python -m macrodesk` runs the CLI."""

from macrodesk.cli import main

# guarded: worker processes started with spawn/forkserver import __main__ again
if __name__ == "__main__":
    main()
