"""The public API: every name in macrodesk.__all__ resolves, and no exported name anywhere in the
package shadows a submodule (a lazy export named like a module turns `pkg.mod` into a function
once resolved, or the module into something not callable)."""

import importlib
import pkgutil
import types

import macrodesk


def _packages() -> list[types.ModuleType]:
    found = [macrodesk]
    for info in pkgutil.walk_packages(macrodesk.__path__, "macrodesk."):
        if info.ispkg:
            found.append(importlib.import_module(info.name))
    return found


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


def test_no_export_shadows_a_submodule_in_any_package():
    packages = _packages()
    assert {p.__name__ for p in packages} >= {"macrodesk.trade", "macrodesk.archive",
                                              "macrodesk.readers", "macrodesk.engines"}
    for pkg in packages:
        submodules = {m.name for m in pkgutil.iter_modules(pkg.__path__)} - {"__main__"}
        exported = set(getattr(pkg, "__all__", ())) - ({"trade"} if pkg is macrodesk else set())
        assert not submodules & exported, (pkg.__name__, submodules & exported)
        for name in exported:
            getattr(pkg, name)
        # after every export resolved, each submodule is still the module
        for sub in submodules:
            mod = importlib.import_module(f"{pkg.__name__}.{sub}")
            assert getattr(pkg, sub) is mod, f"{pkg.__name__}.{sub}"


def test_trade_functions_stay_callable_after_their_modules_load():
    from macrodesk import trade

    importlib.import_module("macrodesk.trade.tariffcheck")
    importlib.import_module("macrodesk.trade.frontloading")
    assert callable(trade.frontload) and callable(trade.datacheck)
