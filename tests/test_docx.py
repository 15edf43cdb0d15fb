"""Word documents read like any other article; a broken one gets one clear error."""

import docx
import pytest

from macrodesk.errors import InputError
from macrodesk.readers import read_article


def make_docx(path):
    d = docx.Document()
    d.core_properties.title = "6月进出口数据点评"
    d.core_properties.author = "宏观组"
    d.add_heading("一、出口超预期", level=1)
    d.add_paragraph("6月出口同比+5.8%，主因对非美经济体出口韧性。进口同比+1.1%，内需回暖。")
    d.add_heading("二、风险提示", level=1)
    d.add_paragraph("国际贸易摩擦升级。")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "指标", "同比"
    t.cell(1, 0).text, t.cell(1, 1).text = "出口", "5.8%"
    d.save(path)


def test_docx_headings_text_and_tables(tmp_path):
    p = tmp_path / "note.docx"
    make_docx(p)
    art = read_article(p)
    assert art.title == "6月进出口数据点评" and art.author == "宏观组"
    heads = [x.text for x in art.paragraphs if x.kind == "heading"]
    assert heads == ["一、出口超预期", "二、风险提示"]
    figs = [f.text for s in art.sentences for f in s.figures]
    assert "+5.8%" in figs and "+1.1%" in figs
    assert any(s.kind == "table" and "5.8%" in s.text for s in art.sentences)


def test_corrupt_docx_is_one_clear_error(tmp_path):
    p = tmp_path / "broken.docx"
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(InputError, match="not a readable Word document") as info:
        read_article(p)
    assert "broken.docx" in str(info.value)
