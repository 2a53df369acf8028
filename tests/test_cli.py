import csv
import json
import subprocess
import sys

import pytest

from assessment import load_instrument, score, to_json
from assessment._internal.cli import main

ITEMS = [item.id for item in load_instrument("berakhlak-individu").items]


def write(tmp_path, data, name="jawaban.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_score_prints_the_result_json(tmp_path, capsys):
    answers = {item: (i % 5) + 1 for i, item in enumerate(ITEMS)}
    assert main(["score", "--instrument", "berakhlak-individu", str(write(tmp_path, answers))]) == 0
    out = capsys.readouterr().out
    assert out == to_json(score(load_instrument("berakhlak-individu"), answers))


def test_list_and_validate(capsys):
    assert main(["list"]) == 0
    assert capsys.readouterr().out.startswith("berakhlak-individu\t")
    assert main(["validate"]) == 0
    assert "ok\tberakhlak-individu" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "bukan JSON yang sah"),
        ({"bp-1-a": 4}, "41 butir belum dijawab"),
        ([1, 2, 3], "objek"),
    ],
)
def test_bad_answers_exit_2_with_one_line(tmp_path, capsys, content, message):
    assert main(["score", "--instrument", "berakhlak-individu", str(write(tmp_path, content))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("galat: ")
    assert message in err


def test_unknown_instrument_and_missing_file(tmp_path, capsys):
    assert main(["score", "--instrument", "tidak-ada", str(write(tmp_path, {}))]) == 2
    assert "instrumen 'tidak-ada' tidak dikenal" in capsys.readouterr().err
    assert main(["score", "--instrument", "berakhlak-individu", str(tmp_path / "hilang.json")]) == 2
    assert "tidak dapat dibaca" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys):
    assert main(["hitung"]) == 2
    assert capsys.readouterr().err.startswith("galat: ")
    assert main(["score", "x.json"]) == 2


def test_validate_a_broken_file_names_file_item_and_reason(tmp_path, capsys):
    from tests.instrument_factory import MINIMAL

    broken = tmp_path / "rusak.toml"
    broken.write_text(MINIMAL.replace('id = "b"', 'id = "a"'), encoding="utf-8")
    assert main(["validate", str(broken)]) == 2
    assert f"galat: {broken}: butir 'a': id ganda" in capsys.readouterr().err


def run_module(*argv: str) -> subprocess.CompletedProcess[str]:
    """``python -m assessment ARGV`` in a new process."""
    return subprocess.run([sys.executable, "-m", "assessment", *argv], capture_output=True, text=True, check=False)


def test_module_entry_point_runs_without_traceback(tmp_path):
    run = run_module("score", "--instrument", "berakhlak-individu", str(write(tmp_path, "{}")))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("galat: 42 butir belum dijawab")


def test_answers_with_a_utf8_bom_are_accepted(tmp_path, capsys):
    answers = dict.fromkeys(ITEMS, 4)
    path = tmp_path / "jawaban.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(answers).encode())
    assert main(["score", "--instrument", "berakhlak-individu", str(path)]) == 0
    assert capsys.readouterr().out == to_json(score(load_instrument("berakhlak-individu"), answers))


HUGE = 50_000_000


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "bersarangnya lebih dari 100 tingkat"),
        ('{"bp-1-a": ' + "[" * 100_000 + "]" * 100_000 + "}", "bersarangnya lebih dari 100 tingkat"),
        ('{"bp-1-a": 1' + "0" * 5000 + "}", "bilangan yang terlalu panjang"),
        ('{"bp-1-a": "' + "x" * HUGE + '"}', "bp-1-a: harus bilangan bulat 1–5, bukan 'xxx"),
        ('{"bp-1-a": "' + "1" * HUGE + '"}', "bp-1-a: harus bilangan bulat 1–5, bukan '111"),
        ('{"' + "z" * HUGE + '": 4}', "butir tidak dikenal: zzz"),
        ('{"bp-1-a": 1' + "0" * 4000 + "}", "di luar skala 1–5: bilangan bulat 4001 digit"),
        ("\xff\xfe{}", "bukan teks UTF-8"),
        ("{}\n{", "bukan JSON yang sah (baris 2, kolom 1)"),
    ],
)
def test_hostile_answer_files_give_one_short_line(tmp_path, capsys, content, message):
    path = tmp_path / "jawaban.json"
    path.write_bytes(content.encode("latin-1") if content.startswith("\xff") else content.encode())
    assert main(["score", "--instrument", "berakhlak-individu", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("galat: ")
    assert err.count("\n") == 1
    assert message in err
    assert len(err) < 1000


def test_many_unknown_ids_are_counted_not_all_listed(tmp_path, capsys):
    answers = {**dict.fromkeys(ITEMS, 4), **{f"x-{n}": 4 for n in range(500)}}
    assert main(["score", "--instrument", "berakhlak-individu", str(write(tmp_path, answers))]) == 2
    err = capsys.readouterr().err
    assert "butir tidak dikenal: x-0, x-1, x-2, x-3, x-4, x-5, x-6, x-7, x-8, x-9 dan 490 lainnya" in err


def test_deep_json_through_the_module_entry_point_has_no_traceback(tmp_path):
    run = run_module("score", "--instrument", "berakhlak-individu", str(write(tmp_path, "[" * 200_000)))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1


# ---------------------------------------------------------------- CSV batches: files and output


def stray_quote_csv(tmp_path):
    from tests.test_batch_csv import stray_quote_file

    path = tmp_path / "responden.csv"
    path.write_bytes(stray_quote_file())
    return path


def test_csv_with_a_stray_quote_scores_every_other_row(tmp_path, capsys):
    out = tmp_path / "hasil.csv"
    argv = ["report", "--instrument", "berakhlak-individu", str(stray_quote_csv(tmp_path)), "--format", "csv"]
    assert main([*argv, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith('baris 3: sebuah sel diawali tanda petik (") yang tidak ditutup')
    assert "ringkasan: 5 dari 6 baris dinilai, 1 bermasalah" in err
    lines = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [line[:3] for line in lines[1:]] == [
        ["2", "Andi Baso", "ok"],
        ["3", '"Rahmat', "galat"],
        ["4", "Sitti Aminah", "ok"],
        ["5", "Muh. Arsyad", "ok"],
        ["6", "Nurul", "ok"],
        ["7", "Yusuf", "ok"],
    ]


def test_a_failed_write_leaves_the_earlier_output_untouched(tmp_path, capsys, monkeypatch):
    from assessment._internal import cli

    out = tmp_path / "hasil.csv"
    out.write_text("hasil lama\n", encoding="utf-8")

    def failing(batch, stream):
        stream.write("baris;responden\n")
        raise RuntimeError("disk penuh")

    monkeypatch.setitem(cli.BATCH_WRITERS, "csv", failing)
    argv = ["report", "--instrument", "berakhlak-individu", str(stray_quote_csv(tmp_path)), "--format", "csv"]
    with pytest.raises(RuntimeError):
        main([*argv, "-o", str(out)])
    assert out.read_text(encoding="utf-8") == "hasil lama\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil.csv", "responden.csv"]


def test_an_output_path_that_cannot_be_written_is_one_line(tmp_path, capsys):
    argv = ["report", "--instrument", "berakhlak-individu", str(stray_quote_csv(tmp_path)), "--format", "json"]
    assert main([*argv, "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("galat: ")
    assert "tidak dapat ditulis" in err
    assert err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["responden.csv"]
    assert main([*argv, "-o", str(tmp_path / "tidak-ada" / "x.json")]) == 2
    assert "tidak dapat ditulis" in capsys.readouterr().err


def test_the_written_file_keeps_usual_permissions(tmp_path, capsys):
    out = tmp_path / "hasil.json"
    argv = ["report", "--instrument", "berakhlak-individu", str(stray_quote_csv(tmp_path)), "--format", "json"]
    assert main([*argv, "-o", str(out)]) == 1
    assert out.stat().st_mode & 0o644 == 0o644
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["scored"] == 5
