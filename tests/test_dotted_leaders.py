"""Dotted leaders as OCR reads them on scans ("GROSS PAY: ........ 2,345.67" with the dots read as junk letters and
marks): skipped between a label and its value, never part of a value, and a label's colon read as an "S" beside
them still ends the label."""

from __future__ import annotations

from dataclasses import replace

from fixtures.words.synth import lay_out

from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.labels import split_similarity
from loan_extractor.extraction.leaders import colon_read_as_s, is_leader
from loan_extractor.extraction.words import build_lines
from loan_extractor.spec import DocType


def _fields(rows: list) -> dict[str, object]:
    found = extract_fields(DocType.PAY_STUB, build_lines(lay_out(rows)))
    return {name: v.value if v else None for name, v in found.items()}


def _is_leader(text: str) -> bool:
    return is_leader(lay_out([(100, [(54, text)])])[0])


def test_leader_words_are_told_from_label_and_value_words() -> None:
    for junk in ("........", ":", "…", "ou...", "00...", ".......ceccececcesseeeceecceeeueeee", "cece", "eeeeee",
                 "ssvsccsssscssssssseuvesseryrovvseveo", "wo.eecccceeseeeeseseescseseceses"):
        assert _is_leader(junk), junk
    for word in ("2,345.67", "0.00", "Irene", "irene", "compensation", "GROSS", "PAY:", "03/01/2026", "see", "Lee",
                 "Garcia-Fernandez", "$4,066.67"):
        assert not _is_leader(word), word


def test_a_leader_between_label_and_value_is_skipped() -> None:
    got = _fields([
        (50, [(200, "ACME WIDGETS INC")]),
        (80, [(54, "PAYROLL STATEMENT")]),
        (118, [(54, "EMPLOYEE NAME: .......ceccececcesseeeceecceeeueeeeeeseeanaan"), (330, "ROBERT SULLIVAN")]),
        (134, [(54, "PAY PERIOD: (DD/MM/YYYY) .......ceccececcesseeeceecceeeueeee ences"),
               (330, "16/03/2026 TO 31/03/2026")]),
        (150, [(54, "PAY DATE:"), (330, "02/04/2026")]),
        (166, [(54, "cccccccccccccsccseescscseescsesecseseescsesecscseesscses")]),  # a leader read as a line
        (218, [(54, "GROSS PAY: 00... ssvsccsssscssssssseuvesseryrovv 5,504.17"), (480, "16,512.51")]),
        (234, [(54, "NET PAY: cece"), (330, "4,073.18"), (480, "12,219.54")]),
    ])
    assert got["employee_name"] == "ROBERT SULLIVAN"
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-03-16", "2026-03-31")
    assert (got["gross_pay"], got["net_pay"]) == ("5504.17", "4073.18")


def test_a_line_of_leader_under_a_label_is_never_its_value() -> None:
    got = _fields([
        (50, [(200, "ACME WIDGETS INC")]),
        (118, [(54, "EMPLOYEE NAME:")]),
        (128, [(54, "oooeecccccccccccscescsesecscsesscseecsesesscsesesses")]),
        (140, [(54, "Robert Sullivan")]),
    ])
    assert got["employee_name"] == "Robert Sullivan"


def test_a_label_colon_read_as_an_s_before_a_leader_still_ends_the_label() -> None:
    words = lay_out([(100, [(54, "NET PAYS? EMPLOYEES ssssscccseesssccs NAMES: GROSS Employees DAYS NOS sssccceee")])])
    mended = [colon_read_as_s(words, i) for i in range(len(words))]
    assert mended == [None, "PAY:", "EMPLOYEE:", None, "NAME:", None, None, None, "NO:", None]
    got = _fields([
        (50, [(200, "ACME WIDGETS INC")]),
        (118, [(54, "EMPLOYEES sssisssscsiisesensoccneonsevssa"), (330, "IRENE OKAFOR")]),
        (134, [(54, "PAY DATE:"), (330, "03/10/2026")]),
        (218, [(54, "GROSS PAY:"), (330, "1,236.54")]),
        (234, [(54, "NET PAYS?"), (330, "935.42"), (480, "9,354.20")]),
    ])
    assert got["employee_name"] == "IRENE OKAFOR" and got["net_pay"] == "935.42"
    got = _fields([
        (50, [(200, "SUMMIT ANALYTICS CORP")]),
        (118, [(54, "NAMES:"), (184, "qnssisdivavesiveatecnssneenses JOSE A MUNOZ")]),
        (134, [(54, "EMPLOYEE. NOS"), (184, "sadisenaspeasiertwesoacceene nasal"), (330, "070490")]),
        (218, [(54, "GROSS PAY:"), (330, "4,316.67")]),
    ])
    assert got["employee_name"] == "JOSE A MUNOZ"  # never "NOS", the "NO:" of "EMPLOYEE NO:"


def test_a_leader_after_a_label_ends_it_as_a_colon_would() -> None:
    # the word before the label garbled by the leader's ink ("PAX" for "PAY"): the leader still marks the label
    got = _fields([
        (50, [(200, "PIONEER FREIGHT SYSTEMS")]),
        (118, [(54, "PAX PERIODS .....:.ccsssorsnsessseroeennsencn ils sdS3ieS5guyauS 03/01/2026 TO 03/31/2026")]),
        (218, [(54, "GROSS WAGES:"), (330, "4166.67")]),
    ])
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-03-01", "2026-03-31")


def test_an_amount_whose_point_ocr_read_as_a_colon_is_this_periods_not_the_year_to_date() -> None:
    got = _fields([(50, [(200, "ACME WIDGETS INC")]), (218, [(54, "GROSS PAY:"), (330, "USD 1,236.54")]),
                   (234, [(54, "NET PAY:"), (330, "USD 935:42"), (480, "USD 9,354.20")])])
    assert got["net_pay"] == "935.42"


