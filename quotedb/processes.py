"""Worker processes forked from a server that works from any directory."""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing import forkserver
from multiprocessing.context import ForkServerContext


def forkserver_context(preload: list[str]) -> ForkServerContext:
    """The fork server's context, its server started with ``preload`` imported.

    Workers forked from it start without a copy of this process's threads and
    open databases, and with those modules already imported. The server runs
    ``python -c``, which puts the working directory first on its path (Python
    3.11 does not apply the path it is handed): run from the root of a quotedb
    checkout, ``quotedb`` would be the source folder, which holds neither
    ``ingest`` nor ``db`` (they are installed into the package, not kept in
    it), and every worker would fail. ``PYTHONSAFEPATH`` keeps the directory
    off the server's path. A server already running is used as it is.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(preload)
    before = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ["PYTHONSAFEPATH"]
        else:
            os.environ["PYTHONSAFEPATH"] = before
    return context
