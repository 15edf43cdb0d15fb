"""Round 14's two false alarms of the twenty-ninth blind set's first run, fixed: a part in a bracket
taken for the subject that grew (cfb123), and figures of two different things summed to a total
smaller than one of them (cfb590)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def test_the_subject_of_a_growth_is_the_level_before_its_bracket_of_parts():
    # cfb123: 7.5GW grew from 5GW by 50%; 1.5GW is one of its parts, closed in the bracket
    text = "而截至2019年末公司拥有电池片产能7.5GW（其中单晶Perc6GW左右，多晶电池1.5GW），相较于2018年末的5GW提升{g}；"
    (c,) = [c for c in check_text(text.format(g="50%")) if c.kind == "growth"]
    assert c.verdict == "consistent" and sorted(c.inputs[:2]) == ["5GW", "7.5GW"]
    # 5GW stands for 4.5-5.5GW, so 7.5 over it is 36%-68%: 80% misses it
    (c,) = [c for c in check_text(text.format(g="80%")) if c.kind == "growth"]
    assert c.verdict == "inconsistent" and "7.5GW" in c.relation


def test_a_figure_larger_than_the_total_is_no_part_of_it():
    # cfb590: 总计2819个 counts the molecules of the pipeline, not the 42万 compounds made
    text = "公司2022H1~2023H1合计完成42万个定制化合物，CDMO分子管线新增583个分子，总计2819个，包括56个商业化和59个临床III期项目。"
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]
    # a plain total of its parts is still judged, and a miss still refutes
    assert [c.verdict for c in check_text("线上收入 46.6 亿元，线下收入 69.6 亿元，合计 126.2 亿元。") if c.kind == "sum"] == ["inconsistent"]