def test_a_long_label_word_ocr_split_with_a_stray_letter_before_a_leader_with_stray_figures() -> None:
    got = _fields([
        (50, [(200, "PIONEER FREIGHT SYSTEMS")]),
        (118, [(54, "PALY MENT DATES sscorsesesoscssvsonssscscsssosecnscasovnrsorssnnsnnnessnne3Ssi3sui Seve"),
               (460, "04/04/2026")]),
        (218, [(54, "GROSS WAGES:"), (330, "4166.67")]),
    ])
    assert got["pay_date"] == "2026-04-04"
    assert split_similarity("paly", "ment", "payment", frozenset()) == 0.8
    assert split_similarity("pay", "ment", "payment", frozenset()) == 0.9
    assert split_similarity("co", "borrower", "borrower", frozenset()) == 0.0  # two edits: another word
    assert split_similarity("pay", "date", "payday", frozenset()) == 0.0  # a short label word: exact joins only


def test_a_name_read_with_a_leader_inside_it_is_no_name() -> None:
    got = _fields([
        (50, [(200, "SUMMIT ANALYTICS CORP")]),
        (118, [(54, "EMPLOYEE: s: sscsssassscvesusansensenrmmananca nant"), (420, "TART Ti IRENE K THORNTON")]),
        (218, [(54, "GROSS PAY:"), (330, "3341.67")]),
    ])
    assert got["employee_name"] is None


def test_a_label_whose_leader_ocr_read_as_many_words_is_no_sentence() -> None:
    got = _fields([
        (50, [(200, "SUMMIT ANALYTICS CORP")]),
        (118, [(54, "PAY BERIOD SE socccsescescesesegeesseoreseersesee exe enema sessemueesee remem "
                    "aeenreeemseseremensiss 03/16/2026 TO 03/31/2026")]),
        (218, [(54, "GROSS PAY:"), (330, "3341.67")]),
    ])
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-03-16", "2026-03-31")


def _scanned(rows: list, unsure: set[str]) -> dict[str, object]:
    """Fields of rows read at a scan's confidence, the words in `unsure` read unsurely (bits of a leader)."""
    words = [replace(w, conf=0.2 if w.text in unsure else 0.95) for w in lay_out(rows)]
    found = extract_fields(DocType.PAY_STUB, build_lines(words))
    return {name: v.value if v else None for name, v in found.items()}


def test_unsure_bits_of_a_leader_before_a_name_in_capitals_are_dropped() -> None:
    got = _scanned([
        (50, [(200, "SUMMIT ANALYTICS CORP")]),
        (118, [(54, "EMPLOYEE?"), (114, "ccsccssssssevccvecessersvessnrennecencnnc Soesse swat cus "
                                        "sussevesecesteeuseveeeiaee WOJCIECH N WOJCIK")]),
        (218, [(54, "GROSS PAY:"), (330, "3341.67")]),
    ], unsure={"Soesse", "swat", "cus"})
    assert got["employee_name"] == "WOJCIECH N WOJCIK"


def test_words_read_surely_amid_a_leader_keep_the_name_unread() -> None:
    got = _scanned([
        (50, [(200, "SUMMIT ANALYTICS CORP")]),
        (118, [(54, "EMPLOYEE?"), (114, "ccsccssssssevccvecessersvessnrennecencnnc Soesse swat cus "
                                        "sussevesecesteeuseveeeiaee WOJCIECH N WOJCIK")]),
        (218, [(54, "GROSS PAY:"), (330, "3341.67")]),
    ], unsure=set())
    assert got["employee_name"] is None


def test_a_colon_read_as_an_s_before_unsure_leader_bits_or_with_the_leader_run_into_it() -> None:
    words = lay_out([(118, [(54, "EMPLOYEES"), (338, "NTE"), (364, "geenspennetniassvdiyeeayeeel"), (447, "IBANEZ")])])
    words = [replace(w, conf=0.0) if w.text == "NTE" else w for w in words]
    assert colon_read_as_s(words, 0) == "EMPLOYEE:"
    assert colon_read_as_s(lay_out([(118, [(54, "EMPLOYEES..."), (414, "MARTA B SORENSEN")])]), 0) == "EMPLOYEE:"
    assert colon_read_as_s(lay_out([(118, [(54, "EMPLOYEES"), (414, "MARTA B SORENSEN")])]), 0) is None


def test_a_name_ocr_was_unsure_of_throughout_is_no_name() -> None:
    rows = [(50, [(200, "SUMMIT ANALYTICS CORP")]), (118, [(54, "EMPLOYEE"), (118, "NOS"), (317, "en ene")]),
            (218, [(54, "GROSS PAY:"), (330, "3341.67")])]
    assert _scanned(rows, unsure={"NOS", "en", "ene"})["employee_name"] is None
    assert _scanned(rows, unsure={"en", "ene"})["employee_name"] == "NOS"  # read surely: kept, whatever it is


def test_a_name_ocr_was_unsure_of_but_shaped_like_one_is_kept_for_the_re_read() -> None:
    rows = [(50, [(200, "SUMMIT ANALYTICS CORP")]), (118, [(54, "EMPLOYEE:"), (118, "Begonia Gomez")]),
            (218, [(54, "GROSS PAY:"), (330, "3341.67")])]
    assert _scanned(rows, unsure={"Begonia", "Gomez"})["employee_name"] == "Begonia Gomez"
    rows[1] = (118, [(54, "EMPLOYEE:"), (118, "ec camsemee cer")])
    assert _scanned(rows, unsure={"ec", "camsemee", "cer"})["employee_name"] is None
