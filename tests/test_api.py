"""The public API: every name in macrodesk.__all__ resolves."""

import macrodesk


def test_all_names_resolve():
    for name in macrodesk.__all__:
        assert getattr(macrodesk, name) is not None, name


def test_unknown_name_is_an_attribute_error():
    try:
        macrodesk.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
