import json

from assessment import load_instrument, score, to_json
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
