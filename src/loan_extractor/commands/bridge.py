"""`loan-extractor bridge --host H --port P`: MinIO bucket notifications in, Prefect events out."""

from __future__ import annotations

import argparse
import signal
import sys
from contextlib import contextmanager
from typing import Any, Iterator

import structlog

from loan_extractor.bridge.events import Emit, event_for
from loan_extractor.bridge.notifications import ObjectCreated
from loan_extractor.bridge.server import make_server
from loan_extractor.bridge.settings import BridgeSettings
from loan_extractor.commands import EXIT_OK, EXIT_USAGE
from loan_extractor.logs import configure_logging, prefect_env
from loan_extractor.settings import Settings

log = structlog.get_logger("loan_extractor.bridge")


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("bridge", help="receive MinIO bucket notifications and emit Prefect events")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port to listen on (default: 8080)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Serve until SIGTERM or SIGINT; needs LOAN_EXTRACTOR_BRIDGE_TOKEN and PREFECT_API_URL."""
    prefect_env()
    configure_logging(settings.log_format, settings.log_level)
    bridge = BridgeSettings()
    api_url = prefect_api_url()
    if bridge.token is None or not bridge.token.get_secret_value():
        return _usage("set LOAN_EXTRACTOR_BRIDGE_TOKEN to the auth_token of MinIO's webhook target")
    if not api_url:
        return _usage("set PREFECT_API_URL to the Prefect server's API (http://HOST:4200/api)")
    signal.signal(signal.SIGTERM, _interrupt)
    with prefect_emitter() as emit:
        server = make_server(args.host, args.port, bridge.token, emit, bridge.max_body_bytes)
        log.info("bridge listening", url=server.url, prefect_api_url=api_url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            log.info("bridge stopping", counts=dict(server.counts))
        finally:
            server.server_close()
    return EXIT_OK


@contextmanager
def prefect_emitter(client: Any = None) -> Iterator[Emit]:
    """An `Emit` that POSTs each object's event to the Prefect API (`/events`) and returns once it is accepted.

    `emit_event` would only queue the event for a background websocket sender and report success
    even when the server is down, so MinIO would get a 200 for an event that is then lost.
    Waiting for the server's 204 lets a failure become a 503, and MinIO keeps the event and
    retries. `client` defaults to `get_client(sync_client=True)` (PREFECT_API_URL).
    """
    from prefect.client.orchestration import get_client
    from prefect.events import Event

    with client if client is not None else get_client(sync_client=True) as api:

        def emit(obj: ObjectCreated) -> None:
            event = Event(**event_for(obj))
            api.request("POST", "/events", json=[event.model_dump(mode="json")])

        yield emit


def prefect_api_url() -> str | None:
    """The Prefect API this process talks to (PREFECT_API_URL or the active profile), if any."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _usage(message: str) -> int:
    print(f"loan-extractor bridge: {message}", file=sys.stderr)
    return EXIT_USAGE
