"""The polling fallback against a real S3 endpoint (moto's server mode, over HTTP)."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from loan_extractor.bridge import ObjectCreated, event_id
from loan_extractor.bridge.events import EmitError
from loan_extractor.watch import WatchState, poll, skip_existing, watch

pytestmark = pytest.mark.s3


class Recorder:
    """An emitter that keeps the objects, and fails on the keys listed in `fail_on`."""

    def __init__(self) -> None:
        self.objects: list[ObjectCreated] = []
        self.fail_on: set[str] = set()
        self.emitted = threading.Event()

    def __call__(self, obj: ObjectCreated) -> None:
        if obj.key in self.fail_on:
            raise ConnectionError("Prefect is down")
        self.objects.append(obj)
        self.emitted.set()

    @property
    def keys(self) -> list[str]:
        return [o.key for o in self.objects]


def set_last_modified(bucket, key: str, delta: timedelta) -> None:
    """Move an object's LastModified, as a slow upload that started earlier would have it."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.s3.models import s3_backends

    fake = s3_backends[DEFAULT_ACCOUNT_ID]["aws"].get_object(bucket.name, key)
    fake.last_modified = fake.last_modified + delta


def state_for(bucket, tmp_path: Path, prefix: str = "incoming") -> WatchState:
    return WatchState.load(tmp_path / "watch.json", f"s3://{bucket.name}/{prefix}")


def test_first_poll_emits_every_object_once_oldest_first(s3_bucket, tmp_path: Path) -> None:
    for key in ["incoming/L-2/b.pdf", "incoming/L-1/a.pdf", "incoming/L-1/folder/", "elsewhere/c.pdf"]:
        s3_bucket.put(key, b"%PDF-1.4 " + key.encode())
    set_last_modified(s3_bucket, "incoming/L-2/b.pdf", timedelta(seconds=-60))
    state, emit = state_for(s3_bucket, tmp_path), Recorder()
    assert poll(s3_bucket.client, s3_bucket.name, "incoming", state, emit) == 2
    assert emit.keys == ["incoming/L-2/b.pdf", "incoming/L-1/a.pdf"]
    assert poll(s3_bucket.client, s3_bucket.name, "incoming", state, emit) == 0
    first = emit.objects[0]
    assert (first.bucket, first.size, first.origin, first.version_id) == (s3_bucket.name, len(b"%PDF-1.4 incoming/L-2/b.pdf"), "s3-poll", None)
    assert first.etag and '"' not in first.etag


def test_new_and_overwritten_objects_are_emitted_and_the_state_survives_a_restart(s3_bucket, tmp_path: Path) -> None:
    s3_bucket.put("incoming/a.pdf", b"one")
    state, emit = state_for(s3_bucket, tmp_path), Recorder()
    poll(s3_bucket.client, s3_bucket.name, "incoming", state, emit)
    restarted = state_for(s3_bucket, tmp_path)
    assert restarted.watermark == state.watermark and restarted.seen == state.seen
    s3_bucket.put("incoming/b c é+.pdf", b"two")
    s3_bucket.put("incoming/a.pdf", b"one, rewritten")
    assert poll(s3_bucket.client, s3_bucket.name, "incoming", restarted, emit) == 2
    assert sorted(emit.keys) == ["incoming/a.pdf", "incoming/a.pdf", "incoming/b c é+.pdf"]
    assert len({event_id(o) for o in emit.objects}) == 3  # the rewrite is a new version, a new event


def test_a_late_object_inside_the_grace_window_is_not_missed(s3_bucket, tmp_path: Path) -> None:
    s3_bucket.put("incoming/new.pdf", b"new")
    state, emit = state_for(s3_bucket, tmp_path), Recorder()
    poll(s3_bucket.client, s3_bucket.name, "incoming", state, emit)
    # An upload that started five minutes before the watermark finishes only now.
    s3_bucket.put("incoming/slow.pdf", b"slow")
    set_last_modified(s3_bucket, "incoming/slow.pdf", timedelta(minutes=-5))
    # And one older than the window: taken as already handled.
    s3_bucket.put("incoming/ancient.pdf", b"old")
    set_last_modified(s3_bucket, "incoming/ancient.pdf", timedelta(hours=-2))
    assert poll(s3_bucket.client, s3_bucket.name, "incoming", state, emit) == 1
    assert emit.keys == ["incoming/new.pdf", "incoming/slow.pdf"]


def test_a_failed_emit_resumes_where_it_stopped(s3_bucket, tmp_path: Path) -> None:
    s3_bucket.put("incoming/1.pdf", b"1")
    s3_bucket.put("incoming/2.pdf", b"2")
    s3_bucket.put("incoming/3.pdf", b"3")
    for i, key in enumerate(["incoming/1.pdf", "incoming/2.pdf", "incoming/3.pdf"]):
        set_last_modified(s3_bucket, key, timedelta(seconds=i - 10))
    state, emit = state_for(s3_bucket, tmp_path), Recorder()
    emit.fail_on = {"incoming/2.pdf"}
    with pytest.raises(EmitError, match="2.pdf"):
        poll(s3_bucket.client, s3_bucket.name, "incoming", state, emit)
    assert emit.keys == ["incoming/1.pdf"]
    assert list(json.loads((tmp_path / "watch.json").read_text())["seen"]) == ["incoming/1.pdf"]
    emit.fail_on = set()
    assert poll(s3_bucket.client, s3_bucket.name, "incoming", state_for(s3_bucket, tmp_path), emit) == 2
    assert emit.keys == ["incoming/1.pdf", "incoming/2.pdf", "incoming/3.pdf"]


def test_skip_existing_starts_from_now(s3_bucket, tmp_path: Path) -> None:
    s3_bucket.put("incoming/old.pdf", b"old")
    state, emit = state_for(s3_bucket, tmp_path), Recorder()
    assert skip_existing(s3_bucket.client, s3_bucket.name, "incoming", state) == 1
    s3_bucket.put("incoming/new.pdf", b"new")
    poll(s3_bucket.client, s3_bucket.name, "incoming", state, emit)
    assert emit.keys == ["incoming/new.pdf"]


def test_a_state_file_of_another_source_is_refused(s3_bucket, tmp_path: Path) -> None:
    state_for(s3_bucket, tmp_path).save()
    with pytest.raises(ValueError, match="watch state of"):
        state_for(s3_bucket, tmp_path, prefix="other")


def test_watch_loop_picks_up_an_upload_and_stops_on_request(s3_bucket, tmp_path: Path) -> None:
    state, emit, stop = state_for(s3_bucket, tmp_path), Recorder(), threading.Event()
    result: list[int] = []
    loop = threading.Thread(target=lambda: result.append(watch(s3_bucket.client, s3_bucket.name, "incoming", state, emit, 0.05, stop=stop)))
    loop.start()
    s3_bucket.put("incoming/L-3/w2.png", b"png")
    assert emit.emitted.wait(10)
    stop.set()
    loop.join(10)
    assert result == [1] and emit.keys == ["incoming/L-3/w2.png"]


def test_watch_once_raises_a_missing_bucket(s3_endpoint, tmp_path: Path) -> None:
    from loan_extractor.s3 import ObjectError

    with pytest.raises(ObjectError):
        watch(s3_endpoint.client(), "no-such-bucket-here", "", WatchState("s3://no-such-bucket-here/"), Recorder(), 1, once=True)
