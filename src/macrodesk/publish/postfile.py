"""Reading a post file: its text and a label naming it, from a Post or a path, with one clear
error for a missing, unreadable or non-UTF-8 file."""

from __future__ import annotations

from pathlib import Path

from macrodesk.errors import InputError
from macrodesk.models import Post


def post_text(post: Post | str | Path) -> tuple[str, str]:
    """The whole text of a post and a label naming it, from a Post or a file path."""
    if isinstance(post, Post):
        return post.text, post.filename
    path = Path(post)
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except FileNotFoundError as exc:
        raise InputError("post file not found", source=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError("post file is not UTF-8 text", source=str(path),
                         hint="posts are written as UTF-8 Markdown") from exc
    except OSError as exc:
        raise InputError(f"cannot read post: {exc.strerror}", source=str(path)) from exc
