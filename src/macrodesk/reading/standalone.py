"""Whether a sentence can stand alone as a post item: one rule set shared by the engines (which
must not write such items) and the post linter (which flags them in anyone's post)."""

from __future__ import annotations

import re

# A clause that opens on a connective or a pronoun points back to something the reader of a
# post never saw ("主要在于…": what is?; "其逻辑在于…": whose logic?).
_LOST_REFERENT = re.compile(
    r"^(?:主要在于|在于|其(?!他|余|中国|实)|[\u4e00-\u9fff]{0,3}逻辑(?:是|为|在于)|原因(?:是|在于)|"
    r"此外|另外|同时|与此同时|因此|所以|因而|由此|从而|进而|对此|为此|而且|并且|且|而(?!言)|但是|但|不过|"
    r"然而|可见|也就是说|换言之|即(?![使将便期时])|这(?!里)|该|此(?!前)|上述|前者|后者|一方面|另一方面|其中|对应|相应地?|"
    r"对比来看|相比之下|与之相比|除此之外|除此以外|再者|其次|最后|首先|第[一二三四五六七八九十]+(?=[，、,:：]))"
)
# a metric or change with no subject: "同比+4.5%…" (4.5% of what?)
_NO_SUBJECT = re.compile(r"^(?:同比|环比|较上[年月周季]|较去年|占比|增速|增幅|降幅|分别)[为是]?\s*[+\-−＋－\d增下上降回]")
_GLUED = re.compile(r"\d%\d|\d[%‰]\d")


def lost_referent(text: str) -> str:
    """The opening words that make an item depend on what came before it ("" when none)."""
    body = re.sub(r"^\W+", "", text.replace("**", "").strip())
    m = _LOST_REFERENT.match(body) or _NO_SUBJECT.match(body)
    return m.group(0) if m else ""


def stands_alone(text: str) -> bool:
    return not lost_referent(text)


def glued_figures(text: str) -> list[str]:
    """Figures run together with a following number ("12.3%2" from "12.3%[2]"): a footnote
    marker or a lost separator that changes what the figure says."""
    return [m.group(0) for m in _GLUED.finditer(text.replace("**", ""))]
