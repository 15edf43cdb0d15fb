"""Build the hostile articles of tests/hostile/fixtures/ from real research text.

Each fixture is a real report of ../shared/corpus/research_reports (913 condensed public
broker reports; source: repository Ronchy2000/Gator-Investment-Research, MIT, commit aba9bc58)
with payloads injected where a hostile page or feed would put them: the title, the opening of
the sentences a digest picks (those with figures), headings, and lines of their own. Run it
again to rebuild them:

    python tests/hostile/build_fixtures.py [../shared/corpus/research_reports]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "fixtures"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "research_reports"
REPORTS = ("147.md", "149.md", "274.md", "803.md")  # macro pieces named in the corpus README

# Markup that runs when it reaches a browser, Liquid or kramdown unescaped. Every payload ends in
# a marker (PWN<n>) so a test can see whether it ran, was shown, or vanished.
INLINE = [
    "<script>alert('PWN1')</script>",
    "<img src=x onerror=alert('PWN2')>",
    "<svg onload=alert('PWN3')>",
    "{{ site.title }}PWN4",
    "{% include PWN5.html %}",
    "[点此PWN6](javascript:alert(1))",
    "[点此PWN7](javascript&#58;alert(1))",
    "[点此PWN8](javascript&colon;alert(1))",
    "[点此PWN9](javascript&#x3A;alert(1))",
    "\\`<img src=x onerror=alert('PWN10')>\\`",
    "` <img src=x onerror=alert('PWN11')> `",
    "``<svg onload=alert('PWN12')>`",
    "<a href=\"javascript:alert(1)\" onclick=\"alert('PWN13')\">看</a>",
    "{: onclick=\"alert('PWN14')\"}",
    "$$\\href{javascript:alert(1)}{PWN15}$$",
    "<iframe src=\"javascript:alert('PWN16')\"></iframe>",
    "&lt;script&gt;alert('PWN17')&lt;/script&gt;",
    "\x1b[31mPWN18\x1b[0m",
]
BLOCKS = [
    "~~~",
    "<details open ontoggle=alert('PWN19')>",
    "```",  # never closed: nothing after it may be left unescaped
    "{::nomarkdown}<script>alert('PWN20')</script>{:/}",
    "[ref]: javascript:alert('PWN21')",
    "    <script>alert('PWN22')</script>",
]
TITLE = "<script>alert('PWN0')</script>{{ site.title }}\u202e标题 ` ~~~"


def hostile(text: str, k: int) -> str:
    head, sep, body = text.partition("\n---\n")
    if not sep:
        head, body = "", text
    # the title (front matter): a payload at its start, on one line, YAML-escaped
    head = re.sub(r'^title: "(.*)"$',
                  lambda m: 'title: "' + TITLE.replace('"', '\\"') + m.group(1) + '"',
                  head, count=1, flags=re.M)
    lines = body.split("\n")
    out, n = [], 0
    for line in lines:
        # a payload before every sentence with a figure: those are what digests pick
        if re.search(r"\d+(?:\.\d+)?\s*(?:%|个百分点|亿|万亿|美元|元)", line) and not line.startswith("#"):
            line = INLINE[(n + k) % len(INLINE)] + line
            n += 1
        out.append(line)
        if line.startswith("#") and n % 2 == 0:
            out.append("")
            out.append(BLOCKS[(n + k) % len(BLOCKS)])
            out.append("")
    return head + sep + "\n".join(out)


def main(corpus: Path = CORPUS) -> None:
    OUT.mkdir(exist_ok=True)
    for k, name in enumerate(REPORTS):
        text = (corpus / name).read_text(encoding="utf-8")
        (OUT / f"hostile_{name}").write_text(hostile(text, k), encoding="utf-8")
    print(f"wrote {len(REPORTS)} fixtures to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
