"""The journey workbook: written by export, read back unchanged, malformed ones located by cell."""

from __future__ import annotations

import datetime
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from lifeevents.errors import InputError
from lifeevents.formats.journey_file import load
from lifeevents.library.builtin import builtin_journeys
from lifeevents.model.life_event import Authority, Evidence, LifeEvent
from profiles import examples
from strategies import life_events

openpyxl = pytest.importorskip("openpyxl")

from lifeevents.export.workbook_reader import check_workbook, read_workbook, validate_workbook  # noqa: E402
from lifeevents.export.xlsx import workbook_bytes  # noqa: E402

SAMPLE = load("geburt")


def _keeps(text: str) -> bool:
    """Text a cell carries unchanged: no control characters (XML cannot hold them) and, in
    lists of texts, no line breaks (they separate the items)."""
    return text.isprintable() and not text.startswith("=") and text == text.strip()


def _cell_safe(life_event: LifeEvent) -> bool:
    texts: list[str] = [life_event.name]
    for step in life_event.steps:
        texts += [step.name, *step.pain_points, *step.sources]
        texts += [value for value in (step.notes, step.legal_basis, step.name_en) if value]
    parts: list[Authority | Evidence] = [
        *life_event.authorities.values(),
        *life_event.evidence.values(),
    ]
    for part in parts:
        texts += [part.name, *part.sources]
    for persona in life_event.personas.values():
        texts += [str(value) for value in persona.attributes.values() if isinstance(value, str)]
    return all(_keeps(text) for text in texts)


@settings(max_examples=examples(25))
@given(life_events())
def test_workbook_round_trip_is_lossless(life_event: LifeEvent) -> None:
    if not _cell_safe(life_event):
        return
    assert read_workbook(workbook_bytes(life_event), "x.xlsx", regions={}) == life_event


@pytest.mark.parametrize("name", list(builtin_journeys()))
def test_builtin_journeys_round_trip(name: str) -> None:
    life_event = load(name)
    result = validate_workbook(workbook_bytes(life_event), f"{name}.xlsx")
    assert result.ok, [str(problem) for problem in result.problems]
    assert result.model == life_event


def _book(change: Any) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(SAMPLE)))
    change(book)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _errors(raw: bytes) -> list[str]:
    result = check_workbook(raw, "journey.xlsx")
    assert result.model is None
    return [str(problem) for problem in result.errors]


def test_unknown_channel_names_the_cell_and_the_id() -> None:
    def change(book: Any) -> None:
        book["Schritte"]["C7"] = "vor ort"

    assert _errors(_book(change)) == [
        "journey.xlsx: Schritte!C7: unknown channel 'vor ort'; did you mean 'in_person'?"
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda b: setattr(b["Schritte"], "title", "Schritt"),
            "Schritt!A1: unknown sheet 'Schritt'; did you mean 'Schritte'?",
        ),
        (lambda b: b["Schritte"].merge_cells("B3:B4"), "Schritte!B3: merged cells"),
        (lambda b: b["Schritte"].__setitem__("B5", "=A5"), "Schritte!B5: a formula (=A5)"),
        (
            lambda b: b["Schritte"].__setitem__("B6", datetime.datetime(2024, 5, 1)),
            "Schritte!B6: a date where name text belongs",
        ),
        (
            lambda b: b["Behörden"].__setitem__("C2", "Gemeinde"),
            "Behörden!C2: unknown level 'Gemeinde'; did you mean 'gemeinde'?",
        ),
        (lambda b: b["Schritte"].__setitem__("F3", "gibtsnicht"), "Schritte!F3:"),
        (
            lambda b: b["Schritte"].__setitem__("A1", "idd"),
            "Schritte!A1: unknown column 'idd'; did you mean 'id'?",
        ),
        (lambda b: b["Schritte"].__setitem__("I3", "drei"), "Schritte!I3:"),
    ],
)
def test_malformed_workbooks_give_located_errors(change: Any, expected: str) -> None:
    errors = _errors(_book(change))
    assert any(error.startswith(f"journey.xlsx: {expected}") for error in errors), errors


def test_empty_rows_are_skipped() -> None:
    def change(book: Any) -> None:
        book["Schritte"].insert_rows(4, 3)

    assert read_workbook(_book(change), "journey.xlsx") == SAMPLE


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "journey.xlsx"
    path.write_text("format: lifeevents/1\n")
    with pytest.raises(InputError, match=r"journey\.xlsx:1:1: not an \.xlsx workbook"):
        read_workbook(path)


def test_a_runaway_sheet_is_refused_at_its_row_limit(tmp_path: Path) -> None:
    book = openpyxl.Workbook(write_only=True)
    life_event = book.create_sheet("Lebenslage")
    life_event.append(["id", "name"])
    life_event.append(["gross", "Groß"])
    steps = book.create_sheet("Schritte")
    steps.append(["id", "name", "channel", "authority"])
    for number in range(100_000):
        steps.append([number])
    path = tmp_path / "big.xlsx"
    book.save(path)
    errors = [str(problem) for problem in check_workbook(path).errors]
    assert errors == [
        f"{path}: Schritte!A20002: more than 20,000 rows; split the journey or delete "
        "formatted empty rows"
    ]


def test_validate_and_import_on_the_command_line(tmp_path: Path) -> None:
    def change(book: Any) -> None:
        book["Schritte"]["C7"] = "vor ort"

    (tmp_path / "journey.xlsx").write_bytes(_book(change))
    result = subprocess.run(
        [sys.executable, "-m", "lifeevents", "validate", "journey.xlsx"],
        capture_output=True, text=True, cwd=tmp_path, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "journey.xlsx: Schritte!C7: unknown channel 'vor ort'; did you mean 'in_person'?"
    )
