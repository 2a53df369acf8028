from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest

from assessment import load_instrument, parse_instrument
from assessment._internal.cli import main
from assessment._internal.recap import read_lines, summarise
from assessment._internal.result_code import decode, encode
from tests.instrument_factory import MINIMAL

INSTRUMENT = load_instrument("berakhlak-individu")


def people(count: int, seed: int = 5) -> list[dict[str, int]]:
    rng = random.Random(seed)
    return [{item.id: rng.randint(1, 5) for item in INSTRUMENT.items} for _ in range(count)]


def test_code_prints_the_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = people(1)[0]
    source = tmp_path / "jawaban.json"
    source.write_text("\ufeff" + json.dumps(answers), encoding="utf-8")
    assert main(["code", "--instrument", INSTRUMENT.id, str(source)]) == 0
    code = capsys.readouterr().out.strip()
    assert decode(INSTRUMENT, code) == answers


def test_code_of_incomplete_answers_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "jawaban.json"
    source.write_text(json.dumps({"bp-1-a": 4}), encoding="utf-8")
    assert main(["code", "--instrument", INSTRUMENT.id, str(source)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("galat: ")
    assert error.count("\n") == 1


def test_recap_of_a_room_names_bad_lines_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    codes = [encode(INSTRUMENT, answers) for answers in people(6)]
    foreign = encode(parse_instrument(MINIMAL), {"a": 1, "b": 2, "c": 3, "d": 4})
    text = "\r\n".join([*codes, codes[2], foreign, "1234"])
    source = tmp_path / "kode-peserta.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["recap", "--instrument", INSTRUMENT.id, str(source), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    data = json.loads(out)
    expected = summarise(INSTRUMENT, *read_lines(INSTRUMENT, text, source="kode-peserta.txt"))
    assert data == json.loads(json.dumps(expected))
    assert data["n"] == 6
    assert [d["id"] for d in data["dimensions"]] == [d.id for d in INSTRUMENT.dimensions]
    assert "kode-peserta.txt baris 7: duplikat baris 3" in err
    assert "baris 8" in err
    assert "baris 9" in err


@pytest.mark.parametrize("fmt", ["md", "csv", "html"])
def test_recap_formats_write_files(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "kode.txt"
    source.write_text("\n".join(encode(INSTRUMENT, a) for a in people(3)), encoding="utf-8")
    target = tmp_path / f"rekap.{fmt}"
    assert main(["recap", "--instrument", INSTRUMENT.id, str(source), "--format", fmt, "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8-sig")
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        assert rows[-1][:3] == ["keseluruhan", "Indeks keseluruhan", "3"]
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
        assert "<span data-recap-n>3</span>" in text
    else:
        assert "Peserta direkap: **3**" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_recap_of_result_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = []
    for number, answers in enumerate(people(3), start=1):
        path = tmp_path / f"unit-{number}.json"
        document = {"instrument": {"id": INSTRUMENT.id, "version": INSTRUMENT.version}, "answers": answers}
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(str(path))
    broken = tmp_path / "rusak.json"
    broken.write_text('{"instrument": ', encoding="utf-8")
    args = ["recap", "--instrument", INSTRUMENT.id, *paths, str(broken), "--format", "json"]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["n"] == 3
    assert err.startswith("rusak.json: ")


def test_recap_of_a_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recap", "--instrument", INSTRUMENT.id, str(tmp_path / "tidak-ada.txt")]) == 2
    assert "tidak dapat dibaca" in capsys.readouterr().err
