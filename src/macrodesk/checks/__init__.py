"""Checks: pure functions over an Article or a Post that say what does not hold — the arithmetic
between an article's figures (`arithmetic`) and the post format, ETF cells and figure tracing
(`post`). Reading files is the use cases' job (`macrodesk.audit`)."""
