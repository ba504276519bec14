"""Synthetic loan documents with ground truth: the generator behind `loan-extractor samples DIR`.

`write_sample_set(out_dir, seed=7, loans=4)` writes:
- `L1001/`, `L1002/`, ...: one folder per loan with its pay stub, bank statement, W-2 and loan
  application. Loans cycle through: consistent (text-layer PDFs), consistent (scans: PNG, JPEG,
  a two-page TIFF, an image-only PDF), then one planted inconsistency each in mixed formats:
  `income_mismatch`, `name_mismatch`, `employer_mismatch`, `ssn_mismatch`.
- top-level bad inputs: `empty.pdf`, `page.html`, `archive.zip`, `truncated.pdf`, `encrypted.pdf`,
  `renamed.jpg` (a PNG scan named .jpg), `letter.pdf` (none of the four types) and
  `zz_copy_of_<name>` (a byte-identical copy of a loan document; the name sorts after the loan folders
  so that the original comes first in sorted relative-path order).
- `truth.json`, keyed by the file's path relative to `out_dir` (forward slashes)::

    {"L1001/pay_stub.pdf": {
        "doc_type": "pay_stub",            # a DocType value, or null for a file rejected as a whole
        "loan_id": "L1001",                # null for top-level files
        "fields": {...},                   # every contract field of the type, normalised as the spec says;
                                           # {} for whole-file rejects and unknown documents
        "expected_status": "processed",    # processed | needs_review | rejected
        "expected_reason": null,           # a Reason code or null
        "meta": {"format": "pdf_text",     # pdf_text | pdf_scan | png | jpeg | tiff (by content, not name);
                                           # empty | html | zip for the unsupported inputs
                 "layout": "earnings_table",  # the layout drawn (null for inputs with none)
                 "dpi": null,              # scan resolution, null for text-layer PDFs
                 "planted": null}}}        # the loan's planted inconsistency kind, or null
  The duplicate's meta also names the original (`copy_of`).

Expected endings: documents of consistent loans `processed`; in a planted loan, the documents the
cross-document conventions name for that kind `needs_review` with reason `anomaly`, the others
`processed`; bad inputs `rejected` (`empty`, `unsupported_format`, `corrupt`, `encrypted`,
`duplicate`); `renamed.jpg` `needs_review` (`extension_mismatch`); the letter `needs_review`
(`unknown_type`).

Values come from `random.Random(seed)` and satisfy the spec's validation rules; the W-2's tax year is
the year before the current one (pass `tax_year=` to pin it). Documents print fictitious people:
SSNs use the never-issued area 9xx, and the truth keeps only last four digits.

An evaluation (or training) set for generalisation comes from
`write_evaluation_set(out_dir, seed=2026, per_cell=4, split="eval")` (see `evaluation_set`): documents
per (quality band x type) cell in several layouts, label synonyms, date and money styles, fonts, names
with diacritics, degraded scans, foreign documents and mixed loan packages. `split="train"` draws only
the layouts tests may see; `split="eval"` adds the held-out ones. Its truth entries hold `doc_type`,
`fields`, `pages` and `meta` (`format`, `dpi`, `skew`, `rotation`, `quality_band`, `layout`,
`layout_split`, `name_script`, ...); a package's logical documents are keyed `<path>#<first>-<last>`.
"""

from loan_extractor.samples.evaluation_set import build_evaluation_truth, plan_evaluation_set, write_evaluation_set
from loan_extractor.samples.sample_set import build_truth, default_tax_year, write_sample_set

__all__ = ["build_evaluation_truth", "build_truth", "default_tax_year", "plan_evaluation_set",
           "write_evaluation_set", "write_sample_set"]
