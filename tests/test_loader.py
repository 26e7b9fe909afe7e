"""The loader: spec examples load, round trips are lossless, problems are located."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given

from lifeevents.errors import InputError
from lifeevents.formats.journey_file import check_text, load, loads
from lifeevents.formats.writer import dump, dumps
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.vocabulary import Channel, Transfer
from strategies import journey_data, life_events

# The format page of the repository: the canonical text of the format (docs/ holds it with
# the code). Every YAML example of docs/ is checked in test_docs_examples.py.
SPEC = Path(__file__).resolve().parents[1] / "docs" / "journey-format-v1.md"
SPEC_EXAMPLE = Path(__file__).parent / "data" / "spec-example.yaml"


def test_spec_example_copy_is_current() -> None:
    """tests/data holds the example of the format page, for tests that need a file."""
    (first, *_) = re.findall(r"```yaml\n(.*?)```", SPEC.read_text(encoding="utf-8"), re.S)
    assert SPEC_EXAMPLE.read_text(encoding="utf-8") == first


def test_spec_example_content() -> None:
    life_event = load(SPEC_EXAMPLE)
    assert life_event.id == "geburt"
    assert life_event.life_event.stages == ("vorbereiten", "geburt", "danach")
    assert [step.id for step in life_event.steps] == [
        "geburtsanzeige",
        "elterngeld",
        "namensbestimmung",
        "geburtsanzeige-termin",
    ]
    first = life_event.steps[0]
    assert first.channels == (Channel.IN_PERSON, Channel.MAIL)
    assert first.deadline_days == 7
    assert first.leika == "99027006000000"
    assert life_event.evidence["geburtsurkunde"].transfer is Transfer.CITIZEN
    assert life_event.evidence["personalausweis"].identity
    assert life_event.persona("digital").attributes == {"married": True}
    assert life_event.persona("default").prefer == ()
    assert life_event.persona_ids() == ["default", "digital"]


def test_load_accepts_text_and_path(tmp_path: Path) -> None:
    text = SPEC_EXAMPLE.read_text(encoding="utf-8")
    target = tmp_path / "geburt.yaml"
    target.write_text(text, encoding="utf-8")
    assert load(text) == load(target) == loads(text)


@given(life_events())
def test_round_trip_is_lossless(life_event: LifeEvent) -> None:
    text = dumps(life_event)
    assert loads(text) == life_event
    assert dumps(loads(text)) == text


@given(journey_data())
def test_generated_files_load_without_errors(data: dict[str, object]) -> None:
    life_event = LifeEvent.model_validate(data)
    result = check_text(dumps(life_event))
    assert result.ok, [str(problem) for problem in result.errors]


def test_dump_writes_file_atomically(tmp_path: Path) -> None:
    life_event = load(SPEC_EXAMPLE)
    target = tmp_path / "out.yaml"
    dump(life_event, target)
    assert load(target) == life_event
    assert [path.name for path in tmp_path.iterdir()] == ["out.yaml"]


def test_unquoted_leika_number_is_accepted() -> None:
    text = SPEC_EXAMPLE.read_text(encoding="utf-8").replace('"99027006000000"', "99027006000000")
    assert loads(text).steps[0].leika == "99027006000000"


def test_yaml_1_1_booleans_stay_text() -> None:
    text = SPEC_EXAMPLE.read_text(encoding="utf-8").replace(
        "attributes: {married: true}", "attributes: {married: yes}"
    )
    life_event = loads(text)
    assert life_event.persona("digital").attributes == {"married": "yes"}
    # 'yes' is not true: the married-only step does not apply to this persona.
    assert not life_event.persona("digital").matches(life_event.step("elterngeld").when)


def test_true_and_one_are_different_attribute_values() -> None:
    text = SPEC_EXAMPLE.read_text(encoding="utf-8").replace(
        "attributes: {married: true}", "attributes: {married: 1}"
    )
    life_event = loads(text)
    assert not life_event.persona("digital").matches({"married": True})


def test_all_problems_are_reported_at_once() -> None:
    text = (
        SPEC_EXAMPLE.read_text(encoding="utf-8")
        .replace("level: gemeinde", "level: gemeide")
        .replace("requires: [geburtsurkunde]", "requires: [geburtsurkunda]")
        .replace("[mail, online]", "[mail, onlne]")
    )
    with pytest.raises(InputError) as raised:
        loads(text, "geburt.yaml")
    messages = [problem.message for problem in raised.value.problems]
    assert len(messages) == 3, messages
    assert any("'gemeide'" in message and "'gemeinde'" in message for message in messages)
    assert any("'geburtsurkunda'" in message for message in messages)
    assert any("'onlne'" in message and "'online'" in message for message in messages)


def test_problem_positions_point_at_the_value() -> None:
    text = SPEC_EXAMPLE.read_text(encoding="utf-8").replace(
        "lead_time_days: 0", "lead_time_days: -1"
    )
    with pytest.raises(InputError) as raised:
        loads(text, "geburt.yaml")
    (problem,) = raised.value.problems
    line = text.splitlines()[problem.line - 1]
    assert line[problem.column - 1 :].startswith("-1")
    assert str(problem).startswith(f"geburt.yaml:{problem.line}:{problem.column}: ")


def test_misspelt_key_is_not_also_reported_missing() -> None:
    text = SPEC_EXAMPLE.read_text(encoding="utf-8").replace(
        "channels: [mail, online]", "chanels: [mail, online]"
    )
    with pytest.raises(InputError) as raised:
        loads(text)
    (problem,) = raised.value.problems
    assert "unknown key 'chanels'" in problem.message
    assert "did you mean 'channels'?" in problem.message


def test_unused_evidence_and_unknown_condition_are_warnings() -> None:
    text = (
        SPEC_EXAMPLE.read_text(encoding="utf-8").replace(
            "when: {married: true}", "when: {maried: true}"
        )
        + "\n"
    )
    result = check_text(text)
    assert result.ok
    assert any("'maried'" in problem.message for problem in result.warnings)


def test_stage_names_give_display_names_and_unknown_stages_are_errors() -> None:
    text = SPEC_EXAMPLE.read_text(encoding="utf-8").replace(
        "  stages: [vorbereiten, geburt, danach]",
        "  stages: [vorbereiten, geburt, danach]\n  stage_names: {danach: Nach der Geburt}",
    )
    assert loads(text).life_event.stage_names == {"danach": "Nach der Geburt"}
    with pytest.raises(InputError, match="unknown stage 'danch'") as raised:
        loads(text.replace("{danach: Nach", "{danch: Nach"), "geburt.yaml")
    (problem,) = raised.value.problems
    assert (problem.line, problem.column) == (8, 17)
