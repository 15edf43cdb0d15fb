"""Checks: pure functions over an Article or a Post that say what does not hold — the arithmetic
between an article's figures (`arithmetic`) and the post format, ETF cells and figure tracing
(`post`). Reading files is the use cases' job (`macrodesk.audit`)."""

# registers the relations found inside tables with check_article (see arithmetic.ARTICLE_FINDERS)
from macrodesk.checks import comparisons as _comparisons  # noqa: E402, F401
from macrodesk.checks import tables as _tables  # noqa: E402, F401
