import json

import pytest

from assessment import load_instrument, score, to_json
from assessment._internal.result_code import encode
from assessment._internal.service import handle

ITEMS = [item.id for item in load_instrument("berakhlak-individu").items]


def ask(request):
    return json.loads(handle(json.dumps(request)))


def test_a_complete_request_returns_result_cli_json_and_view():
    answers = dict.fromkeys(ITEMS, 5)
    response = ask({"instrument": "berakhlak-individu", "answers": answers})
    assert response["ok"] is True
    assert response["result"] == score(load_instrument("berakhlak-individu"), answers)
    assert response["json"] == to_json(response["result"])
    assert 'data-overall-score="' in response["html"]


def test_an_incomplete_request_lists_the_missing_items():
    response = ask({"instrument": "berakhlak-individu", "answers": {"bp-1-a": 3}})
    assert response["ok"] is False
    assert response["error"]["missing"] == ITEMS[1:]


def test_malformed_requests_answer_with_an_error_not_an_exception():
    assert json.loads(handle("not json"))["ok"] is False
    assert json.loads(handle("[]"))["ok"] is False
    assert ask({"instrument": "tidak-ada", "answers": {}})["error"]["message"].startswith("instrumen 'tidak-ada'")


def error_of(request: str):
    response = json.loads(handle(request))
    assert response["ok"] is False
    assert "\n" not in response["error"]["message"]
    assert len(response["error"]["message"]) < 1000
    return response["error"]


def test_a_request_with_a_bom_is_scored():
    answers = dict.fromkeys(ITEMS, 4)
    response = json.loads(handle("\ufeff" + json.dumps({"instrument": "berakhlak-individu", "answers": answers})))
    assert response["ok"] is True


HUGE = 50_000_000


@pytest.mark.parametrize(
    ("request_text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "bersarangnya lebih dari 100 tingkat"),
        ('{"instrument": "berakhlak-individu", "answers": {"bp-1-a": 1' + "0" * 5000 + "}}", "terlalu panjang"),
        ('{"instrument": "' + "x" * HUGE + '", "answers": {}}', "instrumen 'xxx"),
        ('{"instrument": 5, "answers": {}}', "kolom 'instrument'"),
        ("{", "bukan JSON yang sah (baris 1, kolom 2)"),
    ],
)
def test_hostile_requests_answer_with_a_short_message(request_text, message):
    assert message in error_of(request_text)["message"]


def test_a_50_mb_answer_is_quoted_short():
    answers = {**dict.fromkeys(ITEMS, 4), "bp-1-a": "x" * HUGE}
    error = error_of(json.dumps({"instrument": "berakhlak-individu", "answers": answers}))
    assert error["invalid"]["bp-1-a"].startswith("harus bilangan bulat 1–5, bukan 'xxx")
    assert len(error["invalid"]["bp-1-a"]) < 100


def test_recap_action_on_pasted_lines() -> None:
    instrument = load_instrument("berakhlak-individu")
    code = encode(instrument, {item.id: 4 for item in instrument.items})
    request = {"instrument": instrument.id, "action": "recap", "lines": f"{code}\nSALAH\n{code}"}
    response = json.loads(handle(json.dumps(request)))
    assert response["ok"] is True
    assert response["recap"]["n"] == 1
    assert [p["line"] for p in response["recap"]["problems"]] == [2, 3]
    assert "data-recap-n" in response["html"]
    assert response["csv"].startswith("id;nilai;")
    assert json.loads(response["json"]) == response["recap"]


def test_recap_action_on_files_names_the_bad_one() -> None:
    request = {
        "instrument": "berakhlak-individu",
        "action": "recap",
        "files": [{"name": "rusak.json", "text": "{"}],
    }
    response = json.loads(handle(json.dumps(request)))
    assert response["recap"]["n"] == 0
    assert response["recap"]["problems"][0]["source"] == "rusak.json"
