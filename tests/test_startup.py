"""Start-up costs nothing: `--help` of the main commands imports none of the heavy libraries,
and choosing the embedded engine never loads the LLM engine or openai. Measured on a real
subprocess with `python -X importtime`, which lists every module the process imported."""

import subprocess
import sys

import pytest

HEAVY = ("scipy", "datasketch", "openai", "pandas", "pyarrow", "matplotlib", "statsmodels",
         "trafilatura", "pdfplumber", "docx", "jieba", "numpy", "httpx", "lxml")


def imported(*code_or_args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-X", "importtime", *code_or_args],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


@pytest.mark.parametrize("args", [["--help"], ["digest", "--help"], ["lint", "--help"],
                                  ["check", "--help"], ["--version"]])
def test_help_imports_no_heavy_library(args):
    names = imported("-m", "macrodesk", *args)
    assert "macrodesk.cli" in names  # the probe sees the package's own imports
    heavy = sorted({n.split(".")[0] for n in names} & set(HEAVY))
    assert not heavy, f"`macrodesk {' '.join(args)}` imports {heavy}"


def test_extractive_engine_loads_no_llm_engine():
    code = ("import sys\nfrom macrodesk.config import Config\n"
            "from macrodesk.engines import get_engine\n"
            "get_engine('extractive', Config())\nprint('\\n'.join(sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = set(proc.stdout.split())
    assert "macrodesk.engines.extractive" in names
    assert not {"openai", "macrodesk.engines.llm.engine", "macrodesk.engines.llm.client"} & names
