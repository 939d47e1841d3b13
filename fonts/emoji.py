#!/usr/bin/env python3
"""Recreate jinju's colour emoji face (fonts/JinjuEmoji-Regular.ttf) and its sequence table
(fonts/emoji/sequences.txt) from the npm package `twemoji-colr-font` 15.0.3 (Mozilla's
twemoji-colr build of Twemoji as a COLRv0/CPAL font, OFL 1.1; the art is Twemoji's, CC-BY 4.0).

    npm pack twemoji-colr-font@15.0.3      # gives twemoji-colr-font-15.0.3.tgz
    python3 fonts/emoji.py twemoji-colr-font-15.0.3.tgz

Needs fontTools and brotli (`pip install fonttools brotli`: the package ships WOFF2).

The font draws a ZWJ sequence, a skin-tone modifier sequence, a flag or a keycap through GSUB
ligatures (`ccmp`). jinju does its own layout and reads no GSUB, so each ligature instead gets
a code point of its own in Supplementary Private Use Area-A (U+F0000 on, in the order of the
sorted sequences) mapped in the cmap, and sequences.txt lists them: the renderer folds a
sequence in the text into that one character before it typesets (src/card/emoji.rs).
GSUB and the FontForge timestamp table go; the family is renamed Jinju Emoji (a Modified
Version under the OFL) with the copyright and a description of where it comes from.
"""
import hashlib
import io
import os
import sys
import tarfile

from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "JinjuEmoji-Regular.ttf")
TABLE = os.path.join(HERE, "emoji", "sequences.txt")
FIRST_PUA = 0xF0000
VARIATION_SELECTORS = {0xFE0E, 0xFE0F}


def load(tgz):
    with tarfile.open(tgz) as tar:
        data = tar.extractfile("package/twemoji.woff2").read()
    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    font.flavor = None
    return font


def ligatures(font):
    """(code points of the sequence, ligature glyph) for every ligature of GSUB."""
    by_glyph = {}
    for code, glyph in font.getBestCmap().items():
        by_glyph.setdefault(glyph, code)
    found = []
    for lookup in font["GSUB"].table.LookupList.Lookup:
        if lookup.LookupType != 4:
            sys.exit(f"GSUB lookup type {lookup.LookupType}: only ligatures are handled")
        for sub in lookup.SubTable:
            for first, ligs in sub.ligatures.items():
                for lig in ligs:
                    codes = [by_glyph[g] for g in [first, *lig.Component]]
                    found.append((codes, lig.LigGlyph))
    return sorted(found)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    font = load(sys.argv[1])
    seqs = ligatures(font)
    lines = []
    mapping = {}
    for i, (codes, glyph) in enumerate(seqs):
        mapping[FIRST_PUA + i] = glyph
        lines.append(f"{FIRST_PUA + i:X}\t" + " ".join(f"{c:X}" for c in codes))
    for table in font["cmap"].tables:
        if table.isUnicode() and table.format == 12:
            table.cmap.update(mapping)
    for tag in ["GSUB", "FFTM"]:
        if tag in font:
            del font[tag]
    name = font["name"]
    version = name.getDebugName(5) or ""
    new = {1: "Jinju Emoji", 3: "JinjuEmoji-Regular;jinju subset", 4: "Jinju Emoji Regular",
           6: "JinjuEmoji-Regular", 16: "Jinju Emoji"}
    for rec in list(name.names):
        if rec.nameID in new:
            rec.string = new[rec.nameID]
    name.setName("Copyright Twitter, Inc and other contributors (Twemoji graphics, CC-BY 4.0); "
                 "font Mozilla twemoji-colr, SIL Open Font License 1.1", 0, 3, 1, 0x409)
    name.setName(f"Twemoji Mozilla ({version}) with its sequences given code points in "
                 "Plane 15, made for jinju", 10, 3, 1, 0x409)
    font.save(OUT)
    os.makedirs(os.path.dirname(TABLE), exist_ok=True)
    with open(TABLE, "w", encoding="ascii") as f:
        f.write("# code point\tthe sequence it stands for (fonts/emoji.py)\n")
        f.write("\n".join(lines) + "\n")
    with open(OUT, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    print(f"{len(seqs)} sequences; {os.path.getsize(OUT)} bytes; {digest}", file=sys.stderr)


if __name__ == "__main__":
    main()
