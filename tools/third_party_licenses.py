#!/usr/bin/env python3
"""The third-party licence notice for a jinju release: every crate the `jinju` binary links
(normal dependencies, for this machine's target; no dev or build-only tools), its version and licence, and
the licence and notice files each crate ships (MPL-2.0 and BSD require the text, MIT the
copyright notice), read from cargo's local registry sources. Standard library only; no network
(`cargo metadata --offline`).

    python3 tools/third_party_licenses.py > THIRD-PARTY.md      # for the release archive

A crate that ships no licence file is listed with its SPDX expression and "no licence file in
the crate": look it up by hand before a release (the script exits 1 when there is one).
"""

import json
import pathlib
import subprocess
import sys

LICENCE_FILES = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "COPYRIGHT", "UNLICENSE")


def metadata():
    host = subprocess.run(["rustc", "-vV"], check=True, capture_output=True, text=True).stdout
    triple = next(line.split()[1] for line in host.splitlines() if line.startswith("host:"))
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--offline", "--filter-platform", triple],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def linked(meta):
    """The package ids `jinju` links: its normal dependencies, transitively."""
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = next(p["id"] for p in meta["packages"] if p["name"] == "jinju")
    seen, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        for dep in nodes[pid]["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]):
                todo.append(dep["pkg"])
    seen.discard(root)
    return seen


def licence_texts(manifest_path):
    folder = pathlib.Path(manifest_path).parent
    files = sorted(
        f
        for f in folder.iterdir()
        if f.is_file() and f.name.upper().startswith(LICENCE_FILES)
    )
    return [(f.name, f.read_text(errors="replace")) for f in files]


def main():
    meta = metadata()
    ids = linked(meta)
    packages = sorted(
        (p for p in meta["packages"] if p["id"] in ids),
        key=lambda p: (p["name"], p["version"]),
    )
    missing = 0
    print("# Third-party software in jinju\n")
    print("The `jinju` binary links these crates; their licences and notices follow.")
    print("The bundled fonts are under the SIL Open Font License 1.1: see `fonts/OFL.txt`.\n")
    print("| crate | version | licence |\n|---|---|---|")
    for p in packages:
        print(f"| {p['name']} | {p['version']} | {p['license'] or p.get('license_file') or '?'} |")
    for p in packages:
        if p["source"] is None:  # jinju's own font crates: OFL, above
            continue
        print(f"\n## {p['name']} {p['version']} ({p['license']})\n")
        texts = licence_texts(p["manifest_path"])
        if not texts:
            missing += 1
            print("no licence file in the crate\n")
        for name, text in texts:
            print(f"### {name}\n\n```text\n{text.strip()}\n```")
    if missing:
        print(f"{missing} crate(s) ship no licence file: check them by hand", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
