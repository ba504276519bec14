"""Labels printed with another wording beside or above them (bilingual stubs), cells side by side that together
spell a longer label, and headings under a row of captions."""

from __future__ import annotations

from fixtures.words.synth import CHAR, lay_out

from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.words import build_lines
from loan_extractor.spec import DocType


def _fields(doc_type: DocType, *groups: tuple[float, list]) -> dict[str, object]:
    """Fields read from groups of rows, each group laid out in its own type size."""
    words = [w for size, rows in groups for w in lay_out(rows, size=size)]
    found = extract_fields(doc_type, build_lines(words))
    return {name: v.value if v else None for name, v in found.items()}


def _right(x_end: float, text: str, size: float = 10.0) -> tuple[float, str]:
    return x_end - len(text) * CHAR * size, text


def test_a_label_after_its_spanish_wording_and_a_slash_reads_its_value() -> None:
    got = _fields(DocType.PAY_STUB, (10.0, [
        (50, [(200, "Comprobante de Pago / Pay Stub")]),
        (90, [(54, "Nombre del Empleado / Employee Name"), (330, "Ana M Perez")]),
        (115, [(54, "Empleador / Employer"), (330, "Evergreen Software Inc")]),
        (140, [(54, "Fecha de Pago / Pay Date"), (330, "03/20/2026")]),
        (180, [(54, "Concepto / Item"), _right(400, "Actual / Current"), _right(520, "Acumulado / YTD")]),
        (200, [(54, "Salario Bruto / Gross Pay"), _right(400, "2,607.69"), _right(520, "15,646.14")]),
        (220, [(54, "Pago Neto / Net Pay"), _right(400, "1,962.92"), _right(520, "11,777.52")]),
    ]))
    assert (got["employee_name"], got["employer_name"], got["pay_date"]) == (
        "Ana M Perez", "Evergreen Software Inc", "2026-03-20")
    assert (got["gross_pay"], got["net_pay"], got["ytd_gross"]) == ("2607.69", "1962.92", "15646.14")


def test_a_value_level_with_a_label_stacked_under_its_spanish_wording_is_its_value() -> None:
    # the value joins the Spanish line, or stands on a line of its own between the two wordings
    got = _fields(DocType.PAY_STUB,
                  (8.5, [(88, [(54, "Nombre del Empleado")]), (114, [(54, "Empleador")]),
                         (140, [(54, "Fecha de Pago")])]),
                  (10.0, [(91, [(330, "Ana M Perez")]), (116, [(330, "Evergreen Software Inc")]),
                          (144, [(330, "03/20/2026")])]),
                  (7.0, [(99, [(54, "Employee Name")]), (124, [(54, "Employer")]), (151, [(54, "Pay Date")])]))
    assert (got["employee_name"], got["employer_name"], got["pay_date"]) == (
        "Ana M Perez", "Evergreen Software Inc", "2026-03-20")
    got = _fields(DocType.PAY_STUB,
                  (8.5, [(88, [(54, "Nombre del Empleado")]), (124, [(54, "Empleador")])]),
                  (10.0, [(96, [(330, "Ana M Perez")]), (132, [(330, "Evergreen Software Inc")])]),
                  (7.0, [(101, [(54, "Employee Name")]), (137, [(54, "Employer")])]))
    assert (got["employee_name"], got["employer_name"]) == ("Ana M Perez", "Evergreen Software Inc")


def test_two_labels_side_by_side_are_not_read_as_one_longer_label() -> None:
    # "Employer" and "EIN" in cells of their own are no "Employer EIN"
    got = _fields(DocType.W2, (10.0, [
        (50, [(54, "2025 Form W-2 Wage and Tax Statement")]),
        (100, [(54, "Employer"), (354, "EIN")]),
        (114, [(54, "Summit Analytics Corp"), (354, "26-1382284")]),
    ]))
    assert (got["employer_name"], got["employer_ein"]) == ("Summit Analytics Corp", "26-1382284")


