import codecs

import pytest

from khabar.errors import InputError
from khabar.ingest.read import decode_bytes, read_input

ARABIC = "قال وزير الخارجية العراقي أمس إن بغداد ستستضيف القمة في آذار المقبل.\nوأضاف أن الوفود بدأت بالوصول."


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        ARABIC.encode("utf-16"),
        ARABIC.encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
        ARABIC.encode("cp1256"),
        ARABIC.encode("iso8859_6"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be", "cp1256", "iso8859-6"],
)
def test_decodes_common_arabic_encodings(tmp_path, data):
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    raw = read_input(str(p))
    assert raw.text == ARABIC


def test_crlf_becomes_lf():
    text, enc = decode_bytes("سطر\r\nسطر".encode("utf-8"), "x")
    assert text == "سطر\nسطر" and enc == "utf-8"


def test_forced_encoding():
    text, enc = decode_bytes("بغداد".encode("cp1256"), "x", "cp1256")
    assert text == "بغداد"


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "is empty"),
        (b"   \n\t ", "is empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200 + bytes(range(40)), "binary"),
    ],
)
def test_bad_inputs_name_the_file_and_reason(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_input(str(p))
    assert str(p) in str(err.value) and reason in str(err.value)


def test_missing_directory_and_too_large(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_input(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_input(str(tmp_path))
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(InputError, match="limit"):
        read_input(str(big), max_bytes=1024)


def test_unknown_encoding_name(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(ARABIC.encode("utf-8"))
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_input(str(p), encoding="klingon")


def test_html_main_text_and_metadata(tmp_path):
    body = "".join(f"<p>{line} وهذه جملة إضافية لتطويل الفقرة بما يكفي للاستخراج.</p>" for line in ARABIC.split("\n"))
    html = (
        "<html lang='ar' dir='rtl'><head><title>قمة بغداد</title>"
        "<meta property='article:published_time' content='2024-03-02T10:00:00Z'></head>"
        f"<body><nav>الرئيسية | أخبار | رياضة</nav><article><h1>قمة بغداد</h1>{body}</article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    raw = read_input(str(p))
    assert "ستستضيف القمة" in raw.text
    assert "جميع الحقوق محفوظة" not in raw.text
    assert raw.title == "قمة بغداد"
    assert raw.published is not None and raw.published.isoformat() == "2024-03-02"


def test_copyright_year_is_not_a_publication_date(tmp_path):
    body = "".join(f"<p>{line} وهذه جملة إضافية لتطويل الفقرة بما يكفي للاستخراج.</p>" for line in ARABIC.split("\n"))
    html = f"<html lang='ar'><head><title>قمة</title></head><body><article>{body}</article><footer>© 2023 جميع الحقوق محفوظة</footer></body></html>"
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    assert read_input(str(p)).published is None


def test_sidecar_metadata(tmp_path):
    import json as _json

    from khabar.ingest.read import read_sidecar

    art = tmp_path / "story-2024-01-05.txt"
    art.write_text(ARABIC, encoding="utf-8")
    assert read_sidecar(str(art)) == {}
    (tmp_path / "story-2024-01-05.meta.json").write_text(_json.dumps({"published": "2024-01-05", "title": "قمة", "extra": 1}), encoding="utf-8")
    assert read_sidecar(str(art)) == {"published": "2024-01-05", "title": "قمة"}
    (tmp_path / "story-2024-01-05.meta.json").write_text('{"published": "05/01/2024"', encoding="utf-8")
    assert read_sidecar(str(art)) == {}  # broken JSON never stops the article
