"""Census and FRED connectors against a local HTTP server replaying answers in the real shapes."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from macrodesk.errors import FetchError
from macrodesk.trade.connectors import CensusClient, FredClient, cache_dir, census_to_detail

FIX = Path(__file__).parent / "fixtures"


class _Replay(BaseHTTPRequestHandler):
    hits: list[str] = []
    flaky: dict[str, int] = {}

    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, code: int, body: bytes = b"", ctype: str = "application/json"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(url.query).items()}
        type(self).hits.append(self.path)
        if url.path == "/census":
            if q.get("key") != "GOODKEY":
                return self._send(200, (FIX / "census_invalid_key.html").read_bytes(),
                                  "text/html;charset=utf-8")
            ch = q.get("I_COMMODITY", "")
            if ch == "01*":
                return self._send(200, (FIX / "census_hs10_ch01.json").read_bytes())
            if ch == "02*":
                return self._send(204)
            if ch == "03*":
                # fails once, then answers: the client must retry
                n = type(self).flaky.get("03", 0)
                type(self).flaky["03"] = n + 1
                if n == 0:
                    return self._send(500, b"<html>Internal Server Error</html>", "text/html")
                return self._send(200, (FIX / "census_hs10_ch03.json").read_bytes())
            return self._send(500, b"<html>Internal Server Error</html>", "text/html")
        if url.path == "/fredgraph.csv":
            if q.get("id") == "ISRATIO":
                return self._send(200, (FIX / "fred_ISRATIO.csv").read_bytes(), "text/csv")
            return self._send(404, b"<html>Not Found</html>", "text/html")
        if url.path == "/fred/series/observations":
            if q.get("api_key") != "FREDKEY":
                return self._send(400, (FIX / "fred_bad_key.json").read_bytes())
            return self._send(200, (FIX / "fred_BUSINV.json").read_bytes())
        return self._send(404, b"no route", "text/plain")


@pytest.fixture()
def server():
    _Replay.hits = []
    _Replay.flaky = {}
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Replay)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def _census(server, key="GOODKEY", retries=2):
    return CensusClient(key=key, base_url=f"{server}/census", retries=retries, backoff=0.0)


def test_census_loops_chapters_drops_groups_and_caches(server, monkeypatch):
    monkeypatch.delenv("CENSUS_API_KEY", raising=False)
    client = _census(server)
    df = client.imports("2025-06", chapters=("01", "02", "03"))
    # 3 chapters, chapter 03 failed once and was retried: 4 HTTP calls, 3 logical requests
    assert client.requests == 3
    assert len(_Replay.hits) == 4
    assert all("I_COMMODITY" in h for h in _Replay.hits)
    assert "CGP" not in set(df["SUMMARY_LVL"])  # EU and North America groups dropped
    assert set(df["CTY_CODE"]) == {"-", "1220", "2010", "5700", "4280", "5520"}
    assert df["CON_VAL_MO"].dtype == float and df["CON_VAL_MO"].sum() == pytest.approx(
        120e6 + 70e6 + 30e6 + 2e6 + 5e6 + 40e6 + 60e6)
    assert list(df.columns).count("I_COMMODITY") == 1
    # cached: each chapter (the empty 204 one too) is a Parquet file and is not fetched again
    files = sorted((cache_dir() / "census" / "HS10" / "2025-06").glob("*.parquet"))
    assert len(files) == 3 and str(files[0]).startswith(str(cache_dir()))
    again = _census(server)
    df2 = again.imports("2025-06", chapters=("01", "02", "03"))
    assert again.requests == 0 and len(_Replay.hits) == 4
    assert df2.equals(df)


def test_census_detail_table_drops_total(server):
    df = _census(server).imports("2025-06", chapters=("01", "03"))
    detail = census_to_detail(df)
    assert "-" not in set(detail["partner"])
    assert set(detail["period"]) == {"2025-06"}
    cn = detail[detail["partner"] == "5700"]
    assert cn["duty"].sum() / cn["imports"].sum() == pytest.approx(10.4e6 / 42e6)


def test_census_html_answer_means_missing_key(server, monkeypatch):
    monkeypatch.delenv("CENSUS_API_KEY", raising=False)
    with pytest.raises(FetchError) as err:
        _census(server, key=None).imports("2025-06", chapters=("01",))
    assert "HTML" in str(err.value) and "CENSUS_API_KEY" in str(err.value)
    assert not list(cache_dir().rglob("*.parquet"))  # nothing bad is cached


def test_census_key_from_environment_and_redacted(server, monkeypatch):
    monkeypatch.setenv("CENSUS_API_KEY", "GOODKEY")
    client = CensusClient(base_url=f"{server}/census", retries=0, backoff=0.0)
    with pytest.raises(FetchError) as err:
        client.imports("2025-06", chapters=("04",))  # this chapter always answers 500
    assert "500" in str(err.value) and "GOODKEY" not in str(err.value)
    assert len(_Replay.hits) == 1


def test_census_persistent_500_after_retries(server):
    with pytest.raises(FetchError) as err:
        _census(server, retries=2).imports("2025-06", chapters=("05",))
    assert "3 attempts" in str(err.value)
    assert len(_Replay.hits) == 3


def test_fred_csv_without_key_and_cache(server, monkeypatch):
    monkeypatch.delenv("FRED_API_KEY", raising=False)
    client = FredClient(csv_url=f"{server}/fredgraph.csv", api_url=f"{server}/nothing",
                        backoff=0.0)
    s = client.series("ISRATIO")
    assert list(s.index) == ["2025-01", "2025-02", "2025-03", "2025-05"]  # "." dropped
    assert s["2025-05"] == pytest.approx(1.38)
    assert (cache_dir() / "fred" / "ISRATIO-csv.parquet").exists()
    s2 = FredClient(csv_url=f"{server}/fredgraph.csv").series("ISRATIO")
    assert s2.equals(s) and len(_Replay.hits) == 1


def test_fred_csv_unknown_series(server, monkeypatch):
    monkeypatch.delenv("FRED_API_KEY", raising=False)
    with pytest.raises(FetchError, match="404"):
        FredClient(csv_url=f"{server}/fredgraph.csv", backoff=0.0).series("NOSUCH")


def test_fred_json_with_key(server, monkeypatch):
    monkeypatch.setenv("FRED_API_KEY", "FREDKEY")
    client = FredClient(api_url=f"{server}/fred/series/observations", csv_url=f"{server}/x")
    s = client.series("BUSINV")
    assert list(s.index) == ["2025-01", "2025-02", "2025-04"]
    assert s.iloc[-1] == 2590475
    assert "series_id=BUSINV" in _Replay.hits[0] and "file_type=json" in _Replay.hits[0]
    assert (cache_dir() / "fred" / "BUSINV-json.parquet").exists()


def test_fred_json_bad_key(server, monkeypatch):
    monkeypatch.setenv("FRED_API_KEY", "WRONG")
    with pytest.raises(FetchError) as err:
        FredClient(api_url=f"{server}/fred/series/observations").series("BUSINV")
    assert "not registered" in str(err.value) and "WRONG" not in str(err.value)


def test_cli_census_and_fred_use_config_urls(server, monkeypatch, tmp_path):
    import pandas as pd
    from typer.testing import CliRunner

    from macrodesk.cli import app

    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[trade]\ncensus_url = "{server}/census"\n'
                   f'fred_csv_url = "{server}/fredgraph.csv"\n', encoding="utf-8")
    monkeypatch.setenv("MACRODESK_CONFIG", str(cfg))
    monkeypatch.setenv("CENSUS_API_KEY", "GOODKEY")
    monkeypatch.delenv("FRED_API_KEY", raising=False)
    out = tmp_path / "june.parquet"
    res = CliRunner().invoke(app, ["trade", "census", "2025-06", "--chapters", "1,2",
                                   "--out", str(out)])
    assert res.exit_code == 0, res.output
    df = pd.read_parquet(out)
    assert len(df) == 5 and "CGP" not in set(df["SUMMARY_LVL"])
    res = CliRunner().invoke(app, ["trade", "fred", "ISRATIO", "--json"])
    assert res.exit_code == 0, res.output
    assert '"period": "2025-05"' in res.stdout
    monkeypatch.delenv("CENSUS_API_KEY")
    res = CliRunner().invoke(app, ["trade", "census", "2025-07", "--chapters", "1"])
    assert res.exit_code == 2 and "CENSUS_API_KEY" in res.output


def test_census_command_writes_the_file_and_prints_a_table_by_partner(server, monkeypatch, tmp_path):
    import json

    import pandas as pd
    from typer.testing import CliRunner

    from macrodesk import trade as T
    from macrodesk.cli import app
    from macrodesk.trade.data import partner_names

    monkeypatch.setattr(T, "CensusClient", lambda: _census(server))
    out = tmp_path / "june.csv"
    args = ["trade", "census", "2025-06", "--chapters", "01,02,03", "--out", str(out)]
    res = CliRunner().invoke(app, [*args, "--json"])
    assert res.exit_code == 0, res.output
    rows = pd.read_csv(out, dtype=str)
    detail = rows[rows["CTY_CODE"] != "-"]
    got = json.loads(res.stdout)
    assert got["units"]["imports"] == "美元" and got["units"]["etr_pct"] == "%"
    by = {r["partner"]: r for r in got["rows"]}
    china = partner_names()["5700"]
    want = detail[detail["CTY_CODE"] == "5700"]["CON_VAL_MO"].astype(float).sum()
    assert by[china]["imports"] == pytest.approx(want) and want > 0
    assert [r["imports"] for r in got["rows"]] == sorted((r["imports"] for r in got["rows"]), reverse=True)
    screen = CliRunner().invoke(app, args, env={"COLUMNS": "80"})
    assert screen.exit_code == 0 and "亿美元" in screen.output and china in screen.output
