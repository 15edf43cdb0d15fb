"""Where the shared corpus of real reports is: $MACRODESK_CORPUS, else `../shared` beside the
repository (as on every developer's machine and in CI). The desk tests need four of its reports,
shipped in tests/fixtures/corpus for a clone with no `../shared` beside it."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("MACRODESK_CORPUS") or ROOT.parent / "shared" / "corpus" / "research_reports")
# the desk's archive: the shared corpus when it is there, else the four reports it needs
DESK_CORPUS = CORPUS if CORPUS.is_dir() else ROOT / "tests" / "fixtures" / "corpus"
