"""Read article files into `Article` records.

Accepts files and folders (searched recursively, following symlinks) of
``.txt``, ``.md``, ``.html``/``.htm`` and ``.jsonl`` articles. Real article
folders are messy, so anything that cannot be read becomes a `Failure` naming
the file (or JSONL line) and the problem, and the batch goes on.

Text is UTF-8. Files that are unambiguously in another encoding are decoded
instead of refused: a UTF-8, UTF-16 or UTF-32 byte-order mark says so, and a
file with high bytes but no UTF-8 sequence at all is Windows-1252 (a superset of
Latin-1's printable characters). A file mixing valid UTF-8 with stray bytes is
damaged, and guessing would garble it, so it is refused. Offsets are always
into the decoded text stored with the article.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from . import html
from .dates import (
    closing_date,
    dateline_date,
    front_matter,
    header_date,
    iso_date,
    posted_date,
    without_header,
)
from .records import Article, Failure

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".jsonl"}

# The longest news articles run to about 100 KB of text; 1 MB leaves ample room
# while refusing data dumps, logs and mis-named files that would take minutes to
# parse, and keeps any one paragraph within spaCy's default 1,000,000-character
# limit. In a JSONL file the limit applies to each line (each article), not to
# the whole file. A saved web page is mostly markup around its text, so it may
# be HTML_OVERHEAD times larger.
DEFAULT_MAX_BYTES = 1_000_000
HTML_OVERHEAD = 10

# Byte-order marks, longest first: the UTF-32-LE mark starts with UTF-16-LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Text has a stray control character now and then; binary data has many.
_MAX_CONTROL_SHARE = 0.01
log = logging.getLogger(__name__)


class Unreadable(Exception):
    """Why some bytes are not article text, in words a user can act on."""


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def find_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Failure]:
    """Every article file under ``paths``, in a stable order, each real file once.

    Folders are searched recursively through symlinks; a symlink that leads back
    into a folder being searched is reported as a loop instead of followed.
    """
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as error:
            yield Failure(str(path), _os_problem(error, path))
            continue
        if path.is_dir():
            yield from _walk(path, seen, ())
        elif not path.is_file():
            yield Failure(str(path), "not a regular file (a device, pipe or socket)")
        elif _first_visit(info, seen):
            yield path


def _walk(
    folder: Path, seen: set[tuple[int, int]], ancestors: tuple[tuple[int, int], ...]
) -> Iterator[Path | Failure]:
    info = folder.stat()
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        yield Failure(str(folder), "symlink loop: leads back into a folder already being read")
        return
    if not _first_visit(info, seen):
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield Failure(str(folder), f"cannot read folder: {_os_problem(error, folder)}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
            info = path.stat() if is_dir or is_file else None
        except OSError as error:
            if path.suffix.lower() in SUFFIXES | {""}:  # an article file or a folder
                yield Failure(str(path), _os_problem(error, path))
            continue
        if is_dir:
            yield from _walk(path, seen, (*ancestors, key))
        elif path.suffix.lower() not in SUFFIXES:
            continue
        elif not is_file:
            if entry.is_symlink():
                yield Failure(str(path), _os_problem(FileNotFoundError(errno.ENOENT, ""), path))
            else:
                yield Failure(str(path), "not a regular file (a device, pipe or socket)")
        elif _first_visit(info, seen):
            yield path


def _first_visit(info: os.stat_result, seen: set[tuple[int, int]]) -> bool:
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _os_problem(error: OSError, path: Path) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop"
    if error.errno == errno.ENOENT and path.is_symlink():
        return f"broken symlink (points to {os.readlink(path)}, which does not exist)"
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    if error.errno == errno.EACCES:
        return "permission denied"
    return error.strerror or str(error)


def decode(raw: bytes) -> str:
    """``raw`` as text, or `Unreadable` saying why not (see the module doc)."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as error:
                raise Unreadable(
                    f"starts with a {name} byte-order mark but is not valid {name} "
                    f"(byte {error.start})"
                ) from None
            # Binary data can start with these bytes too; prose has spaces or lines.
            if text.strip() and not re.search(r"\s", text.strip()):
                raise Unreadable(f"binary file, not text (starts like {name} but is not prose)")
            return _check_control(text)
    if b"\x00" in raw:
        raise Unreadable("binary file, not text (or UTF-16 without a byte-order mark)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        text = _legacy(raw, error)
    return _check_control(text)


def _check_control(text: str) -> str:
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise Unreadable("binary file, not text")
    return text


def _legacy(raw: bytes, error: UnicodeDecodeError) -> str:
    where = f"byte {error.start}: 0x{raw[error.start]:02x}"
    if _UTF8_SEQUENCE.search(raw):
        raise Unreadable(
            f"not valid UTF-8 ({where}) in a file that is otherwise UTF-8; "
            "fix or re-save it as UTF-8"
        ) from None
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise Unreadable(
            f"not valid UTF-8 ({where}) nor Latin-1/Windows-1252; re-save it as UTF-8"
        ) from None


def _too_big(size: int, max_bytes: int, what: str, overhead: int = 1) -> str:
    limit = f"{max_bytes * overhead:,}-byte limit for one " + (
        "web page" if overhead > 1 else "article"
    )
    return (
        f"{what} is {size:,} bytes, over the {limit}; "
        f"skipped (raise the limit with --max-bytes {-(-size // overhead)})"
    )


def read_path(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, seen_ids: dict[str, str] | None = None
) -> Iterator[Article | Failure]:
    """The articles in one file: one for a text or HTML file, one per line for JSONL.

    ``seen_ids`` maps each article id already read in this batch to where it
    came from, so a second article with the same id is reported, not allowed to
    silently replace the first in the database.
    """
    seen_ids = {} if seen_ids is None else seen_ids
    try:
        if path.suffix.lower() == ".jsonl":
            with path.open("rb") as stream:
                found = list(_jsonl_articles(path, stream, max_bytes))
            if not found:
                yield Failure(str(path), "empty file")
        else:
            found = [_file_article(path, max_bytes)]
    except OSError as error:
        yield Failure(str(path), f"cannot read: {_os_problem(error, path)}")
        return
    except Unreadable as problem:
        yield Failure(str(path), str(problem))
        return
    for item in found:
        if isinstance(item, Article):
            first = seen_ids.setdefault(item.id, item.path)
            if first != item.path:
                item = Failure(item.path, f"duplicate article id {item.id!r} (also in {first})")
        yield item


def read_paths(
    paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Failure]:
    """Every article under ``paths``, and a `Failure` for everything that is not one."""
    seen_ids: dict[str, str] = {}
    for found in find_files(paths):
        if isinstance(found, Failure):
            yield found
        else:
            yield from read_path(found, max_bytes, seen_ids)


def _file_article(path: Path, max_bytes: int) -> Article:
    size = path.stat().st_size
    overhead = HTML_OVERHEAD if path.suffix.lower() in HTML_SUFFIXES else 1
    if size > max_bytes * overhead:
        raise Unreadable(_too_big(size, max_bytes, "file", overhead))
    raw = path.read_bytes()
    if not raw.strip():
        raise Unreadable("empty file")
    if path.suffix.lower() in HTML_SUFFIXES:
        return _html_article(path, raw)
    text = decode(raw)
    if not text.strip():
        raise Unreadable("empty file")
    meta = front_matter(text)
    return Article(
        id=path.stem,
        text=text,
        path=str(path),
        title=meta.get("title") or _first_line(text),
        url=meta.get("url"),
        source=meta.get("source"),
        published=_published(str(path), meta.get("date"), text),
        content_hash=content_hash(text),
    )


def _html_article(path: Path, raw: bytes) -> Article:
    page = html.main_text(raw, decode)
    if page is None:
        raise Unreadable("no article text found in this HTML page")
    return Article(
        id=path.stem,
        text=page.text,
        path=str(path),
        title=page.title or _first_line(page.text),
        url=page.url,
        source=page.source,
        published=_published(str(path), page.published, page.text),
        content_hash=content_hash(page.text),
    )


def _first_line(text: str) -> str | None:
    """The headline: the first line, without a ``date 2025-10-14`` header fused to it."""
    for line in text.splitlines():
        line = without_header(line.strip())
        if line and line != "---":
            return line[:300]
    return None


def _published(where: str, stated: str | None, text: str) -> str | None:
    """The article's ISO date: the one its record states, else its header, dateline,
    ``Posted:`` line or a wire story's closing ``first published`` line.

    A stated date that cannot be read is reported, once for the file, not dropped
    silently; the article is then dated by its text, if at all.
    """
    if stated:
        if found := iso_date(stated):
            return found
        log.warning(
            "%s: date %r not understood (write it as 2025-03-03 or March 3, 2025); "
            "dating the article by its text instead",
            where,
            stated,
        )
    return header_date(text) or dateline_date(text) or posted_date(text) or closing_date(text)


def _jsonl_articles(path: Path, stream: BinaryIO, max_bytes: int) -> Iterator[Article | Failure]:
    """One article per line; each bad line is its own `Failure` and the rest still load.

    Lines are read with a cap so one enormous line cannot exhaust memory.
    """
    number = 0
    while raw := stream.readline(max_bytes + 1):
        number += 1
        where = f"{path}:{number}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw) + _skip_line(stream, max_bytes)
            yield Failure(where, _too_big(size, max_bytes, "line"))
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.rstrip(b"\r\n").decode("utf-8"))
            yield _jsonl_article(path, number, record)
        except UnicodeDecodeError as error:
            yield Failure(where, f"not valid UTF-8 (byte {error.start} of the line)")
        except json.JSONDecodeError as error:
            yield Failure(where, f"not valid JSON ({error.msg}, column {error.colno})")
        except Unreadable as problem:
            yield Failure(where, str(problem))


