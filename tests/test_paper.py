"""The paper questionnaire and the hand-scoring sheet: executing the printed procedure gives the site's indexes.

The test reads the HTML the markers produce the way a person reads the printed page: the numbers
and statements of the questionnaire, the numbered boxes of each value (``↺`` = reversed, ``×n`` =
multiplied), the reversal rule in the instructions, and the lookup tables by row (tens) and column
(units). It then follows the written steps with whole numbers and compares with ``assessment.score``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assessment import Instrument, load_instrument, parse_instrument, score
from scripts.assessment_markdown import MarkerError, render_hand_sheet
from scripts.hand_scoring import MAX_TABLE_ROWS, HandScoringError, hand_sheet
from tests.instrument_factory import MINIMAL, Spec, instrument_specs

INSTRUMENT_ID = "berakhlak-individu"


# ------------------------------------------------------------------------------- a tiny HTML tree


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag: str, **attrs: str) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag and all(
                    (child.attrs.get(k.replace("_", "-")) or "").split().count(v)
                    or child.attrs.get(k.replace("_", "-")) == v
                    for k, v in attrs.items()
                ):
                    found.append(child)
                found += child.find_all(tag, **attrs)
        return found

    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]


VOID = {"br", "hr", "img", "input", "meta", "link"}


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def tree(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def render(marker: str) -> Node:
    return tree(markdown.markdown(marker, extensions=["scripts.assessment_markdown"]))


# --------------------------------------------------------------------------- the printed procedure


@dataclass(frozen=True)
class PrintedSheet:
    reverse_base: int
    values: dict[str, tuple[list[tuple[int, bool, int]], int]]  # dimension title -> (boxes, value factor)
    value_tables: dict[str | None, dict[int, float]]  # None: the table shared by every value
    total_table: dict[int, float]


def read_grid(table: Node) -> dict[int, float]:
    """A lookup table read by row (tens, in the row header) and column (+unit)."""
    units = [int(th.text().strip().lstrip("+")) for th in table.find_all("thead")[0].find_all("th")[1:]]
    values = {}
    for row in table.find_all("tbody")[0].find_all("tr"):
        tens = int(row.find_all("th")[0].text())
        for unit, cell in zip(units, row.find_all("td"), strict=True):
            if cell.text().strip():
                values[tens + unit] = float(cell.text().strip().replace(",", "."))
    return values


def read_sheet(root: Node) -> PrintedSheet:
    sheet = root.find_all("div", **{"class": "lembar-skor"})[0]
    steps = sheet.find_all("ol")[0].text()
    base = re.search(r"tulis (-?\d+) − jawaban", steps)
    assert base, steps
    values = {}
    for row in sheet.find_all("table", **{"class": "lembar-skor__nilai"})[0].find_all("tbody")[0].find_all("tr"):
        if "lembar-skor__total" in row.attrs.get("class", ""):
            continue
        title = row.find_all("th")[0].text().strip()
        boxes = []
        for box in row.find_all("span", **{"class": "lembar-skor__kotak"}):
            label = box.text()
            number = int(re.match(r"\s*(\d+)", label)[1])  # type: ignore[index]
            factor = re.search(r"×(\d+)", label)
            boxes.append((number, "↺" in label, int(factor[1]) if factor else 1))
        cells = row.find_all("td")
        value_factor = re.fullmatch(r"×(\d+)", cells[-1].text().strip())
        values[title] = (boxes, int(value_factor[1]) if value_factor else 1)
    value_tables: dict[str | None, dict[int, float]] = {}
    for table in sheet.find_all("table", data_lookup="nilai"):
        caption = table.find_all("caption")[0].text()
        named = re.match(r"Tabel A \((.+?)\):", caption)
        value_tables[named[1] if named else None] = read_grid(table)
    total = read_grid(sheet.find_all("table", data_lookup="total")[0])
    return PrintedSheet(int(base[1]), values, value_tables, total)


def read_questionnaire(root: Node) -> dict[int, str]:
    """Questionnaire number -> statement text, as printed."""
    rows = root.find_all("table", **{"class": "kuesioner__tabel"})[0].find_all("tr")
    numbered = {}
    for row in rows:
        cells = row.find_all("td")
        if cells:
            numbered[int(cells[0].text())] = cells[1].text().strip()
    return numbered


def by_hand(printed: PrintedSheet, answers_by_number: dict[int, int]) -> tuple[dict[str, float], float]:
    """Follow the written steps: copy (reversed where ↺, times ×n), add, look up; add the sums, look up."""
    results, total = {}, 0
    for title, (boxes, value_factor) in printed.values.items():
        value_sum = sum(
            factor * (printed.reverse_base - answers_by_number[n] if reverse else answers_by_number[n])
            for n, reverse, factor in boxes
        )
        table = printed.value_tables.get(title) or printed.value_tables[None]
        results[title] = table[value_sum]
        total += value_factor * value_sum
    return results, printed.total_table[total]


def site_result(instrument: Instrument, answers: dict[str, int]) -> tuple[dict[str, float], float]:
    result = score(instrument, answers)
    titles = {d.id: d.title for d in instrument.dimensions}
    return {titles[d["id"]]: d["index"] for d in result["dimensions"]}, result["overall"]["index"]


# ------------------------------------------------------------------------------------------ tests


@pytest.fixture(scope="module")
def instrument() -> Instrument:
    return load_instrument(INSTRUMENT_ID)


@pytest.fixture(scope="module")
def questionnaire() -> dict[int, str]:
    return read_questionnaire(render(f"[[kuesioner {INSTRUMENT_ID}]]"))


@pytest.fixture(scope="module")
def printed() -> PrintedSheet:
    return read_sheet(render(f"[[lembar-skor {INSTRUMENT_ID}]]"))


def test_questionnaire_has_every_statement_once_in_the_form_order(instrument, questionnaire):
    assert list(questionnaire) == list(range(1, len(instrument.items) + 1))
    assert list(questionnaire.values()) == [item.text for item in instrument.items]


def test_questionnaire_has_a_box_per_scale_value_with_its_label(instrument):
    root = render(f"[[kuesioner {INSTRUMENT_ID}]]")
    header = [th.text() for th in root.find_all("th", **{"class": "kuesioner__skala"})]
    assert header == [f"{c.value}{c.label}" for c in instrument.scale.choices]
    rows = [r for r in root.find_all("tr") if "data-item" in r.attrs]
    assert len(rows) == len(instrument.items)
    assert all(len(r.find_all("td", **{"class": "kuesioner__kotak"})) == len(instrument.scale.choices) for r in rows)


def test_every_statement_has_exactly_one_box_on_the_sheet(instrument, printed):
    numbers = sorted(n for boxes, _ in printed.values.values() for n, _, _ in boxes)
    assert numbers == list(range(1, len(instrument.items) + 1))
    reversed_numbers = {n for boxes, _ in printed.values.values() for n, rev, _ in boxes if rev}
    assert reversed_numbers == {n for n, item in enumerate(instrument.items, 1) if item.reverse}


def test_the_shipped_sheet_needs_one_table_a_and_no_multiplication(printed):
    assert list(printed.value_tables) == [None]
    assert all(factor == 1 for boxes, vf in printed.values.values() for _, _, factor in boxes)
    assert all(vf == 1 for _, vf in printed.values.values())


@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
def test_same_answer_everywhere(instrument, printed, value):
    answers = {item.id: value for item in instrument.items}
    by_number = dict.fromkeys(range(1, len(instrument.items) + 1), value)
    assert by_hand(printed, by_number) == site_result(instrument, answers)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_printed_procedure_gives_exactly_the_sites_indexes(instrument, printed, data):
    answers = {item.id: data.draw(st.integers(1, 5), label=item.id) for item in instrument.items}
    by_number = {n: answers[item.id] for n, item in enumerate(instrument.items, 1)}
    assert by_hand(printed, by_number) == site_result(instrument, answers)


def _all_required(spec: Spec) -> Spec:
    return Spec(spec.toml.replace("required = false", "required = true"), spec.low, spec.high, spec.items)


@settings(max_examples=60, deadline=None)
@given(spec=instrument_specs().map(_all_required), data=st.data())
def test_the_procedure_stays_exact_for_other_weights_and_item_counts(spec, data):
    instrument = parse_instrument(spec.toml)
    try:
        hand_sheet(instrument)
    except HandScoringError as error:
        refused = str(error)
    else:
        refused = ""
    event("refused" if refused else "scored by hand")
    if refused:
        assert "terlalu panjang" in refused
        return
    printed = read_sheet(tree(render_hand_sheet(instrument)))
    answers = {item.id: data.draw(st.integers(spec.low, spec.high)) for item in instrument.items}
    by_number = {n: answers[item.id] for n, item in enumerate(instrument.items, 1)}
    assert by_hand(printed, by_number) == site_result(instrument, answers)


def test_a_sheet_with_optional_statements_is_refused():
    spec_toml = (
        'id = "x"\nversion = "1"\ntitle = "X"\n[scale]\nmin = 1\nmax = 5\n'
        'labels = ["a", "b", "c", "d", "e"]\n[[bands]]\nid = "b"\nlabel = "B"\nmin = 0\nmax = 100\nmeaning = "m"\n'
        '[[dimensions]]\nid = "d"\ntitle = "D"\n[[indicators]]\nid = "i"\ndimension = "d"\ntext = "I"\n'
        '[[items]]\nid = "a"\nindicator = "i"\ntext = "A"\n'
        '[[items]]\nid = "b"\nindicator = "i"\ntext = "B"\nrequired = false\n'
    )
    with pytest.raises(MarkerError, match="opsional: b"):
        render_hand_sheet(parse_instrument(spec_toml))


def test_tables_longer_than_a_page_can_hold_are_refused(instrument):
    sheet = hand_sheet(instrument)
    assert len(sheet.lookup) <= MAX_TABLE_ROWS
    heavy = MINIMAL.replace(
        'id = "d2"\ntitle = "Dimensi dua"\nweight = 3', 'id = "d2"\ntitle = "Dimensi dua"\nweight = 0.001'
    )
    with pytest.raises(HandScoringError, match="terlalu panjang"):
        hand_sheet(parse_instrument(heavy))


def test_unknown_instrument_in_a_paper_marker_stops_the_build():
    with pytest.raises(Exception, match="tidak-ada"):
        markdown.markdown("[[kuesioner tidak-ada]]", extensions=["scripts.assessment_markdown"])