def test_a_row_of_small_captions_over_codes_is_no_heading() -> None:
    got = _fields(DocType.PAY_STUB,
                  (6.5, [(42, [(54, "CO. FILE DEPT. CLOCK VCHR. NO.")]),
                         (51, [(54, "RX7"), (90, "068370"), (130, "068"), (160, "8370"), (200, "073860")])]),
                  (10.0, [(66, [(54, "Pioneer Freight Systems")]), (100, [(54, "Employee Name"), (200, "Jo Park")]),
                          (120, [(54, "Gross Pay"), (300, "1,163.46")]), (140, [(54, "Net Pay"), (300, "931.20")]),
                          (160, [(54, "Federal Income Tax"), (300, "135.24")]),
                          (180, [(54, "Social Security"), (300, "72.13")])]))
    assert got["employer_name"] == "Pioneer Freight Systems"


def test_a_row_of_caption_cells_is_no_heading_however_large_its_type() -> None:
    got = _fields(DocType.PAY_STUB, (10.0, [
        (42, [(54, "CO."), (110, "FILE"), (170, "DEPT."), (230, "CLOCK")]),
        (66, [(54, "Pioneer Freight Systems")]),
        (100, [(54, "Employee Name"), (200, "Jo Park")]),
    ]))
    assert got["employer_name"] == "Pioneer Freight Systems"


def test_a_stroke_of_a_perforation_beside_a_caption_is_no_name() -> None:
    # a four-up W-2's dashed fold line OCR read as "1" right of the employee's caption; the name is under it
    got = _fields(DocType.W2, (10.0, [
        (50, [(54, "2025 W-2 Wage and Tax Statement")]),
        (98, [(54, "c Employer's name, address, and ZIP code"), (306, "1")]),
        (110, [(58, "Riverbend Medical Center")]),
        (145, [(54, "e/f Employee's name, address, and ZIP code"), (306, "1")]),
        (157, [(58, "Olivia Reyes")]),
    ]))
    assert (got["employer_name"], got["employee_name"]) == ("Riverbend Medical Center", "Olivia Reyes")


def test_the_one_masked_number_of_a_page_is_its_last_four_when_the_label_was_lost() -> None:
    # OCR read the small "Savings Account" caption over the number as "a"
    rows = [(50, [(54, "Prairie National Bank")]), (92, [(54, "Marcus W Delgado"), (330, "Statement Period")]),
            (128, [(330, "a")]), (140, [(330, "XXXXXX4454")])]
    assert _fields(DocType.BANK_STATEMENT, (10.0, rows))["account_number_last4"] == "4454"
    # a card's masked number among the transactions: two numbers, neither is taken
    rows.append((300, [(54, "03/04"), (100, "Card purchase ****7781"), (400, "-12.00")]))
    assert _fields(DocType.BANK_STATEMENT, (10.0, rows))["account_number_last4"] is None


def test_a_date_format_qualifier_whose_closing_parenthesis_ocr_lost_is_no_value() -> None:
    got = _fields(DocType.PAY_STUB, (10.0, [
        (60, [(54, "Northwind Logistics LLC")]),
        (70, [(324, "Period Beginning: (DD/MM/YYYY"), (500, "01/03/2026")]),
        (84, [(324, "Week Ending: (DD/MM/YYYY)"), (500, "31/03/2026")]),
    ]))
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-03-01", "2026-03-31")


def test_a_substitute_w2_names_the_employee_its_recipient() -> None:
    got = _fields(DocType.W2, (10.0, [
        (50, [(54, "Employee Wage Statement")]), (90, [(54, "Tax Year: 2025")]),
        (120, [(54, "Company:"), (160, "Northwind Logistics LLC")]),
        (165, [(54, "Recipient:"), (160, "José Ibáñez")]),
    ]))
    assert got["employee_name"] == "José Ibáñez"
