import gzip
import urllib.error
import urllib.request

import brotli
import pytest

from scripts import serve_site
from scripts.serve_site import accepted_encodings

TEXT = b"<p>Berorientasi Pelayanan</p>\n" * 100


@pytest.fixture
def server(tmp_path):
    (tmp_path / "index.html").write_bytes(TEXT)
    (tmp_path / "index.html.gz").write_bytes(gzip.compress(TEXT))
    (tmp_path / "index.html.br").write_bytes(brotli.compress(TEXT))
    (tmp_path / "only-gz.js").write_bytes(TEXT)
    (tmp_path / "only-gz.js.gz").write_bytes(gzip.compress(TEXT))
    (tmp_path / "plain.txt").write_bytes(TEXT)
    running = serve_site.start(tmp_path)
    yield f"http://127.0.0.1:{running.server_address[1]}/"
    running.shutdown()


def get(url, **headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.headers, response.read()


@pytest.mark.parametrize(
    ("accept", "coding", "decode"),
    [
        ("gzip, deflate, br, zstd", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
        ("br;q=0, gzip", "gzip", gzip.decompress),
        ("identity", None, bytes),
        ("", None, bytes),
    ],
)
def test_the_best_accepted_copy_is_sent(server, accept, coding, decode):
    headers, body = get(server, **{"Accept-Encoding": accept})
    assert headers["Content-Encoding"] == coding
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["Content-Type"] == "text/html"
    assert decode(body) == TEXT


def test_gzip_is_sent_where_there_is_no_brotli_copy_and_nothing_varies_without_copies(server):
    headers, body = get(server + "only-gz.js", **{"Accept-Encoding": "br, gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"] == "text/javascript"
    assert gzip.decompress(body) == TEXT
    headers, body = get(server + "plain.txt", **{"Accept-Encoding": "br, gzip"})
    assert headers["Content-Encoding"] is None
    assert headers["Vary"] is None
    assert body == TEXT


def test_a_revalidation_gets_304(server):
    headers, _ = get(server, **{"Accept-Encoding": "br"})
    request = urllib.request.Request(
        server, headers={"Accept-Encoding": "br", "If-Modified-Since": headers["Last-Modified"]}
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request)
    assert caught.value.code == 304


def test_accept_encoding_parsing():
    assert accepted_encodings("gzip, deflate, br, zstd") == {"gzip", "deflate", "br", "zstd"}
    assert accepted_encodings("br;q=0, GZIP;q=0.5") == {"gzip"}
    assert accepted_encodings("br;q=x") == set()
    assert accepted_encodings("") == set()
