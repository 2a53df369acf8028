from html.parser import HTMLParser

import markdown
import pytest

from assessment import InstrumentError, load_instrument
from scripts import assessment_markdown
from scripts.assessment_markdown import MarkerError


def convert(text: str) -> str:
    return str(markdown.markdown(text, extensions=["scripts.assessment_markdown"]))


class Radios(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.groups: dict[str, list[str]] = {}
        self.checked: list[str] = []
        self.legends = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input" and attributes.get("type") == "radio":
            self.groups.setdefault(attributes["name"], []).append(attributes["value"])
            if "checked" in attributes:
                self.checked.append(attributes["name"])
        if tag == "legend":
            self.legends += 1


def test_form_has_one_unselected_radio_group_per_item_with_scale_values():
    instrument = load_instrument("berakhlak-individu")
    parser = Radios()
    parser.feed(convert("Pengantar.\n\n[[asesmen berakhlak-individu]]\n\nPenutup."))
    assert list(parser.groups) == [item.id for item in instrument.items]
    assert all(values == ["1", "2", "3", "4", "5"] for values in parser.groups.values())
    assert parser.checked == []
    assert parser.legends == len(instrument.items)


def test_form_lives_in_a_form_element_with_a_submit_button():
    html = convert("[[asesmen berakhlak-individu]]")
    assert '<form class="asesmen-form"' in html
    assert 'type="submit"' in html
    assert 'id="bagian-akuntabel"' in html
    assert "<p><div" not in html


def test_behaviour_list_comes_from_the_instrument():
    html = convert("[[perilaku kompeten]]")
    for indicator in load_instrument("berakhlak-individu").dimensions[2].indicators:
        assert f"<li>{indicator.text}</li>" in html


def test_text_that_only_looks_like_a_marker_is_left_alone():
    assert "[[asesmen]] di tengah kalimat" in convert("Tulis [[asesmen]] di tengah kalimat.")


@pytest.mark.parametrize(
    ("marker", "message"),
    [("[[perilaku tidak-ada]]", "dimensi 'tidak-ada'"), ("[[asesmen tidak-ada]]", "instrumen 'tidak-ada'")],
)
def test_unknown_names_stop_the_build(marker, message):
    with pytest.raises((MarkerError, LookupError), match=message):
        convert(marker)


def test_a_broken_instrument_stops_the_build_with_file_item_and_reason(monkeypatch):
    def broken(_ident: str):
        raise InstrumentError("assessment/instruments/x.toml", "butir 'ak-1-a'", "kolom 'text' kosong")

    broken.cache_clear = lambda: None  # type: ignore[attr-defined]
    monkeypatch.setattr(assessment_markdown, "load_instrument", broken)
    with pytest.raises(InstrumentError, match=r"x\.toml: butir 'ak-1-a': kolom 'text' kosong"):
        convert("[[asesmen berakhlak-individu]]")