def _skip_line(stream: BinaryIO, chunk: int) -> int:
    skipped = 0
    while part := stream.readline(chunk):
        skipped += len(part)
        if part.endswith(b"\n"):
            break
    return skipped


def _jsonl_article(path: Path, number: int, record: object) -> Article:
    if not isinstance(record, dict):
        raise Unreadable(f"expected a JSON object, got {_type_name(record)}")
    if "text" not in record:
        raise Unreadable('no "text" field')
    body = record["text"]
    if not isinstance(body, str):
        raise Unreadable(f'"text" must be a string, not {_type_name(body)}')
    if not body.strip():
        raise Unreadable('empty "text"')
    article_id = record.get("id")
    if isinstance(article_id, bool) or not isinstance(article_id, str | int | None):
        raise Unreadable(f'"id" must be a string or a number, not {_type_name(article_id)}')
    meta = {name: _optional_string(record, name) for name in ("title", "url", "date", "source")}
    return Article(
        id=str(article_id) if article_id not in (None, "") else f"{path.stem}-{number}",
        text=body,
        path=f"{path}:{number}",
        title=meta["title"] or _first_line(body),
        url=meta["url"],
        source=meta["source"],
        published=_published(f"{path}:{number}", meta["date"], body),
        content_hash=content_hash(body),
    )


def _optional_string(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise Unreadable(f'"{name}" must be a string, not {_type_name(value)}')
    return value


def _type_name(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    return names.get(type(value), "a number" if isinstance(value, int | float) else "null")
