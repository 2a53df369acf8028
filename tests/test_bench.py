"""The benchmark's pure helpers (scripts/bench_support.py): no browser, no timing."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from scripts.bench_support import (
    KINDS,
    ProcStat,
    Row,
    bytes_by_kind,
    cpu_seconds_used,
    format_bytes,
    format_ms,
    format_ratio,
    is_met,
    kind_of,
    median,
    parse_proc_stat,
    plain_page,
    ratio,
    render_table,
    subtree_ticks,
)

# A real line's shape: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
# utime stime cutime cstime priority nice ...
STAT = "4242 (chromium) S 4200 4200 4200 0 -1 4194560 9000 0 12 0 150 25 7 3 20 0 25 0 777 0 0"


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/assets/runtime/pyodide.asm.wasm", "wasm"),
        ("/assets/runtime/python_stdlib.min.zip", "stdlib zip"),
        ("/assets/runtime/python_stdlib.zip", "stdlib zip"),
        ("/assets/runtime/assessment.zip", "package"),
        ("/assets/runtime/pyodide.asm.mjs", "JS"),
        ("/assets/javascripts/bundle.a5f9d56c.min.js?v=1", "JS"),
        ("/assets/stylesheets/main.css", "CSS"),
        ("/asesmen/berakhlak/", "HTML"),
        ("/", "HTML"),
        ("/404.html#top", "HTML"),
        ("/search/search_index.json", "other"),
        ("/assets/images/favicon.png", "other"),
        ("/other.zip", "other"),
    ],
)
def test_kind_of(path: str, kind: str) -> None:
    assert kind_of(path) == kind


def test_bytes_by_kind_sums_per_kind_and_lists_every_kind() -> None:
    totals = bytes_by_kind(
        [("/a/pyodide.asm.wasm", 2000), ("/x.js", 10), ("/y.mjs", 5), ("/", 7), ("/p/", 3), ("/i.png", 1)]
    )
    assert list(totals) == list(KINDS)
    assert totals == {"wasm": 2000, "stdlib zip": 0, "JS": 15, "CSS": 0, "HTML": 10, "package": 0, "other": 1}


def test_parse_proc_stat_adds_own_and_reaped_children_ticks() -> None:
    assert parse_proc_stat(STAT) == ProcStat(4242, 4200, "chromium", 150 + 25 + 7 + 3)


def test_parse_proc_stat_comm_with_spaces_and_parentheses() -> None:
    line = STAT.replace("(chromium)", "(Web Content (x) )")
    stat = parse_proc_stat(line)
    assert (stat.pid, stat.ppid, stat.comm, stat.ticks) == (4242, 4200, "Web Content (x) ", 185)


def test_subtree_ticks_keeps_descendants_only_and_skips_the_driver_but_not_its_children() -> None:
    stats = [
        ProcStat(1, 0, "init", 999),
        ProcStat(10, 1, "python", 50),  # the benchmark itself: the root, not counted
        ProcStat(11, 10, "node-MainThread", 40),  # Playwright's driver: skipped
        ProcStat(12, 11, "chromium", 100),
        ProcStat(13, 12, "chromium", 20),
        ProcStat(14, 13, "chromium", 5),
        ProcStat(15, 10, "node", 3),
        ProcStat(20, 1, "chromium", 700),  # another user's browser
    ]
    assert subtree_ticks(stats, 10) == {12: 100, 13: 20, 14: 5}


def test_cpu_seconds_used_counts_new_processes_from_zero_and_drops_vanished_ones() -> None:
    before = {12: 100, 13: 20, 99: 40}  # 99 exits meanwhile
    after = {12: 180, 13: 20, 14: 70}  # 14 started meanwhile
    assert cpu_seconds_used(before, after, hz=100) == pytest.approx((80 + 0 + 70) / 100)


def test_ratio_and_its_format() -> None:
    assert ratio(1.5, 3.0) == 0.5
    assert math.isnan(ratio(1.0, 0.0))
    assert format_ratio(0.6789) == "0.68×"
    assert format_ratio(1.0) == "1.00×"
    assert format_ratio(float("nan")) == "–"


def test_formats_of_bytes_and_milliseconds() -> None:
    assert format_bytes(152) == "152 B"
    assert format_bytes(49_999) == "50.0 kB"
    assert format_bytes(4_203_456) == "4.203 MB"
    assert format_bytes(float("nan")) == "–"
    assert format_ms(1030.4) == "1,030 ms"
    assert format_ms(32_140) == "32.1 s"
    assert format_ms(float("nan")) == "–"


def test_is_met_at_the_target_and_never_when_unmeasured() -> None:
    assert is_met(0.5, 0.5) == "yes"
    assert is_met(0.51, 0.5) == "no"
    assert is_met(float("nan"), 0.5) == "no"


def test_median_of_nothing_is_nan() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert math.isnan(median([]))


def test_render_table_aligns_columns_under_a_header_and_rule() -> None:
    text = render_table([Row("first result", "1,030 ms", "965 ms", "1.07×", "≤ 1.05×", "no"), Row("bytes", "152 B")])
    lines = text.splitlines()
    assert lines[0].split() == ["measure", "value", "baseline", "ratio", "target", "met"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].index("1,030 ms") == lines[0].index("value") == lines[3].index("152 B")
    assert lines[2].endswith("no")
    assert lines[3].rstrip() == lines[3]


def test_plain_page_is_the_closest_in_size_without_a_form(tmp_path: Path) -> None:
    pages = {"form/": "data-instrument " + "x" * 1000, "small/": "x" * 100, "near/": "x" * 900, "far/": "x" * 5000}
    for folder, text in pages.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(text, encoding="utf-8")
    assert plain_page(tmp_path, 1000) == tmp_path / "near" / "index.html"
    assert plain_page(tmp_path / "form", 1000) is None
