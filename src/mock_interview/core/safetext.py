"""User text made safe to show: control characters visible, markup inert.

Packs are shared between people and sessions, profiles and settings can be mangled by a sync tool
or an editor, so their text is data. Printed raw, an ``ESC`` or a C1 control (``U+009B`` is a
second way to start an escape sequence) lets a file clear the screen, retitle the window or plant
a hyperlink; a bidirectional override makes a line read in another order than it is stored, and
zero-width characters hide words inside others. :func:`visible` is the one sanitiser for text bound
for a terminal: it swaps every C0 and C1 control character (except tab and line breaks) and every
invisible format character for a visible stand-in, one character for one, so offsets into the text
(evidence spans) stay valid and nothing is silently dropped. With its introducer gone, no escape
sequence can start.

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

REPLACEMENT_FORMAT = "\u25af"  # ▯ for an invisible format character (bidi control, zero-width space, soft hyphen...)
REPLACEMENT_SURROGATE = "\ufffd"  # � for a byte of a file name that was not UTF-8 (a lone surrogate)

# Unicode's "format" characters (category Cf): invisible, and some of them reorder what follows
# (RIGHT-TO-LEFT OVERRIDE makes "txt.exe" read "exe.txt"). Listed by range so no table of a million
# code points is built at start-up; a test checks the list against unicodedata.
FORMAT_RANGES = (
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)
_FORMAT_CLASS = "".join(f"{chr(low)}-{chr(high)}" if low != high else chr(low) for low, high in FORMAT_RANGES)

_KEPT = {"\n", "\t"}
_TABLE: dict[int, str] = {code: chr(_PICTURES_START + code) for code in range(0x20) if chr(code) not in _KEPT | {"\r"}}
_TABLE[0x7F] = REPLACEMENT_DEL
_TABLE.update({code: REPLACEMENT_C1 for code in range(0x80, 0xA0)})
_CONTROLS = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_FORMAT_CLASS}\\ud800-\\udfff]")
_INVISIBLE = re.compile(f"[{_FORMAT_CLASS}]")
_SURROGATES = re.compile("[\\ud800-\\udfff]")
_LONE_CR = re.compile(r"\r(?!\n)")
_JSON_UNSAFE = re.compile(f"[\\x7f-\\x9f\\u2028\\u2029{_FORMAT_CLASS}\\ud800-\\udfff]")


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible one of the same length.

    Tab, newline and CRLF line breaks are kept; a lone carriage return (which would let text
    overwrite its own line), ``ESC``, the other C0 controls, ``DEL`` and the C1 controls
    (``U+0080``-``U+009F``) become printable symbols; so do the invisible format characters
    (bidirectional overrides and isolates, zero-width spaces and joiners, the soft hyphen: ``▯``),
    which can reorder or hide what a terminal shows, and the lone surrogates that stand for the
    bytes of a file name that is not UTF-8 (``�``). Linear in the length of ``text``.

    Args:
        text: Text from a user's file, an answer, a device name...

    Returns:
        Text that cannot move the cursor, start an escape sequence or ring the bell.
    """
    if not _CONTROLS.search(text):
        return text
    cleaned = _SURROGATES.sub(REPLACEMENT_SURROGATE, _INVISIBLE.sub(REPLACEMENT_FORMAT, text.translate(_TABLE)))
    if "\r" in cleaned:
        cleaned = _LONE_CR.sub(REPLACEMENT_CR, cleaned)
    return cleaned


def json_text(value: Any, *, indent: int | None = 2) -> str:
    """``value`` as JSON that is safe to print: no raw control character survives.

    ``json.dumps`` already escapes C0 controls; with ``ensure_ascii=False`` (kept so that accented
    answers stay readable) it would pass DEL, the C1 controls, the Unicode line separators, the
    invisible format characters and lone surrogates (a file name that is not UTF-8) through raw,
    the last as bytes that are not UTF-8 at all. They are written as ``\\uXXXX`` escapes instead:
    the data is unchanged and the output is valid UTF-8 JSON.
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
