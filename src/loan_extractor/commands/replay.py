"""`loan-extractor replay RUN_ID`: process a stored run's inputs again with its recorded configuration.

The inputs are the manifest's: local paths read in place, s3:// objects downloaded again (through
`--s3-block`, the configured S3 block, or the AWS_* variables). Prints what changed per document
(status, reason, type, fields) or "no changes"; exit 0 when identical, 1 when something changed.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from loan_extractor.commands import EXIT_FAILED, EXIT_OK, CommandFailed, database
from loan_extractor.settings import Settings


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("replay", help="reprocess a stored run's inputs with its configuration; print what changed")
    parser.add_argument("run_id", metavar="RUN_ID")
    parser.add_argument("--s3-block", help="Prefect S3Bucket block whose credentials read s3:// inputs")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.set_defaults(handler=replay_run)


def replay_run(args: argparse.Namespace, settings: Settings) -> int:
    """Replay the run and print the differences; 1 when anything changed or the run cannot be replayed."""
    from loan_extractor.lineage import compare_results, input_changes, load_manifest, recorded_config, recorded_summary, replay
    from loan_extractor.logs import configure_logging
    from loan_extractor.tools import tesseract
    from loan_extractor.tools.probe import check_ocr_models

    configure_logging(settings.log_format, "WARNING")
    with database(settings) as engine:  # a run that cannot be replayed (e.g. s3:// inputs, no client) ends it too
        manifest = load_manifest(engine, args.run_id)
        if manifest is None:
            raise CommandFailed(f"no manifest for run {args.run_id!r}: only runs that recorded their lineage can be replayed")
        cfg = recorded_config(manifest)
        check_ocr_models(cfg.ocr)
        tesseract.configure(settings.ocr_processes, settings.ocr_engine)
        docs = replay(manifest, cfg, settings.max_workers, s3_client(manifest, args.s3_block or settings.s3_block), engine)
    result = {"run_id": args.run_id, "notes": context_notes(manifest, settings) + input_changes(manifest, docs),
              "changes": compare_results(recorded_summary(manifest).documents, docs)}  # fmt: skip
    print(json.dumps(result, ensure_ascii=False, default=str) if args.json else describe(result))
    return EXIT_FAILED if result["changes"] else EXIT_OK


def s3_client(manifest: dict[str, Any], block: str | None) -> Any:
    """An S3 client when the run read s3:// inputs: from the block when named, else boto3's own lookup."""
    if not any(entry["source"].startswith("s3://") for entry in manifest["inputs"]):
        return None
    if block:
        from blocks.s3 import load_s3

        return load_s3(block)[0]
    from loan_extractor.s3 import make_client

    return make_client()


def context_notes(manifest: dict[str, Any], settings: Settings) -> list[str]:
    """What differs between then and now besides the inputs: configuration, code and classifier versions."""
    from loan_extractor.extraction.text_model import model_version
    from loan_extractor.lineage import git_commit

    notes = []
    current = settings.pipeline_config().digest()
    if current != manifest["config_digest"]:
        notes.append(f"the current configuration (digest {current}) differs from the run's ({manifest['config_digest']}); replayed with the run's")
    if model_version() != manifest["model_version"]:
        notes.append(f"the classifier is now version {model_version()}; the run used {manifest['model_version']}")
    commit = git_commit()
    if commit and commit != manifest["code_version"].get("git_commit"):
        notes.append(f"the code is now at commit {commit[:12]}; the run used {(manifest['code_version'].get('git_commit') or 'unknown')[:12]}")
    return notes


def describe(result: dict[str, Any]) -> str:
    """The replay's result as text: notes, then a block per changed document, or "no changes"."""
    lines = [f"note: {note}" for note in result["notes"]]
    for doc in result["changes"]:
        lines.append(f"{doc['source']} pages {doc['pages']}:")
        lines += [f"  {c['what']}: {c['before']!r} -> {c['after']!r}" for c in doc["changes"]]
    lines.append(f"run {result['run_id']}: " + (f"{len(result['changes'])} document(s) changed" if result["changes"] else "no changes"))
    return "\n".join(lines)
