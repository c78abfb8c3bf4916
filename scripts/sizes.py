#!/usr/bin/env python3
"""Files and functions over the size limits (CONTRIBUTING: no file in src/
over 600 lines, no function over 60).

A function's length runs from the line of its `fn` to the line of its
closing brace, found by matching braces outside comments, strings and
character literals. Nested functions (closures are not counted) are measured
on their own and also count towards the function around them.

    scripts/sizes.py [--files N] [--functions N] [folder]

Exits with 1 when something is over a limit, so it can run in CI.
"""

import argparse
import pathlib
import re
import sys

FN = re.compile(
    r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?"
    r"(?:extern\s+\"[^\"]*\"\s+)?fn\s+(\w+)"
)


def code_only(text):
    """The text with comments, strings and character literals blanked out
    (newlines kept, so line numbers stay right)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(blank(text[i:j]))
            i = j
        elif raw := re.match(r'b?r(#*)"', text[i:]):
            end = '"' + raw.group(1)
            j = text.find(end, i + raw.end())
            j = n if j < 0 else j + len(end)
            out.append(blank(text[i:j]))
            i = j
        elif c == '"' and not is_ident_char(text, i - 1) or text.startswith('b"', i):
            j = i + (2 if c == "b" else 1)
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(blank(text[i : j + 1]))
            i = j + 1
        elif c == "'" and (lit := re.match(r"'(?:\\.|\\u\{[0-9a-fA-F]+\}|\\x..|[^\\'])'", text[i:])):
            out.append(" " * lit.end())
            i += lit.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


def is_ident_char(text, i):
    return i >= 0 and (text[i].isalnum() or text[i] == "_")


def blank(segment):
    return "".join("\n" if ch == "\n" else " " for ch in segment)


def functions(path):
    """(name, first line, length) of every function with a body."""
    code = code_only(path.read_text())
    lines = code.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    found = []
    for number, line in enumerate(lines):
        m = FN.match(line)
        if not m:
            continue
        at = starts[number] + m.end()
        body = next((k for k in range(at, len(code)) if code[k] in "{;"), None)
        if body is None or code[body] == ";":
            continue
        depth, k = 0, body
        while k < len(code):
            if code[k] == "{":
                depth += 1
            elif code[k] == "}":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        last = code.count("\n", 0, k)
        found.append((m.group(1), number + 1, last - number + 1))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default="src")
    parser.add_argument("--files", type=int, default=600)
    parser.add_argument("--functions", type=int, default=60)
    args = parser.parse_args()
    paths = sorted(pathlib.Path(args.folder).rglob("*.rs"))
    long_files = []
    long_functions = []
    for path in paths:
        count = len(path.read_text().splitlines())
        if count > args.files:
            long_files.append((count, path))
        for name, line, length in functions(path):
            if length > args.functions:
                long_functions.append((length, f"{path}:{line}", name))
    print(f"Files over {args.files} lines: {len(long_files)}")
    for count, path in sorted(long_files, reverse=True):
        print(f"  {count:5}  {path}")
    print(f"Functions over {args.functions} lines: {len(long_functions)}")
    for length, place, name in sorted(long_functions, reverse=True):
        print(f"  {length:5}  {place}  {name}")
    return 1 if long_files or long_functions else 0


if __name__ == "__main__":
    sys.exit(main())
