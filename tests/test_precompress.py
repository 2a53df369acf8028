import gzip
import os

import brotli

from scripts.precompress import compress_brotli, compress_gzip, precompress


def test_compressible_files_get_identical_gz_and_br_copies(tmp_path):
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>Berorientasi Pelayanan</p>\n" * 200, encoding="utf-8")
    (tmp_path / "small.css").write_text("a{}", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG" + bytes(4000))
    sizes = precompress(tmp_path, cache=tmp_path.parent / f"{tmp_path.name}-cache")
    assert gzip.decompress((tmp_path / "a" / "index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress((tmp_path / "a" / "index.html.br").read_bytes()) == page.read_bytes()
    for name in ("small.css.gz", "small.css.br", "picture.png.gz", "picture.png.br"):
        assert not (tmp_path / name).exists()
    assert sizes.raw == page.stat().st_size
    assert 0 < sizes.brotli < sizes.gzip < sizes.raw


def test_an_incompressible_file_gets_no_copy_and_a_stale_one_is_removed(tmp_path):
    blob = tmp_path / "runtime.zip"
    blob.write_bytes(os.urandom(5000))
    (tmp_path / "runtime.zip.br").write_bytes(b"stale")
    sizes = precompress(tmp_path, cache=None)
    assert not (tmp_path / "runtime.zip.br").exists()
    assert sizes.brotli <= sizes.raw


def test_brotli_output_is_cached_by_content(tmp_path):
    data = b"Berorientasi Pelayanan " * 500
    first = compress_brotli(data, tmp_path)
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(b"from the cache")
    assert compress_brotli(data, tmp_path) == b"from the cache"
    assert brotli.decompress(first) == data


def test_gzip_copies_are_zopfli_smaller_than_zlib_cached_by_content_and_kept_apart_from_brotli(tmp_path):
    data = ("Berorientasi Pelayanan, Akuntabel, Kompeten; " * 40 + "Harmonis\n").encode() * 30
    packed = compress_gzip(data, tmp_path)
    assert gzip.decompress(packed) == data
    assert packed[4:8] == bytes(4)  # mtime 0: the same build gives the same bytes
    assert len(packed) <= len(gzip.compress(data, compresslevel=9, mtime=0))
    compress_brotli(data, tmp_path)
    entries = sorted(entry.name.rsplit("-", 1)[1] for entry in tmp_path.iterdir())
    assert entries == ["q11.br", "z5.gz"]
    (gz_entry,) = tmp_path.glob("*.gz")
    gz_entry.write_bytes(b"from the cache")
    assert compress_gzip(data, tmp_path) == b"from the cache"
