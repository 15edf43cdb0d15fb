"""The post format's one home: the front matter written by the renderer and by publish is the
same, reads back as written, and table cells survive a bare `|`."""

from datetime import datetime

import pytest

from macrodesk import spec
from macrodesk.errors import InputError, PublishError


def meta():
    return {"title": "macr_research_2025-12-23", "posttime": "2025-12-23 08:00:00 +0800",
            "layout": "post", "date": "2025-12-23 08:00:00 +0800",
            "sources": ['标题 "引号" <https://example.com/a>', "第二篇"]}


def test_front_matter_keys_in_spec_order_then_extras_then_liquid_off():
    text = spec.write_front_matter(meta())
    keys = [line.split(":", 1)[0] for line in text.strip().split("\n")[1:-1]]
    assert keys == ["layout", "title", "date", "posttime", "sources", "render_with_liquid"]
    assert "layout: post\n" in text and 'title: "macr_research_2025-12-23"' in text


def test_front_matter_round_trips():
    parsed, body = spec.split_front_matter(spec.write_front_matter(meta()) + "\n# 正文\n")
    assert parsed["sources"] == meta()["sources"] and parsed["render_with_liquid"] is False
    assert body.strip() == "# 正文"


def test_bad_front_matter_is_one_error_both_stages_understand():
    with pytest.raises(InputError) as info:
        spec.split_front_matter('---\ntitle: "a "b" c"\n---\n正文')
    assert isinstance(info.value, PublishError)
    assert spec.split_front_matter('---\ntitle: "a "b" c"\n---\n正文', strict=False) == ({}, "正文")
    with pytest.raises(InputError, match="lacks date, posttime"):
        spec.write_front_matter({"layout": "post", "title": "x"})


def test_cells_escape_and_split_back():
    cell = spec.escape_cell("息差 | 资产质量\n改善")
    assert cell == "息差 \\| 资产质量 改善"
    assert spec.split_cells(f"| 银行 | {cell} | 512800 |") == ["银行", "息差 | 资产质量 改善", "512800"]


def test_file_name_and_date_check():
    assert spec.post_filename("2025-12-23") == "2025-12-23-macr_research_2025-12-23.md"
    with pytest.raises(PublishError, match="bad post date"):
        spec.post_filename("2025-02-30")
    assert spec.yaml_value(datetime(2025, 1, 2, 3, 4, 5)) == '"2025-01-02 03:04:05"'
