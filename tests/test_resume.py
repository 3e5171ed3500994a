"""An interrupted ingest leaves the store consistent; running it again completes it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import flashpoint
from flashpoint.config import load_settings
from tests.conftest import Writer


def make_feed(write: Writer, files: int, per_file: int) -> Path:
    """Write `files` JSONL files of `per_file` distinct documents; return their folder."""
    path = Path()
    for f in range(files):
        lines = [
            json.dumps(
                {
                    "doc_id": f"g-{f}-{i}",
                    "published": "2025-05-01",
                    "text": f"Report {f}-{i}: the envoy of state {i} met officials.",
                }
            )
            for i in range(per_file)
        ]
        path = write(f"feed/part-{f:03d}.jsonl", "\n".join(lines) + "\n")
    return path.parent


def test_ctrl_c_mid_run_keeps_whole_batches_and_a_rerun_completes(db: Path, write: Writer) -> None:
    folder = make_feed(write, files=10, per_file=3)
    seen: list[Path] = []

    def interrupt_after_five(path: Path) -> None:
        seen.append(path)
        if len(seen) == 5:
            raise KeyboardInterrupt

    settings = load_settings({"db": str(db), "batch_size": 4})
    with flashpoint.open(db, settings=settings) as ws, pytest.raises(KeyboardInterrupt):
        ws.ingest(folder, on_file=interrupt_after_five)
    with flashpoint.open(db, settings=settings) as ws:
        kept = ws.store.count("documents")
        assert kept % 4 == 0 and 0 < kept < 30  # only whole batches were committed
        report = ws.ingest(folder)
        assert (len(report.stored), len(report.duplicates), report.failures) == (
            30 - kept,
            kept,
            [],
        )
        ids = [r["doc_id"] for r in ws.arrow("documents", ["doc_id"]).to_pylist()]
    assert len(ids) == len(set(ids)) == 30


@pytest.mark.slow
def test_a_killed_process_leaves_a_store_the_rerun_completes(db: Path, write: Writer) -> None:
    folder = make_feed(write, files=60, per_file=500)
    command = [
        sys.executable,
        "-m",
        "flashpoint",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--batch-size",
        "500",
    ]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 60
    while proc.poll() is None and not wal.exists() and time.monotonic() < deadline:
        time.sleep(0.005)  # the write-ahead log appears with the first committed batch
    time.sleep(0.2)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    stored, duplicates = (int(rerun.stderr.split()[i]) for i in (0, 2))
    assert stored + duplicates == 30_000
    if killed:
        assert stored > 0 and duplicates > 0, rerun.stderr
    with flashpoint.open(db, read_only=True) as ws:
        ids = [r["doc_id"] for r in ws.arrow("documents", ["doc_id"]).to_pylist()]
    assert len(ids) == len(set(ids)) == 30_000
