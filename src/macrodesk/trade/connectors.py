"""Live data connectors: the Census International Trade API and FRED, each download cached as
Parquet under the macrodesk data directory so nothing is fetched twice."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import httpx
import pandas as pd

from macrodesk.config import home, load_config
from macrodesk.errors import DataError, FetchError
from macrodesk.text.files import atomic_write
from macrodesk.text.retry import Backoff, GaveUp, retry

CENSUS_URL = "https://api.census.gov/data/timeseries/intltrade/imports/hs"
FRED_CSV_URL = "https://fred.stlouisfed.org/graph/fredgraph.csv"
FRED_API_URL = "https://api.stlouisfed.org/fred/series/observations"
CENSUS_FIELDS = ("CTY_CODE", "CTY_NAME", "SUMMARY_LVL", "I_COMMODITY", "CON_VAL_MO",
                 "GEN_VAL_MO", "CAL_DUT_MO", "DUT_VAL_MO", "GEN_QY1_MO", "UNIT_QY1", "AIR_VAL_MO")
NUMERIC_SUFFIXES = ("_MO", "_YR")
CHAPTERS = tuple(f"{i:02d}" for i in range(1, 100) if i != 77)  # chapter 77 is reserved


def cache_dir() -> Path:
    """Where downloads are kept: <MACRODESK_HOME>/data/trade-cache."""
    return home() / "data" / "trade-cache"


def _write_parquet(df: pd.DataFrame, path: Path) -> None:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    atomic_write(path, buf.getvalue())


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        return pd.read_parquet(path)
    except (OSError, ValueError) as exc:
        raise DataError(f"cached download is unreadable: {exc}", source=str(path),
                        hint="delete the file to fetch it again") from exc


def _redact(url: str) -> str:
    u = httpx.URL(url)
    params = [(k, "***" if k.lower() in ("key", "api_key") else v) for k, v in u.params.multi_items()]
    return str(u.copy_with(params=params))


class _Http:
    """GET with retries on 5xx and transport errors; anything else is returned to the caller."""

    def __init__(self, client: httpx.Client | None, timeout: float, retries: int, backoff: float):
        self.client = client or httpx.Client(timeout=timeout, follow_redirects=True,
                                             headers={"User-Agent": "macrodesk"})
        self.retries = retries
        self.backoff = backoff

    def get(self, url: str, params: dict) -> httpx.Response:
        host = httpx.URL(url).host

        def once() -> httpx.Response:
            resp = self.client.get(url, params=params)
            if resp.status_code >= 500:
                raise _ServerError(f"HTTP {resp.status_code} {resp.reason_phrase} from {host}".rstrip())
            return resp

        def transient(exc: BaseException) -> bool:
            if isinstance(exc, _ServerError):
                return True
            # a name that does not resolve will not resolve on a retry
            return isinstance(exc, httpx.HTTPError) and not _network_cause(exc, host)[2]

        try:
            return retry(once, backoff=Backoff(self.retries, self.backoff), transient=transient)[0]
        except GaveUp as exc:
            attempts, error = exc.attempts, exc.last
        except httpx.HTTPError as exc:
            attempts, error = 1, exc
        if isinstance(error, httpx.HTTPError):
            last, hint, _ = _network_cause(error, host)
        else:
            last, hint = str(error), "the service is failing on its side; retry later or with a smaller query"
        where = _redact(str(httpx.URL(url, params=params)))
        raise FetchError(f"{last} (after {attempts} attempt{'s' if attempts > 1 else ''})",
                         source=where, hint=hint)


class _ServerError(Exception):
    """A 5xx answer: worth another attempt."""


def _network_cause(exc: httpx.HTTPError, host: str) -> tuple[str, str, bool]:
    """(what failed, how to fix it, whether retrying is pointless) for a transport error:
    DNS, a refused connection, a timeout, or another network failure."""
    text = str(exc)
    low = text.lower()
    if isinstance(exc, httpx.TimeoutException):
        return (f"timed out waiting for {host}", "the network or the service is slow; retry, or "
                "raise the timeout", False)
    if isinstance(exc, httpx.ConnectError):
        if any(k in low for k in ("name or service not known", "nodename nor servname",
                                  "getaddrinfo", "name resolution", "no address associated")):
            return (f"cannot resolve host {host} (DNS)", "check the network connection, the DNS "
                    "settings and the URL's host name", True)
        if "refused" in low:
            return (f"connection refused by {host}", "nothing listens at that address; check "
                    "the URL and port, or a proxy setting", False)
        return (f"cannot connect to {host}: {text}", "check the network connection or proxy",
                False)
    return (f"network error talking to {host}: {type(exc).__name__}: {text}",
            "check the network connection; retry later", False)


class CensusClient:
    """Census International Trade API, imports by HS: one call per chapter (a whole-month HS10
    query without a commodity filter answers 204), country groups dropped, values as numbers."""

    def __init__(self, key: str | None = None, base_url: str | None = None,
                 cache: Path | None = None, client: httpx.Client | None = None,
                 timeout: float = 60.0, retries: int = 2, backoff: float = 1.0):
        cfg = load_config().section("trade")
        self.key = key or os.environ.get("CENSUS_API_KEY") or cfg.get("census_key")
        self.base_url = base_url or cfg.get("census_url", CENSUS_URL)
        self.cache = cache or cache_dir() / "census"
        self.http = _Http(client, timeout, retries, backoff)
        self.requests = 0  # network calls made, for callers and tests to see caching work

    def query(self, params: dict) -> pd.DataFrame:
        """One API call; returns the rows as strings (empty frame on 204)."""
        full = dict(params)
        if self.key:
            full["key"] = self.key
        self.requests += 1
        resp = self.http.get(self.base_url, full)
        where = _redact(str(resp.request.url))
        if resp.status_code == 204 or not resp.content.strip():
            return pd.DataFrame(columns=str(params.get("get", "")).split(","))
        if resp.status_code >= 400:
            raise FetchError(f"HTTP {resp.status_code}: {resp.text[:200].strip()}", source=where,
                             hint="check the variable names and the time parameter")
        text = resp.text.lstrip()
        if text.startswith("<") or "html" in resp.headers.get("content-type", ""):
            # a keyless or bad-key call answers 200 with an HTML page, so check the shape
            raise FetchError("the Census API answered with an HTML page instead of data",
                             source=where,
                             hint="set CENSUS_API_KEY to a valid key (api.census.gov/data/key_signup.html)")
        try:
            rows = resp.json()
        except ValueError as exc:
            raise FetchError(f"answer is not JSON: {text[:120]!r}", source=where) from exc
        if (not isinstance(rows, list) or not rows or not all(isinstance(r, list) for r in rows)
                or any(len(r) != len(rows[0]) for r in rows)):
            raise FetchError("answer is not a JSON array of arrays with a header row", source=where)
        df = pd.DataFrame(rows[1:], columns=[str(c) for c in rows[0]])
        # predicate variables come back as extra columns, twice when also in get=
        return df.loc[:, ~df.columns.duplicated()]

    def imports(self, month: str, level: str = "HS10", chapters: tuple[str, ...] = CHAPTERS,
                fields: tuple[str, ...] = CENSUS_FIELDS, refresh: bool = False) -> pd.DataFrame:
        """All imports of `month` (YYYY-MM) at `level` (HS2/HS4/HS6/HS10), chapter by chapter,
        each chapter's answer cached; country groups (SUMMARY_LVL CGP) dropped, numeric fields
        converted. The all-country total rows (CTY_CODE '-') are kept; filter them as needed."""
        if level not in ("HS2", "HS4", "HS6", "HS10"):
            raise DataError(f"unknown commodity level {level!r}", hint="use HS2, HS4, HS6 or HS10")
        try:
            pd.Period(month, freq="M")
        except ValueError as exc:
            raise DataError(f"month {month!r} is not YYYY-MM") from exc
        tag = hashlib.sha1(",".join(fields).encode()).hexdigest()[:8]
        frames = []
        for ch in chapters:
            path = self.cache / level / month / f"ch{ch}-{tag}.parquet"
            if path.exists() and not refresh:
                frames.append(_read_parquet(path))
                continue
            df = self.query({"get": ",".join(fields), "COMM_LVL": level,
                             "I_COMMODITY": f"{ch}*", "time": month})
            df = self._tidy(df)
            _write_parquet(df, path)
            frames.append(df)
        frames = [f for f in frames if len(f)]
        if not frames:
            return self._tidy(pd.DataFrame(columns=list(fields)))
        return pd.concat(frames, ignore_index=True)

    @staticmethod
    def _tidy(df: pd.DataFrame) -> pd.DataFrame:
        if "SUMMARY_LVL" in df:
            df = df[df["SUMMARY_LVL"] != "CGP"]
        df = df.copy()
        for col in df.columns:
            if col.endswith(NUMERIC_SUFFIXES):
                df[col] = pd.to_numeric(df[col], errors="coerce").astype(float)
            else:
                df[col] = df[col].astype(str)
        return df.reset_index(drop=True)


def census_to_detail(df: pd.DataFrame, month: str | None = None,
                     value: str = "CON_VAL_MO") -> pd.DataFrame:
    """Census rows to the detail table the indicators take: period, hs10, partner, imports, duty
    (all-country total rows dropped)."""
    need = {"CTY_CODE", "I_COMMODITY", value, "CAL_DUT_MO"}
    if need - set(df.columns):
        raise DataError(f"Census table lacks {sorted(need - set(df.columns))}")
    d = df[df["CTY_CODE"].astype(str) != "-"]
    out = pd.DataFrame({"hs10": d["I_COMMODITY"].astype(str), "partner": d["CTY_CODE"].astype(str),
                        "imports": d[value].astype(float), "duty": d["CAL_DUT_MO"].astype(float)})
    if month or "time" in d:
        out.insert(0, "period", month or d["time"].astype(str))
    return out.reset_index(drop=True)


class FredClient:
    """FRED series: the keyless fredgraph CSV, or the JSON API when FRED_API_KEY is set."""

    def __init__(self, api_key: str | None = None, csv_url: str | None = None,
                 api_url: str | None = None, cache: Path | None = None,
                 client: httpx.Client | None = None, timeout: float = 30.0, retries: int = 2,
                 backoff: float = 1.0):
        cfg = load_config().section("trade")
        self.api_key = api_key or os.environ.get("FRED_API_KEY") or cfg.get("fred_key")
        self.csv_url = csv_url or cfg.get("fred_csv_url", FRED_CSV_URL)
        self.api_url = api_url or cfg.get("fred_api_url", FRED_API_URL)
        self.cache = cache or cache_dir() / "fred"
        self.http = _Http(client, timeout, retries, backoff)
        self.requests = 0

    def series(self, series_id: str, refresh: bool = False) -> pd.Series:
        """A monthly series indexed by YYYY-MM strings, cached as Parquet."""
        if not series_id.replace("_", "").isalnum():
            raise DataError(f"{series_id!r} is not a FRED series id")
        mode = "json" if self.api_key else "csv"
        path = self.cache / f"{series_id}-{mode}.parquet"
        if path.exists() and not refresh:
            df = _read_parquet(path)
        else:
            df = self._json(series_id) if self.api_key else self._csv(series_id)
            _write_parquet(df, path)
        s = pd.Series(df["value"].to_numpy(float), index=df["period"].astype(str), name=series_id)
        return s.dropna()

    def _csv(self, series_id: str) -> pd.DataFrame:
        self.requests += 1
        resp = self.http.get(self.csv_url, {"id": series_id})
        where = str(resp.request.url)
        if resp.status_code >= 400:
            raise FetchError(f"HTTP {resp.status_code} for series {series_id}", source=where,
                             hint="check the series id on fred.stlouisfed.org")
        text = resp.text
        if text.lstrip().startswith("<"):
            raise FetchError(f"FRED answered with an HTML page for {series_id}", source=where,
                             hint="check the series id")
        try:
            raw = pd.read_csv(io.StringIO(text), na_values=["."])
        except ValueError as exc:
            raise FetchError(f"answer is not CSV: {exc}", source=where) from exc
        if raw.shape[1] < 2 or raw.columns[0] not in ("observation_date", "DATE"):
            raise FetchError("answer is not a FRED CSV (date column, then the series)",
                             source=where)
        return self._frame(raw.iloc[:, 0], raw.iloc[:, 1])

    def _json(self, series_id: str) -> pd.DataFrame:
        self.requests += 1
        resp = self.http.get(self.api_url, {"series_id": series_id, "api_key": self.api_key,
                                            "file_type": "json"})
        where = _redact(str(resp.request.url))
        try:
            data = resp.json()
        except ValueError as exc:
            raise FetchError(f"answer is not JSON (HTTP {resp.status_code})", source=where) from exc
        if resp.status_code >= 400 or "error_message" in data:
            msg = data.get("error_message", f"HTTP {resp.status_code}")
            raise FetchError(f"FRED refused: {msg}", source=where,
                             hint="check FRED_API_KEY and the series id")
        obs = data.get("observations")
        if not isinstance(obs, list):
            raise FetchError("answer has no observations list", source=where)
        dates = pd.Series([o.get("date") for o in obs])
        values = pd.Series([o.get("value") for o in obs])
        return self._frame(dates, values)

    @staticmethod
    def _frame(dates: pd.Series, values: pd.Series) -> pd.DataFrame:
        d = pd.to_datetime(dates, errors="coerce")
        df = pd.DataFrame({"period": d.dt.strftime("%Y-%m"),
                           "value": pd.to_numeric(values, errors="coerce")})
        return df[d.notna().to_numpy()].reset_index(drop=True)
