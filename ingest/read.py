"""Read article files into `Article` records.

Accepts files and folders (searched recursively) of ``.txt``, ``.md`` and
``.jsonl`` articles. Anything unreadable becomes a `Failure` naming the file and
the problem, so one bad file never stops a batch.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .dates import front_matter, header_date
from .records import Article, Failure

SUFFIXES = {".txt", ".md", ".jsonl"}
DEFAULT_MAX_BYTES = 5_000_000


def find_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Failure]:
    """Every article file under ``paths``, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
            )
            yield from found
        elif path.is_file():
            yield path
        else:
            yield Failure(str(path), "no such file or directory")


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """The articles in one file: one for text files, one per line for JSONL."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Failure(
                str(path),
                f"{size:,} bytes is over the {max_bytes:,}-byte limit (raise it with --max-bytes)",
            )
            return
        raw = path.read_bytes()
    except OSError as error:
        yield Failure(str(path), f"cannot read: {error.strerror or error}")
        return
    if not raw.strip():
        yield Failure(str(path), "empty file")
        return
    if b"\x00" in raw[:4096]:
        yield Failure(str(path), "binary file, not text")
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        yield Failure(str(path), f"not valid UTF-8 (byte {error.start})")
        return
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl_articles(path, text)
    else:
        yield _text_article(path, text)


def read_paths(
    paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Failure]:
    for found in find_files(paths):
        if isinstance(found, Failure):
            yield found
        else:
            yield from read_path(found, max_bytes)


def _text_article(path: Path, text: str) -> Article:
    meta = front_matter(text)
    return Article(
        id=path.stem,
        text=text,
        path=str(path),
        title=meta.get("title") or _first_line(text),
        url=meta.get("url"),
        source=meta.get("source"),
        published=meta.get("date") or header_date(text),
        content_hash=content_hash(text),
    )


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line and line != "---":
            return line[:300]
    return None


def _jsonl_articles(path: Path, text: str) -> Iterator[Article | Failure]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failure(where, f"not valid JSON ({error.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Failure(where, 'no "text" string in this line')
            continue
        body = record["text"]
        yield Article(
            id=str(record.get("id") or f"{path.stem}-{number}"),
            text=body,
            path=where,
            title=_string(record.get("title")) or _first_line(body),
            url=_string(record.get("url")),
            source=_string(record.get("source")),
            published=_string(record.get("date")) or header_date(body),
            content_hash=content_hash(body),
        )


def _string(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
