"""Where the shared corpus of real reports is: $MACRODESK_CORPUS, else `../shared` beside the
repository (as on every developer's machine and in CI)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("MACRODESK_CORPUS") or ROOT.parent / "shared" / "corpus" / "research_reports")
