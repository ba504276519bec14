"""Identifiers and counts: SSN and account last four (full, masked or garbled masks), EINs, integers and years."""

from __future__ import annotations

import re

from loan_extractor.extraction.repair import REPAIR_COST, Parsed, fix_number, repair_digits


MASK_DIGITS = 3  # a masked number's last group read with one letter for a digit keeps at least this many digits


def normalise_last4(text: str) -> Parsed | None:
    """An SSN or account number, full or masked (XXX-XX-6789, ****1234) -> its last four digits.

    OCR reads a mask's hyphens, low beside stars, as underscores ("***_**_6036")."""
    raw = re.sub(r"\s+", "", text.strip().strip(".:#")).replace("_", "-")
    masked = re.fullmatch(r"(?i)[X*•#-]*[X*•#]{3,}([A-Z]?)[X*•#-]*((?:[\dOlIS]-?){4})", raw) or re.fullmatch(
        r"(?i)[X*•#-]*[X*•#]+()[X*•#-]*((?:[\dOlIS]-?){4})", raw)
    garbled = _garbled_mask(raw)
    if masked or garbled:
        fixed, changed = repair_digits(masked.group(2).replace("-", "") if masked else garbled)
        # a stray letter in a long mask ("XXXXXXK1723") is a misread mask character
        conf = (REPAIR_COST if changed else 1.0) * (REPAIR_COST if not masked or masked.group(1) else 1.0)
        return Parsed(fixed, conf) if fixed.isdigit() and len(fixed) == 4 else None
    fixed, conf = fix_number(raw)
    if not re.fullmatch(r"\d[\d-]{2,}\d", fixed):
        return None
    digits = fixed.replace("-", "")
    if len(digits) < 4 or not re.search(r"\d{4}$", fixed):
        return None
    return Parsed(digits[-4:], conf)


def _garbled_mask(raw: str) -> str | None:
    """The last group of a starred SSN mask whose stars OCR read as letters: a clear 3-2-4 shape with separators (a
    masked group maybe a character longer: a mask character read as two) and no digit in the masked groups, which
    keep a mask character ("*AK-AF--7Q17", "XXX-XXK-2374"); or groups of letters only, a star maybe lost, before
    four true digits ("EK-AK-3793"). Other shapes: `_lost_mask`."""
    shape = re.fullmatch(r"([^-]{3,4})-+([^-]{2,3})-+([^-]{4})", raw)
    if shape and not re.search(r"\d", shape.group(1) + shape.group(2)) and re.search(
            r"(?i)[X*•#]", shape.group(1) + shape.group(2)):
        return shape.group(3)
    letters = re.fullmatch(r"([A-Za-z]{2,3})-+([A-Za-z]{1,2})-+(\d{4})", raw)
    return letters.group(3) if letters else _lost_mask(raw)


def _lost_mask(raw: str) -> str | None:
    """The last group of a starred mask OCR read as a few odd characters, its first hyphen lost ("rt4%-3296" for
    "***-**-3296", "*AKKK_A572" for "***-**-4572"): four true digits after a hyphen (or three and a 4 read as an
    "A", as beside a mask in a monospaced face), before them at most one digit among marks no number holds."""
    shape = re.fullmatch(r"([^-]{3,6})-([0-9A]{4})", raw)
    if not shape or len(re.findall(r"\d", shape.group(1))) > 1 or not re.search(r"[*%#•]", shape.group(1)):
        return None
    last = shape.group(2)
    return last.replace("A", "4") if sum(c.isdigit() for c in last) >= MASK_DIGITS else None


def normalise_int(text: str) -> Parsed | None:
    """"360", "360 months", "30 years" (x12) -> an integer; other words after the number give None."""
    match = re.fullmatch(r"([\dOlIS,]+)\s*(months?|mos?\.?|years?|yrs?\.?)?", text.strip(), re.IGNORECASE)
    if not match:
        return None
    fixed, conf = fix_number(match.group(1).replace(",", ""))
    if not fixed.isdigit():
        return None
    unit = (match.group(2) or "").lower()
    value = int(fixed) * (12 if unit.startswith("y") else 1)
    return Parsed(value, conf * (0.9 if unit.startswith("y") else 1.0))


def normalise_year(text: str) -> Parsed | None:
    """A four-digit year between 1990 and 2099; a letter-spaced heading year ("2 0 2 5") or one OCR cut in two
    ("202 5", "2 02 5") costs confidence."""
    text, conf = text.strip(), 1.0
    if re.fullmatch(r"\(\s*\d{4}\s*\)|\[\s*\d{4}\s*\]", text):
        text = text.strip("()[] ")  # "Form W-2 (2025)"
    if re.fullmatch(r"(?:\S ){3}\S|\d{1,3}(?: \d{1,3}){1,2}", text):
        text, conf = text.replace(" ", ""), 0.9
    parsed = normalise_int(text)
    ok = parsed and isinstance(parsed.value, int) and 1990 <= parsed.value <= 2099 and len(text) == 4
    return Parsed(parsed.value, parsed.conf * conf) if ok and parsed else None


def normalise_ein(text: str) -> Parsed | None:
    """"12-3456789" as printed; nine bare digits are given the dash at lower confidence."""
    fixed, conf = fix_number(re.sub(r"\s*-\s*", "-", text.strip()))
    if re.fullmatch(r"\d{2}-\d{7}", fixed):
        return Parsed(fixed, conf)
    if re.fullmatch(r"\d{9}", fixed):
        return Parsed(f"{fixed[:2]}-{fixed[2:]}", conf * 0.85)
    return None
