"""User text made safe to show: control characters visible, markup inert.

Packs are shared between people and sessions, profiles and settings can be mangled by a sync tool
or an editor, so their text is data. Printed raw, an ``ESC`` or a C1 control (``U+009B`` is a
second way to start an escape sequence) lets a file clear the screen, retitle the window or plant
a hyperlink. :func:`visible` is the one sanitiser for text bound for a terminal: it swaps every
C0 and C1 control character (except tab and line breaks) for a visible stand-in, one character for
one, so offsets into the text (evidence spans) stay valid and nothing is silently dropped. With its
introducer gone, no escape sequence can start.

Markup is the other half: the front ends never parse user text as Rich/Textual markup (they build
``Text`` objects), and Markdown reports escape it with :func:`markdown_escape`.
"""

from __future__ import annotations

import json
import re
from typing import Any

_PICTURES_START = 0x2400  # "Control Pictures": ␀ ␁ ... ␟ stand for C0 controls 0x00-0x1f
REPLACEMENT_DEL = "\u2421"  # ␡
REPLACEMENT_C1 = "\u2426"  # "symbol for substitute form two": one visible mark for every C1 control
REPLACEMENT_CR = "\u240d"  # ␍ for a carriage return that is not part of a CRLF line break

_KEPT = {"\n", "\t"}
_TABLE: dict[int, str] = {code: chr(_PICTURES_START + code) for code in range(0x20) if chr(code) not in _KEPT | {"\r"}}
_TABLE[0x7F] = REPLACEMENT_DEL
_TABLE.update({code: REPLACEMENT_C1 for code in range(0x80, 0xA0)})
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LONE_CR = re.compile(r"\r(?!\n)")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible one of the same length.

    Tab, newline and CRLF line breaks are kept; a lone carriage return (which would let text
    overwrite its own line), ``ESC``, the other C0 controls, ``DEL`` and the C1 controls
    (``U+0080``-``U+009F``) become printable symbols. Linear in the length of ``text``.

    Args:
        text: Text from a user's file, an answer, a device name...

    Returns:
        Text that cannot move the cursor, start an escape sequence or ring the bell.
    """
    if not _CONTROLS.search(text):
        return text
    cleaned = text.translate(_TABLE)
    if "\r" in cleaned:
        cleaned = _LONE_CR.sub(REPLACEMENT_CR, cleaned)
    return cleaned


def json_text(value: Any, *, indent: int | None = 2) -> str:
    """``value`` as JSON that is safe to print: no raw control character survives.

    ``json.dumps`` already escapes C0 controls; with ``ensure_ascii=False`` (kept so that accented
    answers stay readable) it would pass DEL, the C1 controls and the Unicode line separators
    through raw. They are written as ``\\uXXXX`` escapes instead: the data is unchanged.
    """
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#+=>-]|\d+[.)])", re.MULTILINE)


def markdown_escape(text: str) -> str:
    """``text`` for a Markdown document: shown literally, never turned into links, HTML or headings.

    Backslash-escapes the characters that start inline syntax (links, emphasis, code, HTML, tables)
    and the ones that start a block at the beginning of a line (headings, lists, quotes). Control
    characters are made :func:`visible` too, since Markdown files are read in terminals.
    """
    escaped = _MARKDOWN_INLINE.sub(r"\\\1", visible(text))
    return _MARKDOWN_LINE_START.sub(_escape_block_start, escaped)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # "12." starts an ordered list: escape its dot, not a digit
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"
