"""The evaluation report: one JSON-ready dictionary, and the same as plain-text tables."""

from __future__ import annotations

from typing import Any

from loan_extractor.evaluation.compare import NAME_FIELDS, field_kind, values_match
from loan_extractor.evaluation.metrics import (
    Outcome, breakdown, confusion, group_summary, name_accuracy, per_field, total_counts,
)
from loan_extractor.extraction.redact import redact_text

DEFAULT_BY = ("doc_type", "quality_band", "format", "layout_split")


def build_report(outcomes: list[Outcome], extras: list[Outcome], by: tuple[str, ...] = DEFAULT_BY) -> dict[str, Any]:
    """Every figure of the evaluation: overall, per field, confusion, breakdowns, names by script, misses."""
    overall = group_summary(outcomes)
    overall["fields"] = total_counts(outcomes + extras).summary()  # extras' fields are invented
    return {
        "overall": overall,
        "confusion": confusion(outcomes),
        "per_field": per_field(outcomes + extras),
        "breakdowns": {key: breakdown(outcomes, key) for key in by},
        "names": name_accuracy(outcomes),
        "extra_documents": [{"key": e.key, "doc_type": e.got_type,
                             "invented": sum(v is not None for v in e.got_fields.values())} for e in extras],
        "misses": misses(outcomes + extras),
    }


def misses(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    """Each wrong type and each field not equal to the truth: file key, field, expected, got (redacted)."""
    found = []
    for o in outcomes:
        if (o.truth_type or None) != (o.got_type or None):
            found.append({"key": o.key, "field": "doc_type", "expected": o.truth_type, "got": o.got_type})
        for name in sorted(set(o.truth_fields) | {n for n, v in o.got_fields.items() if v is not None}):
            expected, got = o.truth_fields.get(name), o.got_fields.get(name)
            if not values_match(field_kind(o.truth_type, name), expected, got):
                found.append({"key": o.key, "field": name, "expected": _safe(expected), "got": _safe(got)})
    return found


def _safe(value: Any) -> Any:
    # truth holds last four digits only, but an extracted text field might carry a whole SSN or account number
    return redact_text(value) if isinstance(value, str) else value


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def group_table(title: str, groups: dict[str, dict[str, Any]]) -> list[str]:
    """One breakdown as aligned text rows."""
    rows = [f"{title:<28} {'docs':>5} {'type':>6} {'fields':>7} {'acc':>6} {'prec':>6} {'recall':>6} {'invent':>6}"]
    for name, g in groups.items():
        f = g["fields"]
        rows.append(f"{name[:28]:<28} {g['documents']:>5} {_pct(g['type_accuracy']):>6} {f['total']:>7} "
                    f"{_pct(f['accuracy']):>6} {_pct(f['precision']):>6} {_pct(f['recall']):>6} {f['invented']:>6}")
    return rows


def bias_lines(rows: list[dict[str, Any]], metric: str = "field_accuracy") -> list[str]:
    """The bias table's rows of one metric (the truth's field accuracy by default) as aligned text."""
    chosen = [r for r in rows if r.get("metric") == metric]
    if not chosen:
        return []
    lines = ["", f"bias: {metric} by slice (compared: groups of the minimum size; ratio min/max)",
             f"{'slice':<22} {'group':<22} {'docs':>5} {'value':>6} {'diff':>6} {'ratio':>6}  compared"]
    lines += [f"{r['slice'][:22]:<22} {r['group'][:22]:<22} {r['count']:>5} {_pct(r['value']):>6} "
              f"{_pct(r['difference']):>6} {_pct(r['ratio']):>6}  {'yes' if r['compared'] else 'no'}" for r in chosen]
    return lines


def render_text(report: dict[str, Any], show_misses: int = 20) -> str:
    """The report as tables: overall, breakdowns, names by script, confusion, per field, the first misses."""
    lines = group_table("overall", {"all documents": report["overall"]})
    o = report["overall"]
    lines.append(f"unknown documents: {o['unknown_documents']}, fields invented on them: {o['invented_on_unknown']}; "
                 f"extra documents: {len(report['extra_documents'])}")
    for key, groups in report["breakdowns"].items():
        lines += ["", *group_table(f"by {key}", groups)]
    lines += ["", f"name fields ({', '.join(sorted(NAME_FIELDS))}) by name_script:"]
    lines += [f"  {g:<20} {c['correct']}/{c['total']} = {_pct(c['accuracy'])}" for g, c in report["names"].items()]
    labels = sorted({got for row in report["confusion"].values() for got in row} | set(report["confusion"]))
    lines += ["", "type confusion (rows: truth, columns: extracted)", f"{'':<18}" + "".join(f"{l[:12]:>13}" for l in labels)]
    for truth, row in report["confusion"].items():
        lines.append(f"{truth[:18]:<18}" + "".join(f"{row.get(l, 0):>13}" for l in labels))
    lines += ["", f"{'field':<44} {'n':>5} {'acc':>6} {'prec':>6} {'recall':>6}"]
    for name, f in report["per_field"].items():
        lines.append(f"{name:<44} {f['total']:>5} {_pct(f['accuracy']):>6} {_pct(f['precision']):>6} {_pct(f['recall']):>6}")
    lines += bias_lines(report.get("bias", []))
    shown = report["misses"][:show_misses]
    lines += ["", f"misses: {len(report['misses'])} (first {len(shown)})"]
    lines += [f"  {m['key']}  {m['field']}: expected {m['expected']!r}, got {m['got']!r}" for m in shown]
    return "\n".join(lines)
