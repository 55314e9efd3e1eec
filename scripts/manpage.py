#!/usr/bin/env python3
"""Writes termlint's man page (roff, man(7)) to standard output from the binary's own help.

    python3 scripts/manpage.py path/to/termlint > termlint.1

The help comes from swift-argument-parser's `--experimental-dump-help` (the structured form
of every `--help` text: commands, abstracts, discussions, options with their defaults and
values), so the page lists exactly what `termlint help SUBCOMMAND` prints. scripts/release.sh
puts it in the release tarball as share/man/man1/termlint.1.
"""
import json
import re
import subprocess
import sys
import datetime
import os


def roff(text):
    """Escapes text for a roff line: backslashes, and a leading dot or quote."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def paragraphs(text):
    """A discussion as roff paragraphs: blank lines separate them, indented lines stay verbatim."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        if not block.strip():
            continue
        if all(line.startswith("  ") for line in block.split("\n") if line.strip()):
            out.append(".PP\n.nf\n" + roff(block) + "\n.fi")
        else:
            out.append(".PP\n" + roff(" ".join(l.strip() for l in block.split("\n"))))
    return "\n".join(out)


def names(arg):
    result = []
    for n in arg.get("names", []):
        prefix = {"long": "--", "short": "-", "longWithSingleDash": "-"}.get(n["kind"], "--")
        result.append(prefix + n["name"])
    return result


def synopsis(command, path):
    parts = [" ".join(path)]
    for arg in command.get("arguments", []):
        if not arg.get("shouldDisplay", True):
            continue
        value = arg.get("valueName", "value")
        if arg["kind"] == "positional":
            item = "<" + value + ">"
        else:
            ns = names(arg)
            item = (ns[-1] if ns else "--" + value) + ("" if arg["kind"] == "flag" else " <" + value + ">")
        if arg.get("isRepeating"):
            item += " ..."
        parts.append("[" + item + "]" if arg.get("isOptional") else item)
    if command.get("subcommands"):
        parts.append("<subcommand>")
    return " ".join(parts)


def options(command):
    out = []
    for arg in command.get("arguments", []):
        if not arg.get("shouldDisplay", True):
            continue
        value = arg.get("valueName", "value")
        if arg["kind"] == "positional":
            label = "<" + value + ">"
        else:
            label = ", ".join(names(arg)) + ("" if arg["kind"] == "flag" else " <" + value + ">")
        text = arg.get("abstract", "")
        if arg.get("allValues") and arg["kind"] != "flag":
            text += " (values: " + ", ".join(arg["allValues"]) + ")"
        if arg.get("defaultValue") not in (None, "") and arg["kind"] != "flag":
            text += " (default: " + str(arg["defaultValue"]) + ")"
        out.append(".TP\n.B " + roff(label) + "\n" + roff(text.strip()))
        if arg.get("discussion"):
            discussion = arg["discussion"]
            if isinstance(discussion, dict):  # enumerated values with their own help
                discussion = "\n".join(f"{k}: {v}" for k, v in (discussion.get("enumerated") or {}).items())
            if discussion:
                out.append(roff(str(discussion).strip()))
    return "\n".join(out)


def section(command, path, level):
    out = []
    if level > 0:
        out.append(".SS " + roff(" ".join(path)))
        if command.get("abstract"):
            out.append(".PP\n" + roff(command["abstract"]))
    out.append(".PP\n.B " + roff(synopsis(command, path)))
    if level > 0 and command.get("discussion"):
        out.append(paragraphs(command["discussion"]))
    opts = options(command)
    if opts:
        out.append(opts)
    for sub in command.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            out.extend(section(sub, path + [sub["commandName"]], level + 1))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: manpage.py path/to/termlint")
    binary = sys.argv[1]
    info = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True, capture_output=True, text=True).stdout)
    command = info["command"]
    version = subprocess.run([binary, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    date = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else datetime.datetime.now(datetime.timezone.utc)).strftime("%Y-%m-%d")
    name = command["commandName"]
    page = [
        f'.TH {name.upper()} 1 "{date}" "{roff(version)}" "User Commands"',
        ".SH NAME",
        f"{name} \\- {roff(command.get('abstract', ''))}",
        ".SH SYNOPSIS",
    ]
    for sub in command.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            page.append(".PP\n.B " + roff(f"{name} {sub['commandName']}") + "\n" + roff("[options] ..."))
    page.append(".SH DESCRIPTION")
    if command.get("discussion"):
        page.append(paragraphs(command["discussion"]))
    page.append(".PP\n" + roff(f"{name} help SUBCOMMAND prints the help of one subcommand; this page collects all of them."))
    page.append(".SH OPTIONS")
    page.extend(section(command, [name], 0))
    page.append(".SH COMMANDS")
    for sub in command.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            page.extend(section(sub, [name, sub["commandName"]], 1))
    page.append(".SH EXIT STATUS\n.TP\n.B 0\nNo finding at or above \\-\\-fail\\-on.\n.TP\n.B 1\n"
                "At least one finding at or above \\-\\-fail\\-on.\n.TP\n.B 2\n"
                "A usage, configuration or input error, named on standard error with its file, line and reason.")
    page.append(".SH SEE ALSO\nThe README and Documentation/ folder of the Termlint repository.")
    sys.stdout.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()
