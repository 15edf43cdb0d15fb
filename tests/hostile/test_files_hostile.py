"""Hostile files: .docx and PDF bombs, truncated and deeply nested XML, UTF-16, NUL bytes past
the binary test's window, control characters in names, a full disk. Each is one line naming the
file, and the good files of a batch are still read."""

from __future__ import annotations

import errno
import io
import os
import zipfile
import zlib
from pathlib import Path

import pytest

from macrodesk.errors import InputError, MacrodeskError, WriteError
from macrodesk.readers import read_article, read_articles
from macrodesk.text.files import atomic_write

FIX = Path(__file__).resolve().parent / "fixtures"
REAL = FIX / "hostile_147.md"


def real_text() -> str:
    # the body of a real report (the fixture's front matter and payload lines dropped)
    body = REAL.read_text("utf-8").split("\n---\n", 1)[1]
    return "\n".join(x for x in body.split("\n") if x and "PWN" not in x and not x.startswith("|"))


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def rezip(data: bytes, change) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, change(info.filename, src.read(info.filename)))
        change(None, z)
    return out.getvalue()


def one_line(exc: BaseException, name: str) -> str:
    text = str(exc)
    assert "\n" not in text and name in text, text
    return text


def test_a_real_docx_is_read(tmp_path):
    p = tmp_path / "good.docx"
    p.write_bytes(docx_bytes(real_text().split("\n")))
    assert "核心" in read_article(p).text


def test_docx_bomb_is_refused_before_it_is_unpacked(tmp_path):
    def add_bomb(name, data):
        if name is None:  # 300 MB of zeros, about 300 KB packed
            data.writestr("word/media/bomb.bin", b"\0" * (300 << 20))
        return data
    p = tmp_path / "bomb.docx"
    p.write_bytes(rezip(docx_bytes(["标题", "正文"]), add_bomb))
    assert p.stat().st_size < 2 << 20
    with pytest.raises(InputError, match="expands beyond 256 MB") as err:
        read_article(p)
    one_line(err.value, "bomb.docx")


@pytest.mark.parametrize("kind", ["truncated", "deep"])
def test_broken_docx_xml_is_one_line(tmp_path, kind):
    def damage(name, data):
        if name == "word/document.xml":
            if kind == "truncated":
                return data[: len(data) // 2]
            return data.replace(b"<w:body>", b"<w:body>" + b"<w:p>" * 5000, 1)
        return data
    p = tmp_path / f"{kind}.docx"
    p.write_bytes(rezip(docx_bytes(real_text().split("\n")), damage))
    with pytest.raises(InputError) as err:
        read_article(p)
    one_line(err.value, f"{kind}.docx")


def pdf_with_stream(payload: bytes) -> bytes:
    stream = zlib.compress(payload, 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
            + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_pdf_stream_bomb_is_refused(tmp_path):
    p = tmp_path / "bomb.pdf"
    p.write_bytes(pdf_with_stream(b"0 0 m " * (60 << 20)))  # 360 MB of drawing operators
    assert p.stat().st_size < 3 << 20
    with pytest.raises(InputError, match="expands beyond 256 MB") as err:
        read_article(p)
    one_line(err.value, "bomb.pdf")


def test_utf16_with_bom_is_read(tmp_path):
    text = "# 美国核心CPI\n\n" + real_text()
    for codec, name in (("utf-16", "le.md"), ("utf-16-be", "be.md")):
        p = tmp_path / name
        raw = text.encode(codec)
        p.write_bytes(raw if codec == "utf-16" else b"\xfe\xff" + raw)
        art = read_article(p)
        assert "核心" in art.text and len(art.sentences) > 5


def test_nul_past_the_first_8_kb_is_refused(tmp_path):
    text = real_text()
    while len(text.encode()) < 9000:
        text += "\n" + real_text()
    p = tmp_path / "nul.md"
    p.write_bytes(text.encode()[:9000] + b"\x00\x00secret" + text.encode()[9000:9100])
    with pytest.raises(InputError, match="NUL") as err:
        read_article(p)
    one_line(err.value, "nul.md")


def test_control_characters_in_a_name_never_reach_the_terminal(tmp_path):
    p = tmp_path / "a\x1b[2J\x1b[31mred\nb\u202e.md"
    p.write_bytes(b"")
    with pytest.raises(InputError) as err:
        read_article(p)
    text = str(err.value)
    assert "\x1b" not in text and "\n" not in text and "\u202e" not in text
    assert "\\x1b[2J" in text and "\\n" in text


def test_a_batch_keeps_its_good_files(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# 标题\n\n" + real_text(), "utf-8")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    batch = read_articles([bad, good])
    assert len(batch.articles) == 1 and len(batch.failures) == 1
    one_line(batch.failures[0], "bad.docx")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_full_disk_or_read_only_folder_is_one_message(tmp_path, monkeypatch, code):
    def fail(*a, **k):
        raise OSError(code, os.strerror(code))
    monkeypatch.setattr(os, "fsync", fail)
    target = tmp_path / "post.md"
    with pytest.raises(WriteError) as err:
        atomic_write(target, "正文")
    assert isinstance(err.value, MacrodeskError)
    one_line(err.value, "post.md")
    assert not target.exists() and not list(tmp_path.glob(".post.md.*"))


def test_cli_digest_to_a_full_disk_is_one_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from macrodesk.cli import app

    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    src = tmp_path / "a.md"
    src.write_text((Path(__file__).resolve().parents[2] / "src" / "macrodesk" / "samples" /
                    "2026_china_economy_foreign_views.md").read_text("utf-8"), "utf-8")
    res = CliRunner().invoke(app, ["digest", str(src), "-o", str(tmp_path / "out.md")])
    assert res.exit_code == 2 and isinstance(res.exception, SystemExit)
    assert "disk is full" in res.output and "Traceback" not in res.output


@pytest.mark.parametrize("how", ["read-only", "file in the way"])
def test_daily_with_an_unwritable_home_is_one_message_before_publishing(tmp_path, monkeypatch,
                                                                        how):
    from macrodesk.config import Config
    from macrodesk.daily import run_daily
    from tests.test_publish import make_site

    site = make_site(tmp_path)
    if how == "read-only":
        home = tmp_path / "home"
        real_open = os.open

        def read_only(path, *a, **k):
            if str(path).startswith(str(home)):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS))
            return real_open(path, *a, **k)
        monkeypatch.setattr(os, "open", read_only)
    else:
        (tmp_path / "home").write_text("not a folder")
        home = tmp_path / "home" / "sub"
    cfg = Config(home=home, sections={"publish": {"site": str(site)}})
    with pytest.raises(WriteError) as err:
        run_daily("2025-12-24", config=cfg)
    one_line(err.value, ".lock")
    assert not list(site.rglob("*.md"))  # nothing was published
