"""Check the arithmetic of an article: the public API (`check_article`, `check_text`, `summarize`,
`CheckReport`, how a check is shown) and the order the finders of the sibling modules run in."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from macrodesk.checks.across import resolve_across
from macrodesk.checks.against_period import find_period_changes
from macrodesk.checks.amount_rate import find_amount_rates
from macrodesk.checks.averages import find_averages
from macrodesk.checks.balance_sheets import find_balance_sheets
from macrodesk.checks.balances import find_balances, find_table_balances
from macrodesk.checks.base_search import find_searched_bases
from macrodesk.checks.benchmark_gap import (
    find_benchmark_gaps,
    find_bracketed_benchmarks,
    find_named_spreads,
)
from macrodesk.checks.bins import find_bin_shares, find_residual_shares
from macrodesk.checks.bound_sums import find_bound_sums
from macrodesk.checks.bracket_base import find_bracket_bases
from macrodesk.checks.bracket_compares import find_bracket_compares
from macrodesk.checks.brackets import (
    find_bracket_shares,
    find_bracket_sums,
    find_item_totals_in_brackets,
)
from macrodesk.checks.clause_totals import find_clause_totals
from macrodesk.checks.comparisons import find_comparisons
from macrodesk.checks.concentration import find_concentrations
from macrodesk.checks.count_parts import find_count_parts
from macrodesk.checks.count_rates import find_completion_rates, find_count_rates, find_year_shares
from macrodesk.checks.count_splits import find_count_splits
from macrodesk.checks.counted_lists import find_counted_lists
from macrodesk.checks.dated_cagrs import find_dated_cagrs
from macrodesk.checks.dated_growths import find_dated_growths
from macrodesk.checks.decomposition import find_decompositions
from macrodesk.checks.defined_ratios import find_defined_ratios
from macrodesk.checks.dividends import find_dividends
from macrodesk.checks.entity_margins import find_entity_margins
from macrodesk.checks.entity_shares import find_entity_shares
from macrodesk.checks.expense_ratios import find_expense_ratios
from macrodesk.checks.expense_shares import find_expense_shares
from macrodesk.checks.fitted_breakdowns import find_fitted_breakdowns
from macrodesk.checks.fitted_ratios import find_fitted_ratios
from macrodesk.checks.framed import Framed, find_framed, framed_once, mark_margin_basis
from macrodesk.checks.frames import period_key
from macrodesk.checks.fx_conversions import find_fx_conversions
from macrodesk.checks.grown_to import find_grown_to
from macrodesk.checks.half_growths import find_half_growths
from macrodesk.checks.implied_benchmarks import find_implied_benchmarks
from macrodesk.checks.index_moves import find_index_moves
from macrodesk.checks.intervals import Interval, figure_interval, precision_unit
from macrodesk.checks.item_totals import find_item_totals
from macrodesk.checks.judging import SECTOR, VERDICTS, Check, Verdict, judge, unverifiable
from macrodesk.checks.last_year import find_last_year_growths
from macrodesk.checks.level_change import find_level_changes
from macrodesk.checks.level_moves import find_level_moves
from macrodesk.checks.list_changes import find_list_changes
from macrodesk.checks.load_factors import find_load_factors
from macrodesk.checks.margin_growths import find_margin_growths
from macrodesk.checks.margin_trading import find_margin_trading
from macrodesk.checks.margins import find_section_margins
from macrodesk.checks.market_caps import find_market_caps
from macrodesk.checks.metric_grid import find_metric_grids
from macrodesk.checks.months import find_february_growths
from macrodesk.checks.move_rates import find_move_rates
from macrodesk.checks.moves import find_moves
from macrodesk.checks.named_ratios import find_named_ratios
from macrodesk.checks.named_returns import find_named_returns
from macrodesk.checks.named_wholes import find_named_parts, find_named_wholes
from macrodesk.checks.named_years import find_named_years
from macrodesk.checks.net_flows import find_net_flows
from macrodesk.checks.net_splits import find_net_splits
from macrodesk.checks.opening_bases import find_opening_bases
from macrodesk.checks.orderings import find_orderings
from macrodesk.checks.pair_parts import find_pair_parts
from macrodesk.checks.parallel_lists import find_parallel_lists
from macrodesk.checks.part_growths import find_part_growths
from macrodesk.checks.part_shares import find_part_shares
from macrodesk.checks.pe_lists import find_pe_lists
from macrodesk.checks.pe_upsides import find_pe_upsides
from macrodesk.checks.per_share import find_per_share
from macrodesk.checks.period_means import find_period_means, find_week_means
from macrodesk.checks.phased_totals import find_phased_totals
from macrodesk.checks.previous_period import find_previous_period_growths
from macrodesk.checks.price_ratios import find_price_ratios
from macrodesk.checks.prior_levels import find_prior_levels
from macrodesk.checks.prior_rates import find_prior_rate_changes
from macrodesk.checks.quarter_lists import find_quarter_lists
from macrodesk.checks.quarter_margins import find_quarter_margins
from macrodesk.checks.quarters import find_half_sums, find_quarter_growths, find_segment_sums
from macrodesk.checks.range_growths import find_based_ranges, find_bracketed_ranges
from macrodesk.checks.rate_gaps import find_rate_gaps
from macrodesk.checks.ratio_changes import find_ratio_changes
from macrodesk.checks.relative_gaps import find_relative_gaps
from macrodesk.checks.revpar import find_revpars
from macrodesk.checks.scissors import find_scissors
from macrodesk.checks.segment_growths import find_segment_growths
from macrodesk.checks.segment_shares import find_segment_shares
from macrodesk.checks.sentence import FINDERS
from macrodesk.checks.share_counts import find_share_counts
from macrodesk.checks.share_lists import find_share_lists
from macrodesk.checks.share_moves import find_share_moves
from macrodesk.checks.share_pairs import find_share_pairs
from macrodesk.checks.share_trades import find_share_trades
from macrodesk.checks.sizing import find_sizings
from macrodesk.checks.slash_moves import find_slash_moves
from macrodesk.checks.slash_shares import find_slash_shares
from macrodesk.checks.span_cagrs import find_span_cagrs
from macrodesk.checks.split_shares import find_closing_shares, find_split_shares
from macrodesk.checks.stake_sums import find_stake_sums
from macrodesk.checks.stated_gaps import find_stated_gaps
from macrodesk.checks.sum_growths import find_sum_growths
from macrodesk.checks.table_bases import find_table_bases
from macrodesk.checks.table_cagr import find_table_cagrs
from macrodesk.checks.table_cells import prose_cells
from macrodesk.checks.table_comparisons import find_table_comparisons, find_table_excess_returns
from macrodesk.checks.table_periods import find_table_periods
from macrodesk.checks.table_products import find_table_products
from macrodesk.checks.table_rows import find_table_relations
from macrodesk.checks.table_shares import find_table_shares
from macrodesk.checks.table_sums import find_table_sums
from macrodesk.checks.table_text import (
    find_bin_counts,
    find_member_sums,
    find_table_restatements,
    find_table_totals,
    find_table_week_moves,
    find_text_restatements,
)
from macrodesk.checks.table_total_rows import find_table_total_rows
from macrodesk.checks.tables import find_table_checks
from macrodesk.checks.target_prices import find_target_prices
from macrodesk.checks.times_of import find_times_of
from macrodesk.checks.tokens import Cache, Para, Tok, build_para, figure_count
from macrodesk.checks.unit_margins import find_unit_margins
from macrodesk.checks.unit_prices import find_unit_prices
from macrodesk.checks.unit_values import find_unit_levels, find_unit_values
from macrodesk.checks.valuation import column_labels, find_valuation_relations, markdown_tables
from macrodesk.checks.volume_price import find_volume_prices
from macrodesk.checks.vs_changes import find_vs_changes
from macrodesk.checks.weighted_margins import find_weighted_margins
from macrodesk.checks.whole_article import across_sections
from macrodesk.checks.whole_frames import WholeFrames
from macrodesk.checks.word_comparisons import find_word_comparisons
from macrodesk.checks.worded import find_range_changes, find_uncounted
from macrodesk.checks.year_series import find_year_series
from macrodesk.checks.yield_spreads import find_yield_spreads
from macrodesk.models import Article, Sentence
from macrodesk.readers import article_from_text

# the names callers import from this module (the lower modules are where they are defined)
__all__ = [
    "VERDICTS", "Check", "CheckReport", "Interval", "Para", "Tok", "Verdict", "check_article",
    "check_text", "column_labels", "figure_interval", "find_table_relations", "find_table_shares",
    "find_valuation_relations", "judge", "markdown_tables", "period_key", "precision_unit",
    "recomputed_text", "risk_notes", "stated_unit", "summarize", "unverifiable",
]


def check_article(article: Article) -> list[Check]:
    """Every relation the article states between its figures, each with a verdict."""
    # The check makes some 10^5 short-lived containers per article, nearly all freed by their
    # reference counts, while its working set (tokens, frames, checks) stays alive to the end: the
    # cyclic collector, run every 700 allocations, rescanned that working set: about a tenth of the
    # check's time. It waits for the article's end instead (its few cycles are collected then).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _check_article(article)
    finally:
        if enabled:
            gc.enable()


def _check_article(article: Article) -> list[Check]:
    by_para: dict[int, list[Sentence]] = {}
    by_section: dict[tuple[int, str], list[Sentence]] = {}
    for s in article.sentences:
        if s.kind in ("table", "heading"):
            continue  # table rows joined by commas read like lists the author never summed
        by_para.setdefault(s.paragraph, []).append(s)
        by_section.setdefault((s.section_index, s.section), []).append(s)
    checks: list[Check] = []
    seen: set[tuple[str, str, object]] = set()

    errors: dict[tuple[str, str, str], Check] = {}
    row_ids = {s.id for s in article.sentences if s.kind == "table"}

    def keep(chk: Check) -> None:
        key = _keep_key(chk)
        if chk.verdict == "inconsistent" and key not in seen and chk.sentence_id not in row_ids:
            # the same error restated in another paragraph (a summary repeating the body) is one
            # relation; the sentence restating it is kept among the doubtful ones (table rows
            # of two companies may hold the same figures: they are not restatements)
            first = errors.setdefault((chk.kind, chk.stated, chk.relation), chk)
            if first is not chk:
                seen.add(key)
                first.input_sentences.append(chk.sentence)
                return
        if key not in seen:
            seen.add(key)
            chk.article = article.label
            checks.append(chk)

    cache: Cache = {}
    for index, sentences in by_para.items():
        if figure_count(sentences, cache) < 2:
            continue
        para = build_para(index, sentences, cache)
        for finder in FINDERS:
            for chk in finder(para):
                keep(chk)
    tables: dict[int, list[Sentence]] = {}
    for s in article.sentences:
        if s.kind == "table":
            tables.setdefault(s.paragraph, []).append(s)
    for rows in tables.values():
        for chk in find_table_relations(rows):
            keep(chk)
    if tables:
        table_rows = [s for rows in tables.values() for s in rows]
        for chk in find_valuation_relations(article.text, table_rows):
            keep(chk)
        prose = [s for s in article.sentences if s.kind in ("prose", "list")]
        for chk in find_table_shares(article.text, table_rows, prose):
            keep(chk)
    # a table cell holding a sentence of its own, read alone as prose (checks/table_cells.py); only its
    # judged relations: a cell's figures with no inputs are counted as the table's, that is not at all
    for cell in prose_cells(article):
        para = build_para(cell.paragraph, [cell], cache)
        if len(para.toks) < 2:
            continue
        for chk in [*(c for finder in FINDERS for c in finder(para)), *find_framed(para), *find_uncounted(para)]:
            if chk.verdict != "unverifiable":
                keep(chk)
    # the comparisons in words and the relations across a table's cells (checks/comparisons.py,
    # checks/tables.py), in the order they were registered in before
    for article_finder in (find_comparisons, find_table_checks):
        for chk in article_finder(article):
            keep(chk)
    # relations whose figures stand in different sentences or paragraphs of one section
    section_frames: list[tuple[Para, list[Framed]]] = []
    # readings in words that fit, or refute on certain inputs, kept over an earlier unverifiable one
    fits: list[Check] = []
    secs: list[Para] = []
    for sentences in by_section.values():
        sec = build_para(sentences[0].paragraph, sentences, cache)
        if len(sec.toks) >= 2:
            secs.append(sec)
        elif any("%" in s.text for s in sentences):
            # a section whose only figures are ranges ("预计…归母净利润 1.1-1.25 亿元，同比增长 22.88%-39.64%"):
            # its ranges still pair
            for chk in find_range_changes(sec):
                keep(chk)
    # a text with no headings that names no sector or sample is one company's research: its
    # paragraphs ("　　") are facets of one subject, not new subjects
    sector = bool(SECTOR.search(article.text))
    mark_margin_basis(secs, one_subject=not sector and not any(s.kind == "heading" for s in article.sentences),
                      sector=sector)
    for sec in secs:
        for chk in find_framed(sec):
            keep(chk)
        for chk in find_uncounted(sec):
            keep(chk)
            if chk.verdict == "consistent" or chk.verdict == "inconsistent" and chk.refutable:
                fits.append(chk)
        section_frames.append((sec, framed_once(sec)))
    if section_frames:
        headings = [(s.paragraph, s.text) for s in article.sentences if s.kind == "heading"]
        across_sections(section_frames, checks, headings, fits)
    # article-wide finders, one family each: inputs in another section (across.py), a quarter's
    # 环比 against H1 − Q2 (quarters.py), breakdowns adding up to 100% or closed by 其他 (bins.py),
    # volume × price, margins, bases a year back, parts with their growths, January, …
    whole = WholeFrames(article.sentences, cache)
    heading_levels = {p.index: p.level for p in article.paragraphs if p.kind == "heading"}
    _merge(checks, keep, article.label, [
        *resolve_across(article.sentences, checks, whole, heading_levels), *find_quarter_growths(article),
        *find_bin_shares(article), *find_decompositions(article), *find_section_margins(article),
        *find_scissors(article), *find_bracket_bases(article), *find_residual_shares(article),
        *find_last_year_growths(article), *find_previous_period_growths(article), *find_part_growths(article),
        *find_february_growths(article), *find_prior_rate_changes(article),
        *find_period_changes(whole), *find_benchmark_gaps(whole),
        *find_bound_sums(article), *find_level_changes(whole), *find_prior_levels(article, whole),
        *find_named_spreads(whole), *find_share_pairs(whole), *find_searched_bases(article),
        *find_bracketed_benchmarks(article), *find_orderings(article), *find_share_lists(article),
        *find_split_shares(article), *find_half_growths(article),
        *find_amount_rates(article), *find_half_sums(article), *find_segment_sums(article),
        *find_table_totals(article), *find_bin_counts(article), *find_member_sums(article),
        *find_table_cagrs(article), *find_table_comparisons(article), *find_table_excess_returns(article), *find_table_bases(article), *find_table_periods(article)])
    # wordings with no operator: bracketed parts and shares (brackets.py), balances, averages and
    # moves with their rate in a bracket
    _merge(checks, keep, article.label, [
        *find_bracket_sums(article), *find_bracket_shares(article), *find_item_totals_in_brackets(article), *find_balances(article), *find_table_balances(article),
        *find_averages(article), *find_moves(article), *find_level_moves(article),
        *find_year_series(article), *find_metric_grids(article), *find_margin_growths(article), *find_closing_shares(article),
        *find_part_shares(article), *find_stated_gaps(article),
        *find_defined_ratios(article), *find_balance_sheets(article),
        *find_period_means(article), *find_week_means(article), *find_segment_growths(article), *find_item_totals(article), *find_count_splits(article), *find_count_rates(article), *find_completion_rates(article), *find_year_shares(article), *find_table_week_moves(article),
        *find_expense_ratios(article), *find_entity_margins(article), *find_named_returns(article),
        *find_named_wholes(article), *find_move_rates(article), *find_dividends(article), *find_slash_shares(article), *find_pe_lists(article), *find_relative_gaps(article), *find_list_changes(article), *find_share_counts(article),
        *find_named_ratios(article), *find_price_ratios(article), *find_times_of(article), *find_share_moves(article), *find_named_parts(article), *find_concentrations(article),
        *find_table_sums(article), *find_table_total_rows(article), *find_table_products(article), *find_clause_totals(article),
        *find_count_parts(article), *find_quarter_lists(article), *find_slash_moves(article),
        *find_pair_parts(article), *find_weighted_margins(article), *find_quarter_margins(article), *find_span_cagrs(article), *find_dated_cagrs(article), *find_bracket_compares(article), *find_revpars(article),
        *find_entity_shares(article), *find_implied_benchmarks(article), *find_unit_values(article),
        *find_target_prices(article), *find_sizings(article), *find_unit_prices(article), *find_unit_margins(article),
        *find_load_factors(article), *find_expense_shares(article), *find_net_flows(article), *find_opening_bases(article), *find_pe_upsides(article), *find_per_share(article), *find_share_trades(article), *find_vs_changes(article), *find_word_comparisons(article), *find_phased_totals(article), *find_dated_growths(article),
        *find_parallel_lists(article), *find_bracketed_ranges(article), *find_fx_conversions(article), *find_stake_sums(article), *find_market_caps(article), *find_margin_trading(article), *find_net_splits(article), *find_segment_shares(article), *find_counted_lists(article), *find_rate_gaps(article), *find_based_ranges(article), *find_yield_spreads(article), *find_grown_to(article), *find_index_moves(article), *find_named_years(article)])
    # a table restating a figure of the text with its growth: the text's verdict, once it is judged
    _merge(checks, keep, article.label, find_table_restatements(article, checks))
    # and the text restating a table's figure with its growth: the table's verdict
    _merge(checks, keep, article.label, find_text_restatements(article, checks))
    # the points change of a ratio judged above, from its inputs' growths (derived)
    _merge(checks, keep, article.label, find_ratio_changes(article, checks))
    # and the growth of a total judged the sum of its parts, from the parts' growths (derived)
    _merge(checks, keep, article.label, find_sum_growths(article, checks))
    # last, totals and parts no rule paired, found by two fits (confirm-only: they fill gaps only)
    _merge(checks, keep, article.label, [*find_fitted_breakdowns(article), *find_fitted_ratios(article), *find_volume_prices(article),
                                         *find_unit_levels(article)])
    return checks


# a range as one stated figure: its low end, as a check of that end states it ("278.68%" of "278.68%-329.17%")
_RANGE_STATED = re.compile(r"^\s*([+\-]?\d+(?:\.\d+)?\s*(?:%|亿元|万元|元)?)\s*(?:-|至|到|~|～)\s*\d")


def _merge(checks: list[Check], keep: Callable[[Check], object], label: str, found: list[Check]) -> None:
    """Checks of the article-wide finders: each replaces an unverifiable check of the same sentence
    and stated figure, or a fit of a hedged reading when it is a certain fit (whose verdict may
    then refute), or is added."""
    where: dict[tuple[str, str], list[int]] = {}
    for i, ck in enumerate(checks):
        where.setdefault((ck.sentence_id, ck.stated), []).append(i)
    # the certain refutations among the found: a confirm-only fit of their figure gives way to them
    refuting: dict[tuple[str, str], list[Check]] = {}
    for ck in found:
        if ck.verdict == "inconsistent" and ck.refutable:
            refuting.setdefault((ck.sentence_id, ck.stated), []).append(ck)
    # an unverifiable range ("278.68%-329.17%") by its low end: a check of that end replaces it
    ranges = {(ck.sentence_id, m.group(1)): i for i, ck in enumerate(checks)
              if ck.verdict == "unverifiable" and (m := _RANGE_STATED.match(ck.stated))}
    spent: list[int] = []
    for chk in found:
        chk.article = label
        slots = where.get((chk.sentence_id, chk.stated), [])
        if (j := ranges.pop((chk.sentence_id, chk.stated.strip()), None)) is not None:
            if not slots:
                checks[j] = chk
                continue
            spent.append(j)  # the end's own slot takes it; the range's unverifiable check goes
        # a check of a table column or list item replaces only its own, else one of no column
        # (a figure written twice in a list, "PE 分别为 16、12、12", is two relations)
        key = _keep_key(chk)
        slot = next((j for j in slots if _keep_key(checks[j]) == key), None)
        if slot is None:
            # (a move against its verb stands beside the figure's own relation: never replaced by it)
            slot = next((j for j in slots if not _TABLE_COLUMN.search(checks[j].relation)
                         and not _WRONG_WAY.search(checks[j].relation)), None)
        if slot is None:
            if not any(_certain_over_fit(x, chk) for x in refuting.get((chk.sentence_id, chk.stated), [])):
                keep(chk)
        elif checks[slot].verdict == "unverifiable" or (
                not checks[slot].refutable and chk.refutable and chk.verdict == "consistent") \
                or _sharper(chk, checks[slot]) or _certain_over_fit(chk, checks[slot]):
            checks[slot] = chk
    for j in sorted(spent, reverse=True):
        del checks[j]


def _certain_over_fit(new: Check, old: Check) -> bool:
    """A certain refutation over a confirm-only fit of one figure from fewer inputs: "线下销售营收为5.90亿元，
    占营收比例的14.55%" fits 100% − 85.45% (the shares add up), but 5.90 over the 营收 35.19 / 85.45% implies
    is 14.33% (cft241): the fit of the shares alone hides the error in the levels."""
    return new.verdict == "inconsistent" and new.refutable and old.verdict == "consistent" and not old.refutable \
        and len(set(old.inputs)) < len(set(new.inputs))


def _sharper(new: Check, old: Check) -> bool:
    """A certain reading from other inputs that pin the result five times as tightly as the fit it
    misses: "投资收益10.88亿元；其中二季度…6.44亿元，环比一季度增长2亿元，增幅31%" fits 2 / (6.44 - 2)
    only because "2亿元" may be 1.5-2.5; Q1 = H1 - Q2 = 4.44 gives 45% (cfr315). (Two readings of
    the same inputs differ only in how loosely they read them: the looser stands.) A confirm-only
    fit proves nothing either way: "归母净利率为3%，同比-0.04pct" fits 3% × 1.0703 / 1.0628 only as
    "3%" may be 2.5-3.5%; 0.66 / 21.94 and their growths give -0.021 pct (cfr562)."""
    lo_n, hi_n, lo_o, hi_o = new.computed_low, new.computed_high, old.computed_low, old.computed_high
    if new.verdict != "inconsistent" or old.verdict != "consistent" or not new.refutable \
            or set(new.inputs) <= set(old.inputs) or None in (lo_n, hi_n, lo_o, hi_o):
        return False
    assert lo_n is not None and hi_n is not None and lo_o is not None and hi_o is not None
    return lo_o <= lo_n and hi_n <= hi_o and 5 * (hi_n - lo_n) < hi_o - lo_o


# a relation against the previous period (环比: "上期净利率", "上季度") rather than last year
_PREVIOUS_PERIOD = re.compile(r"上期|上季|上月|环比")


# the column a table check is about ("…; table: PE（倍） 2026E)", to the end: a label may hold
# brackets), or the item of a list ("…; list item: 3)")
_WRONG_WAY = re.compile(r" is a (?:rise|fall), written ")
_TABLE_COLUMN = re.compile(r"(?:table|list item): (.*?)\)?$")


def _keep_key(chk: Check) -> tuple[str, str, object]:
    """One check per stated figure of a sentence; a figure written twice in it ("净利率为 3.4%，同比
    增加 0.6 个百分点，环比增加 0.6 个百分点") is two relations when one is against the previous
    period and the other is not, and a table row's figure written in two columns ("| 8 | 10 | 10 |")
    or a list's written twice ("PE 分别为 16、12、12") is one relation per column or item."""
    if _WRONG_WAY.search(chk.relation):
        # a move against its verb ("由10.12%提升至9.88%") is an error beside the figure's own relation
        return chk.sentence_id, chk.stated, "direction"
    if chk.kind == "comparison":
        # a word compares once per benchmark ("跑赢沪深 300（涨幅 0.2%）、上证指数（跌幅 0.7%）")
        return chk.sentence_id, chk.stated, tuple(chk.inputs)
    twice = chk.sentence.count(chk.stated) > 1
    if twice and (column := _TABLE_COLUMN.search(chk.relation)):
        return chk.sentence_id, chk.stated, column.group(1)
    return chk.sentence_id, chk.stated, twice and bool(_PREVIOUS_PERIOD.search(chk.relation))


def check_text(text: str, *, source_name: str = "<text>") -> list[Check]:
    """Check a text that is not read from a file (a paste, a fetched page)."""
    return check_article(article_from_text(text, source_name=source_name))


def summarize(checks: Iterable[Check]) -> dict[str, object]:
    """Counts by verdict and by kind."""
    checks = list(checks)
    by_kind: dict[str, dict[str, int]] = {}
    for c in checks:
        by_kind.setdefault(c.kind, dict.fromkeys(VERDICTS, 0))[c.verdict] += 1
    out: dict[str, object] = {"checks": len(checks)}
    out.update({v: sum(1 for c in checks if c.verdict == v) for v in VERDICTS})
    out["by_kind"] = by_kind
    return out


@dataclass
class CheckReport:
    """The checks of a batch of files, the files that could not be read, and a summary."""

    checks: list[Check] = field(default_factory=list)
    articles: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        out = summarize(self.checks)
        out["articles"] = self.articles
        out["failed"] = len(self.failures)
        return out

    def to_json(self) -> dict[str, object]:
        keys = ("verdict", "kind", "stated", "computed", "inputs", "sentence", "paragraph",
                "relation", "gap", "computed_low", "computed_high", "note", "sentence_id", "article",
                "derived", "input_sentences")
        return {"checks": [c.model_dump(include=set(keys)) for c in self.checks],
                "summary": self.summary(), "failures": self.failures}


_LEADING_NUMBER = re.compile(r"^\s*[-+−－]?\s*[\d,.]+\s*")


def stated_unit(stated: str) -> str:
    """The unit a stated figure is written in ("126.1亿元" -> "亿元", "0.8 个百分点" -> "个百分点"):
    `computed` is expressed in it."""
    return _LEADING_NUMBER.sub("", stated).strip()


def recomputed_text(c: Check) -> str:
    """The recomputed value at the stated figure's precision, in its unit ("2.0个百分点")."""
    if not c.computed:
        return ""
    m = re.search(r"\d+(?:\.(\d+))?", c.stated)
    decimals = len(m.group(1)) if m and m.group(1) else 0
    value = float(c.computed)
    if c.computed_low is not None and c.computed_high is not None:
        value = (c.computed_low + c.computed_high) / 2
    return f"{value:.{max(decimals, 1 if abs(value) < 10 else 0)}f}{stated_unit(c.stated)}"


def risk_notes(checks: Iterable[Check]) -> list[str]:
    """One Chinese line per inconsistent relation, for a post's risk or data-check section."""
    notes = []
    for c in checks:
        if c.verdict == "inconsistent":
            value = recomputed_text(c)
            recomputed = f"按所给数据推算约为 {value}，" if value else "按所给数据，"
            notes.append(f"数据核对：原文“{c.sentence.strip()}”中 {c.relation}，"
                         f"{recomputed}与所述 {c.stated} 不符，引用前请核实。")
    return notes
