"""Gates on the blind arithmetic ground truths, each listed by two annotators who had not
seen the checker's code or output, committed before its first run on them (NOTES in each folder).
Their first, blind runs (docs/check.md, "Blind sets") are the estimate for unseen text; rules
written since from their misses are general wordings, each tested on other reports too. A
regression gate now: floors only go up.

| set | first run: explicit recall, verdict accuracy, real errors |
|---|---|
| check_blind (round 4) | 134/183 = 0.732, 83/149 = 0.557, 1/32 |
| check_final (round 4) | 125/177 = 0.706, 56/144 = 0.389, 1/35 |
| check_fresh (round 5) | 132/251 = 0.526, 56/140 = 0.400, 0/29 |
| check_last (round 5) | 112/162 = 0.691, 65/128 = 0.508, 0/17 |
| check_seventh (end of round 5) | 86/117 = 0.735, 34/106 = 0.321, 1/23 |
| check_eighth (round 6, at 74ec3eb) | 82/177 = 0.463, 58/106 = 0.547, 1/24 |
| check_ninth (round 6, at a80da06) | 93/175 = 0.531, 66/109 = 0.606, 18/59 |
| check_tenth (round 6, at c221641) | 124/153 = 0.810, 104/126 = 0.825, 9/19 |
| check_eleventh (round 7, at 122f220) | 93/179 = 0.520, 38/101 = 0.376, 0/31 |
| check_twelfth (end of round 7, at cf7e6cb) | 92/136 = 0.676, 71/102 = 0.696, 0/5 |
| check_thirteenth (round 8, at 1c55b68) | 42/97 = 0.433, 31/55 = 0.564, 1/11 |
| check_fourteenth (round 8, at d8b741e) | 60/113 = 0.531, 35/73 = 0.479, 1/5 |
| check_fifteenth (round 9, at 17a079c) | 75/156 = 0.481, 58/77 = 0.753, 0/24 (one false alarm, since fixed) |
| check_sixteenth (round 9, at 17a079c) | 49/85 = 0.576, 43/53 = 0.811, 1/3 |
| check_seventeenth (round 9, at 0a5cf4f, after the round's rules) | 39/66 = 0.591, 21/43 = 0.488, 2/38 |
| check_eighteenth (round 10, at 24a7e04; 20 CFBenchmark company-research excerpts) | 94/170 = 0.553, 30/126 = 0.238, 0/17 (two false alarms, since fixed) |
| check_nineteenth (round 10, at 02ddc67, after the round's first company-research rules) | 100/136 = 0.735, 31/127 = 0.244, 1/16 (four false alarms, since fixed) |
| check_twentieth (round 10, at 9a6bdad, after most of the round's rules) | 78/130 = 0.600, 33/87 = 0.379, 1/17 (one false alarm, since fixed) |
| check_twentyfirst (round 10, at a60b028; 10 excerpts and 6 condensed reports) | 123/166 = 0.741, 69/136 = 0.507, 5/18 |
| check_twentysecond (round 10, at 15c88de, after the round's rules; 10 excerpts and 7 reports) | 58/95 = 0.611, 43/71 = 0.606, 1/13 (twelve false alarms, since fixed) |
| check_twentythird (round 11, at 6d930da, after the round's first five rules; 11 excerpts and 8 reports) | 60/76 = 0.789, 52/84 = 0.619, 0/17 (one false alarm, since fixed) |
| check_twentyfourth (round 11, at c365295, after all but the last three rules; 18 excerpts and 6 reports) | 48/76 = 0.632, 34/75 = 0.453, 3/16 (one false alarm, since fixed) |
| check_twentyfifth (round 12, at c5cf5e9, the round's start; 20 excerpts and 9 reports) | 95/212 = 0.448, 63/129 = 0.488, 0/35 (three false alarms, since fixed) |
| check_twentysixth (round 12, at 454b438, after the round's rules; 20 excerpts and 10 reports) | 96/150 = 0.640, 50/118 = 0.424, 2/21 (one false alarm, since fixed) |
| check_twentyseventh (round 12, at 216b02b, after the round's later rules; 21 excerpts and 10 reports) | 90/185 = 0.486, 40/108 = 0.370, 2/25 (four false alarms, since fixed) |
| check_twentyeighth (round 13, at 6149a66, after the round's family rules; 21 excerpts and 10 reports) | 55/135 = 0.407, 26/68 = 0.382, 0/20 (two false alarms, since fixed; 22/66 = 0.333 at the round's start) |
| check_twentyninth (round 14, at 6716b6b, after the round's rules; 24 excerpts and 10 reports) | 80/126 = 0.635, 43/88 = 0.489, 0/16 (two false alarms, since fixed; the same at the round's start) |
| check_thirtieth (round 15, at 906d6be, after the round's first rule; 20 excerpts and 10 reports) | 78/135 = 0.578, 42/87 = 0.483, 0/6 (two false alarms: one fixed, one adjudicated as written; the same at the round's start) |
| check_thirty_first (round 16, at 5745fdc, after the round's first two rules; 22 excerpts and 10 reports) | 91/146 = 0.623, 63/109 = 0.578, 1/18 (two false alarms, since fixed; 90/146, 61/108 = 0.565, 1/18 and the same two at the round's start) |
| check_thirty_second (round 17, at 0d31fbc, after the round's first rule; 22 excerpts and 10 reports) | 94/135 = 0.696, 71/107 = 0.664, 1/17 (no false alarm; the same at the round's start) |
| check_thirty_third (round 17, at 57bf2c7, after the round's first 24 rule commits; 24 excerpts and 10 reports) | 55/82 = 0.671, 50/79 = 0.633, 2/16 (one false alarm, since fixed; the same at the round's start) |
| check_thirty_fourth (round 18, at a54e5da, after the round's first six rule commits; 44 excerpts and 5 reports) | 84/129 = 0.651, 100/148 = 0.676, 4/32 (one false alarm, adjudicated as the 净利率 convention; 82/129, 98/146 = 0.671 at the round's start) |
| check_thirty_fifth (round 18, at d6bc9ed, after 15 rule commits; 48 excerpts and 8 reports) | 91/129 = 0.705, 100/162 = 0.617, 4/35 (one false alarm, since fixed; the same at the round's start) |
| check_thirty_sixth (round 19, at 49e5fb6, after the round's figure-reading commits; 48 excerpts and 5 reports) | 92/156 = 0.590, 104/151 = 0.689, 1/20 (no false alarm; the same at the round's start) |
| check_thirty_seventh (round 20, at 44e2e2b, after the round's first rule commit; 48 excerpts and 3 reports) | 99/138 = 0.717, 91/165 = 0.552, 0/15 (no false alarm; the same at the round's start) |
| check_thirty_eighth (round 20, at 55ca28d, after 33 rule commits; 42 excerpts and 8 reports) | 78/135 = 0.578, 100/147 = 0.680, 0/21 (no false alarm; 78/135, 97/146 = 0.664 at the round's start) |
| check_thirty_ninth (round 20, at 7303f50, after all the round's other rules; 48 excerpts and 4 reports) | 36/82 = 0.439, 106/129 = 0.822, 0/13 (no false alarm; the same at the round's start) |
| check_fortieth (round 21, at 702c5f4, the round's start, before any of its rules; 48 excerpts and 10 reports) | 57/104 = 0.548, 70/109 = 0.642, 0/21 (no false alarm) |
| check_forty_first (round 21, at 42de9d9, after all the round's rules but its last four; 48 excerpts and 10 reports) | 43/92 = 0.467, 56/76 = 0.737, 0/13 (no false alarm; the same at the round's start) |
| check_forty_second (round 22, at cb77b27, after the round's speed work and before its rules; 27 excerpts and 8 reports) | 9/19 = 0.474, 57/61 = 0.934, 0/1 (no false alarm; the same at the round's start) |
| check_forty_third (round 23, at 80ef0b4, before its rules; 23 + 10 excerpts and 5 reports) | 24/44 = 0.545, 19/32 = 0.594, 0/1 (no false alarm) |
| check_forty_fourth (round 24, at 4b4027b, the round's start, before its rules; 24 + 22 excerpts and 10 reports) | 32/55 = 0.582, 48/70 = 0.686, 0/12 (no false alarm) |
| check_forty_fifth (round 25, at 1b5fc41, the round's start, before its rules; 24 excerpts and 20 reports) | 49/87 = 0.563, 44/71 = 0.620, 0/14 (no false alarm) |
| check_forty_sixth (round 26, at 9a2a254, the round's start, before its rules; 30 reports) | 39/67 = 0.582, 51/69 = 0.739, 0/7 (no false alarm) |
| check_forty_seventh (round 27, at 6ab13c0, after round 26's rules, before its own; 30 reports) | 26/47 = 0.553, 17/38 = 0.447, 0/12 (no false alarm) |
| check_forty_eighth (round 28, at 475e605, the round's start, before its rules; 30 reports) | 26/45 = 0.578, 25/32 = 0.781, 0/9 (no false alarm) |
| check_forty_ninth (round 28, at 6007b83, after the round's first rules; 8 + 24 excerpts and 10 reports) | 13/25 = 0.520, 9/33 = 0.273, 0/7 (no false alarm) |
| check_fiftieth (round 29, at 67e9358, the round's start, before its rules; 34 excerpts of six CFBenchmark tasks read for the first time) | 101/140 = 0.721, 105/185 = 0.568, 0/15 (four false alarms: two fixed, two adjudicated as written) |
| check_fifty_first (round 29, at e69fd05, after the round's rules; 38 more excerpts of the six tasks) | 89/134 = 0.664, 85/138 = 0.616, 1/12 (five false alarms, since fixed) |
| check_fifty_second (round 30, at 7c87079, the round's start: dc41193's rules; 37 more excerpts of the six tasks) | 77/125 = 0.616, 85/146 = 0.582, 5/17 (four false alarms, since fixed) |
| check_fifty_third (round 30, at bb2305c, after the round's first rules; 55 more excerpts of the six tasks) | 65/120 = 0.542, 90/135 = 0.667, 2/10 (two false alarms, since fixed) |
| check_fifty_fourth (round 31, at 13d9496's rules, the round's first rules changing nothing on it; 61 more excerpts of the six tasks) | 51/115 = 0.443, 74/120 = 0.617, 0/14 (one false alarm, since fixed) |
| check_fifty_fifth (round 32, at acf5d4b, the round's start, before its rules; 66 more excerpts of the six tasks) | 57/100 = 0.570, 84/127 = 0.661, 1/11 (six false alarms: four fixed, two adjudicated as written) |
| check_fifty_sixth (round 32, at 1173077, after the round's first rules; 65 more excerpts of the six tasks) | 70/121 = 0.579, 85/106 = 0.802, 1/5 (two false alarms, since fixed) |
| check_fifty_seventh (round 33, at da00e8c, the round's start; 49 more excerpts of the six tasks) | 46/77 = 0.597, 77/100 = 0.770, 1/8 (one false alarm, adjudicated as the 净利率 convention) |
| check_fifty_eighth (round 33, at 1762aaa, after the round's first rules; 72 more excerpts of the six tasks) | 53/92 = 0.576, 87/116 = 0.750, 2/6 (two false alarms, since fixed) |
| check_fifty_ninth (round 34, at d1a8ddc, the round's start; 70 more excerpts of the six tasks) | 61/92 = 0.663, 93/119 = 0.782, 2/4 (one false alarm, since fixed) |
| check_sixtieth (round 34, at 4285d88, after the round's first rules; 61 more excerpts of the six tasks, annotated with the fifty-ninth) | 36/57 = 0.632, 82/103 = 0.796, 1/4 (three false alarms: two fixed, one adjudicated as the 净利率 convention) |
| check_sixty_first (round 34, at 80151b3, after the round's rules; 56 more excerpts of the six tasks) | 60/76 = 0.789, 76/103 = 0.738, 2/11 (no false alarm) |
| check_sixty_second (round 34, at 48edcd5, after the round's rules; 52 more excerpts of the six tasks) | 47/90 = 0.522, 62/68 = 0.912, 1/2 (two false alarms, since fixed) |
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from macrodesk.checks.truth import Score, load_truth, score_truth

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Floors:
    relations: int
    explicit: int
    recall: float
    found: int
    accuracy: float
    errors: int
    caught: int
    mutations: int
    mutation_recall: float
    articles: int = 10


FLOORS = {
    "check_blind": Floors(251, 183, 0.857, 185, 0.843, 32, 15, 188, 0.335),
    "check_final": Floors(242, 177, 0.96, 209, 0.894, 35, 26, 202, 0.445),
    # round 7 read "（CAGR6%）" glued to its word: 77-5 is found and unverifiable (its base is the
    # average of a "/"-pair), so 199/235 right became 200/237 (accuracy 0.847 -> 0.844)
    "check_fresh": Floors(277, 251, 0.92, 239, 0.853, 29, 14, 248, 0.5),
    "check_last": Floors(201, 162, 0.833, 155, 0.877, 17, 8, 184, 0.336),
    # round 29 reads 460's ；-chain of three inventories (20.8 + 7 + 7.4 = 35.2 亿㎡): 103/127 -> 104/127
    "check_seventh": Floors(177, 117, 0.829, 127, 0.826, 23, 11, 154, 0.376),
    "check_eighth": Floors(209, 177, 0.937, 190, 0.847, 24, 12, 184, 0.619),
    # round 8 kept both checks of a PE written twice in a row under a bracketed label ("PE（倍）
    # 2025E" and "PE（倍） 2026E" were one key): 159's 2026E PEs are found, 10 right (6 real errors)
    # and 3 actual-year PEs unverifiable where the annotator lists them wrong, so 142/165 right
    # became 152/178 (accuracy 0.861 -> 0.854)
    "check_ninth": Floors(209, 175, 0.937, 180, 0.866, 59, 40, 150, 0.553),
    # round 8: 121/134 -> 123/136; 397's 2025E PE written twice in its row is found by the key fix
    # above (an HK row priced against an actual year: unverifiable by design)
     "check_tenth": Floors(160, 153, 0.901, 140, 0.907, 19, 12, 141, 0.695),
    # round 10 reads a margin named before its change ("毛利率同比下降 4.4 个百分点至 72%"): four of 563's
    # margins are now found, and unverifiable (their inputs are not stated), so 101/131 right became
    # 101/135 (accuracy 0.771 -> 0.748) while explicit recall rose 123 -> 127/179
     "check_eleventh": Floors(205, 179, 0.715, 138, 0.797, 31, 16, 174, 0.316),
    "check_twelfth": Floors(151, 136, 0.889, 134, 0.85, 5, 1, 146, 0.568),
    "check_thirteenth": Floors(126, 97, 0.659, 79, 0.86, 11, 6, 115, 0.173),
    "check_fourteenth": Floors(157, 113, 0.769, 116, 0.836, 5, 2, 152, 0.289),
    "check_fifteenth": Floors(165, 156, 0.621, 102, 0.892, 24, 2, 137, 0.372),
     "check_sixteenth": Floors(93, 85, 0.705, 64, 0.875, 3, 1, 90, 0.377),
    "check_seventeenth": Floors(96, 66, 0.833, 79, 0.784, 38, 23, 58, 0.31),
    # round 10's set: company research (CFBenchmark excerpts), 20 articles from two annotators
    # round 16 lowered its mutation recall 52/239 -> 51/239 (0.217 -> 0.213): cfb230-2's mutated profit
    # (2.39亿元) was refuted over 口罩设备收入 2.76亿元, a segment's revenue, for "公司净利润率 8.0%"; the
    # margin is now over the company's revenue (23.85亿元) and, a bare 净利润率 beside a 归母 profit,
    # a misfit proves nothing. A right verdict for a wrong reason, not a floor
    "check_eighteenth": Floors(256, 170, 0.735, 186, 0.741, 17, 4, 239, 0.255, articles=20),
    # round 16 lowered its mutation recall 29/215 -> 28/215 (0.134 -> 0.130): cfr032-5's mutated export
    # revenue was refuted over 内销营收 1483.23 亿元, a sibling part with its own 占比, taken for the whole;
    # a level with a share of its own is no whole now. A right verdict for a wrong reason, not a floor
    # round 21 ends a 其中 list at the close of the bracket it stands in: cfr566-1 (2.98 亿元 = 24.28 亿元
    # × 12.29%) was matched only by the nonsense sum "1.15亿元 + 8.00亿元 = 2.98亿元" read past a
    # bracket of rates, so 91/152 matched became 91/151 (accuracy 0.599 -> 0.602). Not a floor
    "check_nineteenth": Floors(231, 136, 0.742, 152, 0.625, 16, 4, 215, 0.144, articles=20),
    "check_twentieth": Floors(182, 130, 0.676, 113, 0.707, 17, 3, 165, 0.169, articles=20),
    # (round 17 lowered its mutation recall 0.293 -> 0.288, a right verdict for a wrong reason: cfb242-1's
    # profit mutated to 45.8亿元 was refuted as a margin of 71.9亿元 over 7.5亿元, a profit above its
    # revenue, which no longer reads as a margin; round 18 is back at 0.293)
    "check_twentyfirst": Floors(202, 166, 0.897, 183, 0.819, 18, 6, 184, 0.331, articles=16),
    "check_twentysecond": Floors(136, 95, 0.642, 80, 0.75, 13, 1, 123, 0.211, articles=17),
    # round 11's sets: company research (CFBenchmark summary and risk excerpts) and condensed reports
    "check_twentythird": Floors(111, 76, 0.815, 93, 0.698, 17, 3, 94, 0.351, articles=19),
    "check_twentyfourth": Floors(132, 76, 0.763, 91, 0.681, 16, 3, 116, 0.232, articles=24),
    # round 12's set: summary and risk excerpts and condensed reports, first run at the round's start
     "check_twentyfifth": Floors(287, 212, 0.646, 176, 0.772, 35, 4, 252, 0.21, articles=29),
    # its second set, listed while the round's rules were written and first run after them
    "check_twentysixth": Floors(241, 150, 0.726, 145, 0.662, 21, 3, 217, 0.11, articles=30),
    # and its third, listed after the round's rules and first run on them
    # round 14's set, first run after the round's rules (which did not move it)
    "check_twentyninth": Floors(150, 126, 0.698, 97, 0.731, 16, 0, 134, 0.253, articles=34),
    "check_twentyeighth": Floors(208, 135, 0.548, 101, 0.653, 20, 1, 188, 0.159, articles=31),
    # round 15's set, first run after the round's first rules; cfb303's one false alarm is adjudicated
    # below (AS_WRITTEN)
    "check_thirtieth": Floors(178, 135, 0.785, 119, 0.781, 6, 2, 172, 0.313, articles=30),
    # round 16's set, first run after the round's first two rules (the same at the round's start
    # but for one ratio)
    "check_thirty_first": Floors(184, 146, 0.787, 137, 0.715, 18, 4, 166, 0.234, articles=32),
    # round 17's sets: first runs after the round's first rule (thirty-second) and its first 24
    # rule commits (thirty-third); the same at the round's start
     "check_thirty_second": Floors(162, 135, 0.777, 118, 0.813, 17, 3, 145, 0.241, articles=32),
    "check_thirty_third": Floors(131, 82, 0.756, 94, 0.829, 16, 3, 114, 0.157, articles=34),
     # round 18's sets: first runs after the round's first six rule commits (thirty-fourth; two relations
    # fewer found at the round's start) and after 15 (thirty-fifth; the same at the round's start);
    # the thirty-fourth's one false alarm is adjudicated below (AS_WRITTEN)
    "check_thirty_fourth": Floors(252, 129, 0.72, 164, 0.78, 32, 5, 220, 0.286, articles=49),
    "check_thirty_fifth": Floors(238, 129, 0.775, 175, 0.702, 35, 6, 203, 0.33, articles=56),
    "check_twentyseventh": Floors(233, 185, 0.6, 137, 0.656, 25, 7, 208, 0.105, articles=31),
    # round 19's set, first run after the round's figure-reading commits (the same at the round's start)
    "check_thirty_sixth": Floors(260, 156, 0.717, 173, 0.78, 20, 3, 240, 0.25, articles=53),
    # round 20's sets: first runs after the round's first rule commit (thirty-seventh; the same at the
    # round's start) and after 33 (thirty-eighth; 97/146 at the round's start)
    "check_thirty_seventh": Floors(253, 138, 0.847, 197, 0.852, 15, 1, 238, 0.378, articles=51),
    # round 29 reads cfr094's ；-chain of five store counts (1309家): 117/160 -> 118/160
    "check_thirty_eighth": Floors(263, 135, 0.629, 161, 0.782, 21, 3, 241, 0.286, articles=50),
    # and the thirty-ninth, first run after all the round's other rules (the same at its start)
    "check_thirty_ninth": Floors(227, 82, 0.585, 145, 0.862, 13, 1, 214, 0.406, articles=52),
    "check_fortieth": Floors(223, 104, 0.701, 136, 0.779, 21, 1, 202, 0.188, articles=58),
    "check_forty_first": Floors(172, 92, 0.532, 86, 0.767, 13, 2, 159, 0.169, articles=58),
    "check_forty_second": Floors(80, 19, 0.894, 74, 0.986, 1, 1, 79, 0.189, articles=35),
    "check_forty_third": Floors(72, 44, 0.84, 50, 0.78, 1, 1, 71, 0.352, articles=38),
    "check_forty_fourth": Floors(136, 55, 0.672, 76, 0.776, 12, 2, 124, 0.169, articles=56),
    "check_forty_fifth": Floors(136, 87, 0.655, 79, 0.721, 14, 0, 121, 0.256, articles=44),
    "check_forty_sixth": Floors(108, 67, 0.791, 83, 0.855, 7, 1, 101, 0.346, articles=30),
    "check_forty_seventh": Floors(92, 47, 0.638, 42, 0.5, 12, 1, 80, 0.15, articles=30),
    "check_forty_eighth": Floors(72, 45, 0.688, 43, 0.93, 9, 3, 63, 0.428, articles=30),
    "check_forty_ninth": Floors(68, 25, 0.56, 34, 0.294, 7, 0, 61, 0.065, articles=42),
    # round 29's set: fresh text (CFBenchmark's company, product, sector, event, sentiment and suggestion
    # excerpts), first run at the round's start; its four false alarms: two fixed, two adjudicated below
    "check_fiftieth": Floors(272, 140, 0.75, 190, 0.689, 15, 3, 241, 0.103, articles=34),
    # and its second, listed after the round's rules and first run on them
    "check_fifty_first": Floors(234, 134, 0.723, 146, 0.76, 12, 5, 212, 0.202, articles=38),
    # round 30's sets, more of the same six tasks: the first run at the round's start (dc41193's rules;
    # its four false alarms fixed), the second after the round's first rules
    "check_fifty_second": Floors(263, 125, 0.672, 159, 0.742, 17, 7, 235, 0.276, articles=37),
    "check_fifty_third": Floors(266, 120, 0.6, 144, 0.777, 10, 5, 237, 0.177, articles=55),
    "check_fifty_fourth": Floors(252, 115, 0.643, 145, 0.806, 14, 3, 233, 0.274, articles=61),
    # round 32's set, first run at the round's start (acf5d4b's rules); four false alarms fixed, two
    # adjudicated below
    "check_fifty_fifth": Floors(221, 100, 0.65, 135, 0.777, 11, 2, 197, 0.294, articles=66),
    # and its second, first run after the round's first rules (its two false alarms fixed)
    "check_fifty_sixth": Floors(184, 121, 0.619, 111, 0.855, 5, 2, 172, 0.325, articles=65),
    # round 33's set, first run at the round's start (da00e8c's rules); its one false alarm adjudicated
    # below (AS_WRITTEN)
    "check_fifty_seventh": Floors(201, 77, 0.61, 101, 0.861, 8, 3, 186, 0.241, articles=49),
    # and its second, first run after the round's first rules (its two false alarms fixed)
    "check_fifty_eighth": Floors(203, 92, 0.597, 116, 0.844, 6, 4, 192, 0.343, articles=72),
    # round 34's sets, annotated together before the round: the fifty-ninth first run at the round's start
    # (d1a8ddc's rules; its one false alarm fixed), the sixtieth after the round's first rules (4285d88;
    # two false alarms fixed, one adjudicated below: AS_WRITTEN)
    "check_fifty_ninth": Floors(183, 92, 0.815, 142, 0.887, 4, 2, 170, 0.358, articles=70),
    "check_sixtieth": Floors(159, 57, 0.701, 107, 0.859, 4, 2, 144, 0.388, articles=61),
    # and its third, annotated after the round's rules and first run on them (80151b3; no false alarm)
    "check_sixty_first": Floors(212, 76, 0.802, 107, 0.785, 11, 2, 193, 0.181, articles=56),
    # and its fourth, annotated after the round's rules up to 48edcd5 and first run on them (two false
    # alarms, fixed)
    "check_sixty_second": Floors(142, 90, 0.522, 68, 0.911, 2, 1, 134, 0.246, articles=52),
}
_SCORES: dict[str, Score] = {}


def _score(name: str) -> Score:
    if name not in _SCORES:
        _SCORES[name] = score_truth(HERE / name)
        print(f"\n{name}\n" + _SCORES[name].table())
    return _SCORES[name]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_blind_truth_is_what_its_notes_say(name: str) -> None:
    rels = load_truth(HERE / name)
    assert len(rels) >= FLOORS[name].relations and len({r.article for r in rels}) == FLOORS[name].articles
    for r in rels:
        assert (HERE / name / "articles" / f"{r.article}.md").is_file(), r.id


# Unlisted inconsistent verdicts adjudicated as inconsistencies of the text as written, each with
# why: the annotator left the sentence out, not the relation's arithmetic in. Matched by the
# relation the check writes; anything else unlisted and inconsistent is still a false alarm.
AS_WRITTEN = {
    "check_sixtieth": {
        # cfs145: "2022Q3公司净利率23.42%" below 归母 8.54亿元 / 36.36亿元 = 23.49% with no word of minorities
        # losing money: the round-12 convention cfe034, cfs017, cfs131 and cfr442 are adjudicated by; its
        # annotator listed no margin of the article
        "8.54亿元 / 36.36亿元 = 23.42%",
    },
    "check_fifty_seventh": {
        # cfe034: "毛利率和净利率分别为34.36%和12.67%" below 归母 1.47亿 / 11.14亿 = 13.20% with no word of
        # minorities losing money: the round-12 convention cfs017, cfs131 and cfr442 are adjudicated by.
        # (Its 净利率 "同增19.63pct" and "业绩扭亏" hint at a total profit that lost money last year; the
        # convention reads only words.) Its annotator listed no margin of the article
        "1.47亿 / 11.14亿 = 12.67%",
    },
    "check_fifty_fifth": {
        # cfg413: "净利率3.98%，较去年同期减少0.81pct" where 3.98% is 归母 1.02亿元 / 25.74亿元 and last year's
        # margin on the same basis, from the two growths beside them, is 4.60%: the change is -0.64pct.
        # The fifty-fourth's by54 lists the same reading as an error (cfg190-6); this annotator listed no
        # margin change of the article
        "3.98% - 上年 4.60%",
        # cfs017: "净利率17.03%" below 归母 3.61亿 / 20.30亿 = 17.78% with no word of minorities losing
        # money: the round-12 convention cfs131 and cfr442 are adjudicated by; its annotator listed no
        # margin of the article
        "3.61亿 / 20.30亿 = 17.03%",
    },
    "check_fiftieth": {
        # cfg537: "净利率为5.03%，同比增加1.63pct" where 5.03% is 归母 22.54亿元 / 447.7亿元 and last year's
        # margin on the same basis, from the two growths beside them, is 1.63%: the change written is
        # last year's level (the change is 3.40 points). Its annotator listed no margin of the article
        "= 1.63pct",
        # cfs131: "前三季度净利率12.02%" below 归母 1.42亿元 / 11.38亿元 = 12.48%, with no word of minorities
        # losing money: the round-12 convention the thirty-fourth's cfr442 is adjudicated by; its
        # annotator leaves plain 净利率 against 归母 profit out (NOTES_bl50.md)
        "1.42亿元 / 11.38亿元 = 12.02%",
    },
    "check_thirty_fourth": {
        # cfr442: "22H1净利率19.2%" against the only profit written, 归母 3.0亿元 over 15.1亿元 (19.87%). Its
        # annotator leaves out every plain 净利率 when only 归母 profit is given (NOTES_oo34.md); the
        # checker's convention (round 12) reads a single company's plain 净利率 below its 归母 ratio as
        # an error unless the text says its minorities lose money, as three earlier sets' annotators
        # listed it (cfb559-1, cfr014-6, cfb169-5)
        "3.0亿元 / 15.1亿元 = 19.2%",
    },
    "check_thirtieth": {
        # cfb303's opening sentence is scrambled in the source ("归母净利润公司发布5，753.9121年半年报");
        # as written it gives 扣非归母净利润 2.62亿元 two growths that disagree (+5,447.59万元 is 26%
        # on the level before it, not the 12.46% beside it). Its annotator read 2.62亿元 as revenue
        # and listed no relation of the sentence (NOTES_bb30.md).
        # (round 17: read by the rate of an amount change on its own basis, the same verdict)
        "5,447.59万元 / (2.62亿元 - (5,447.59万元)) = 12.46%",
    },
    "check_twelfth": {
        # 549 (round 24): "工业级碳酸锂价格从 6.51 万元 / 吨降至 7.25 万元 / 吨，9 月 5 日环比下跌 6.33%" and two more
        # lithium prices in the same sentence chain: each a fall to a higher price, as written (the
        # pairs are swapped or garbled; the falls beside them fit neither order). Its annotators listed no
        # relation of the 负极材料 bullet
        "6.51 万元 / 吨 → 7.25 万元 / 吨 is a rise, written 降至",
        "6.67 万元 / 吨 → 7.48 万元 / 吨 is a rise, written 降至",
        "6.28 万元 / 吨 → 8.05 万元 / 吨 is a rise, written 降至",
    },
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_no_false_alarm(name: str) -> None:
    adjudicated = AS_WRITTEN.get(name, set())
    assert [fa for fa in _score(name).false_alarms if not any(a in fa for a in adjudicated)] == []
    # and each adjudicated verdict is still given (else its entry is stale)
    assert all(any(a in fa for fa in _score(name).false_alarms) for a in adjudicated)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_recall_and_verdicts(name: str) -> None:
    score, floor = _score(name), FLOORS[name]
    assert score.explicit >= floor.explicit
    assert score.explicit_recall >= floor.recall
    assert score.found >= floor.found and score.verdict_accuracy >= floor.accuracy


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_real_errors_and_mutations(name: str) -> None:
    score, floor = _score(name), FLOORS[name]
    assert score.errors == floor.errors and score.errors_caught >= floor.caught
    assert score.mutations >= floor.mutations and score.mutations_caught / score.mutations >= floor.mutation_recall
