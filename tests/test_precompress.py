import gzip

from scripts.precompress import precompress


def test_compressible_files_get_an_identical_gz_copy(tmp_path):
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>Berorientasi Pelayanan</p>\n" * 200, encoding="utf-8")
    (tmp_path / "small.css").write_text("a{}", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG" + bytes(4000))
    before, after = precompress(tmp_path)
    assert gzip.decompress((tmp_path / "a" / "index.html.gz").read_bytes()) == page.read_bytes()
    assert not (tmp_path / "small.css.gz").exists()
    assert not (tmp_path / "picture.png.gz").exists()
    assert before == page.stat().st_size
    assert 0 < after < before
