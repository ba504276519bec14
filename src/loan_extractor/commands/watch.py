"""`loan-extractor watch s3://BUCKET/PREFIX`: poll for new objects and emit the bridge's events for them."""

from __future__ import annotations

import argparse
import hashlib
import signal
import sys
import threading
from datetime import timedelta
from pathlib import Path

import structlog

from loan_extractor.bridge.events import EmitError
from loan_extractor.commands import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from loan_extractor.errors import TransientError
from loan_extractor.logs import configure_logging, prefect_env
from loan_extractor.s3 import ObjectError, make_client, parse_s3_uri
from loan_extractor.settings import Settings
from loan_extractor.watch import WatchState, skip_existing, watch

log = structlog.get_logger("loan_extractor.watch")


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("watch", help="poll an S3 prefix and emit an event per new object (no notifications needed)")
    parser.add_argument("source", help="s3://BUCKET/PREFIX to watch")
    parser.add_argument("--interval", type=float, default=30.0, help="seconds between polls (default: 30)")
    parser.add_argument("--state", type=Path, help="state file (default: DATA_DIR/watch/<digest of the source>.json)")
    parser.add_argument("--grace-minutes", type=float, default=15.0, help="how far below the watermark to look again (default: 15)")
    parser.add_argument("--skip-existing", action="store_true", help="on a fresh state, treat objects present now as seen")
    parser.add_argument("--once", action="store_true", help="poll once and exit")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Poll until SIGTERM or SIGINT (or once); needs PREFECT_API_URL and S3 credentials (AWS_* variables)."""
    prefect_env()
    configure_logging(settings.log_format, settings.log_level)
    from loan_extractor.commands.bridge import prefect_api_url, prefect_emitter

    try:
        bucket, prefix = parse_s3_uri(args.source)
    except ValueError as exc:
        return _usage(str(exc))
    if not prefect_api_url():
        return _usage("set PREFECT_API_URL to the Prefect server's API (http://HOST:4200/api)")
    source = f"s3://{bucket}/{prefix}"
    path = args.state or settings.data_dir / "watch" / f"{hashlib.sha1(source.encode()).hexdigest()[:12]}.json"
    state = WatchState.load(path, source, timedelta(minutes=args.grace_minutes))
    client = make_client()
    if args.skip_existing and state.watermark is None:
        log.info("existing objects skipped", source=source, objects=skip_existing(client, bucket, prefix, state))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    log.info("watching", source=source, interval=args.interval, state=str(path))
    try:
        with prefect_emitter() as emit:
            emitted = watch(client, bucket, prefix, state, emit, args.interval, once=args.once, stop=stop)
        log.info("watch stopped", emitted=emitted)
    except KeyboardInterrupt:
        log.info("watch interrupted")
    except (ObjectError, TransientError, EmitError) as exc:
        print(f"loan-extractor watch: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _usage(message: str) -> int:
    print(f"loan-extractor watch: {message}", file=sys.stderr)
    return EXIT_USAGE
