#!/usr/bin/env python3
"""Writes jointops(1) from the parser's own description of the command tree.

    jointops --experimental-dump-help | scripts/manpage.py > jointops.1

ArgumentParser's generate-manual tool drops every character that is not ASCII (all the Chinese of the help),
so the page is made here, in man(7) macros, from the same JSON that tool reads: one section per command with
its abstract, discussion, arguments, options (listed values with their labels) and examples.
"""
import datetime
import json
import sys


def escape(text):
    """Text as roff reads it: backslashes and hyphens escaped, no line starting with a control character."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in text.split("\n"))


def discussion(text):
    """Prose as paragraphs; the examples (and other indented lines) kept as typed, in an example block."""
    out, block = [], []

    def flush():
        if block:
            out.extend([".PP", ".EX"] + [escape(line) for line in block] + [".EE"])
            block.clear()

    paragraph = []
    for line in text.split("\n") + [""]:
        if line.startswith("  "):
            if paragraph:
                out.extend([".PP", escape(" ".join(paragraph))])
                paragraph = []
            block.append(line[2:])
        elif line.strip():
            flush()
            if line.strip() == "Examples:":
                out.extend([".PP", ".B Examples:"])
            else:
                paragraph.append(line.strip())
        else:
            flush()
            if paragraph:
                out.extend([".PP", escape(" ".join(paragraph))])
                paragraph = []
    flush()
    return out


def names(argument):
    if argument["kind"] == "positional":
        return "\\fI<" + escape(argument.get("valueName", "value")) + ">\\fR"
    spelled = ", ".join(("\\-" if n["kind"] == "short" else "\\-\\-") + escape(n["name"])
                        for n in argument.get("names", []))
    if argument["kind"] == "option":
        spelled += " \\fI<" + escape(argument.get("valueName", "value")) + ">\\fR"
    return "\\fB" + spelled + "\\fR" if argument["kind"] != "option" else spelled


def arguments(command):
    out = []
    for argument in command.get("arguments", []):
        spelled = {name["name"] for name in argument.get("names", [])}
        if not argument.get("shouldDisplay", True) or spelled & {"help", "version"}:
            continue
        out.extend([".TP", names(argument)])
        help_text = argument.get("abstract", "")
        if "defaultValue" in argument:
            help_text += " (default: " + argument["defaultValue"] + ")"
        out.append(escape(help_text))
        described = argument.get("allValueDescriptions") or {}
        for value in argument.get("allValueStrings") or argument.get("allValues") or []:
            out.extend([".br", escape("  " + value + (" \u2014 " + described[value] if value in described else ""))])
    return out


def sections(command, path):
    out = []
    for sub in command.get("subcommands", []):
        if not sub.get("shouldDisplay", True):
            continue
        words = path + [sub["commandName"]]
        out.extend([".SS \"" + escape(" ".join(words)) + "\"", escape(sub.get("abstract", ""))])
        out.extend(discussion(sub.get("discussion", "")))
        listed = arguments(sub)
        if listed:
            out.extend([".PP", ".B Arguments and options:", ".RS"] + listed + [".RE"])
        out.extend(sections(sub, words))
    return out


def page(tool):
    root = tool["command"]
    today = datetime.date.today().isoformat()
    lines = [
        '.\\" jointops(1), written by scripts/manpage.py from `jointops --experimental-dump-help`.',
        ".TH JOINTOPS 1 " + today + ' "jointops" "JointOps manual"',
        ".SH NAME",
        "jointops \\- " + escape(root.get("abstract", "")),
        ".SH SYNOPSIS",
        ".B jointops",
        "\\fIcommand\\fR [\\fIsubcommand\\fR] [\\fIarguments\\fR] [\\fIoptions\\fR]",
        ".br",
        ".B jointops help",
        "\\fIcommand\\fR [\\fIsubcommand\\fR]",
        ".SH DESCRIPTION",
    ]
    lines += discussion(root.get("discussion", ""))
    lines += [".SH COMMANDS"] + sections(root, ["jointops"])
    lines += [
        ".SH EXIT STATUS",
        ".TP", "0", "Done (also --help and --version).",
        ".TP", "2", "The command line is mistyped or names something that does not exist: one line on stderr, "
        "ending with the --help to read.",
        ".TP", "3", "A legal or business rule refuses it.",
        ".TP", "4", "It conflicts with what is recorded (already done, someone else was faster): reload and retry.",
        ".TP", "5", "The database cannot be reached or cannot serve the request.",
        ".SH ENVIRONMENT",
        ".TP", ".B DATABASE_URL", "The PostgreSQL server to use; without it (and without PG* settings) the local cluster.",
        ".TP", ".B JOINTOPS_DATA_DIR", "The local cluster's folder.",
        ".TP", ".B JOINTOPS_ON_BEHALF_OF", "The officer an administrator records a paper form for (\\-\\-on\\-behalf\\-of).",
        ".TP", ".B JOINTOPS_REPORTING_URL", "A standby that reports read instead of the primary.",
        ".SH SEE ALSO",
        "README.md of the JointOps repository; \\fBjointops \\-\\-generate\\-completion\\-script\\fR bash|zsh|fish.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(page(json.load(sys.stdin)))
