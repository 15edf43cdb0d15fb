"""The one exception tree of macrodesk: every failure a user can meet, each saying how to fix it."""

from __future__ import annotations

import re

# Control characters (ANSI escapes, newlines, bidi overrides) from a file name, a page or a
# server's answer: written as escapes, so a message is one line and cannot repaint a terminal.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: object) -> str:
    """`text` with every control character written as its escape (`\\x1b`, `\\n`)."""
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), str(text))


class MacrodeskError(Exception):
    """Base of every error macrodesk raises on purpose.

    `source` names the file, URL or setting the error is about, so a batch can report
    one readable line per failure and go on.
    """

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        self.message = message
        self.source = source
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"{self.source}: {self.message}" if self.source else self.message
        if self.hint:
            text += f" ({self.hint})"
        return visible(text)


class InputError(MacrodeskError):
    """An input cannot be read as an article: missing, empty, binary, undecodable, too large."""


class InsufficientMaterialError(MacrodeskError):
    """The sources hold too little to fill the post without padding or repeating."""


class ConfigError(MacrodeskError):
    """The configuration file or an environment variable holds a value macrodesk cannot use."""


class EngineError(MacrodeskError):
    """A digest engine failed (unknown name, or a backend that stayed down)."""


class FetchError(InputError):
    """A URL or feed could not be fetched: timeout, HTTP error, size limit, bad content."""


class StoreError(MacrodeskError):
    """The archive cannot be opened, migrated or written."""


class LLMError(EngineError):
    """An OpenAI-compatible endpoint refused or failed a request."""


class PublishError(MacrodeskError):
    """A post could not be published or delivered."""


class WriteError(MacrodeskError):
    """A file cannot be written: a read-only folder, no permission, or a full disk."""


class DataError(MacrodeskError):
    """A data file (trade data, ETF registry, scenario) is missing or malformed."""


class PostFormatError(InputError, PublishError):
    """A post file breaks the post format (front matter, table cells) so it cannot be read or
    published as it is."""
