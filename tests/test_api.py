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


def test_exported_names_never_shadow_submodules():
    import pkgutil
    import types

    submodules = {m.name for m in pkgutil.iter_modules(macrodesk.__path__)}
    clash = submodules & set(macrodesk.__all__) - {"trade"}
    assert not clash
    for name in macrodesk.__all__:
        getattr(macrodesk, name)
    from macrodesk import fetch, segment  # still the modules after every export resolved

    assert isinstance(fetch, types.ModuleType) and isinstance(segment, types.ModuleType)
