#!/usr/bin/env python3
"""Recreate the EPUB's text faces (fonts/book/*.otf) from Debian's Noto Serif CJK SC.

Needs Debian's `fonts-noto-cjk` (or the same files under --src) and fontTools
(`pip install fonttools`). Run `fonts/subset.py` first: it writes the character set
(fonts/charset/unicodes.txt) these faces share with the card fonts.

    python3 fonts/book.py [--src DIR]

Unlike the card fonts, these keep the OpenType layout a reader needs for Chinese text —
GSUB/GPOS features `halt vhal kern vkrn vert vrt2` (punctuation compression for CSS
`text-spacing-trim`, kerning, vertical forms) with GDEF — and `vhea`/`vmtx`/`VORG` for
vertical writing. `locl` is left out: for zh it would swap U+2014 back to a short dash.

U+2014 EM DASH is redrawn as a bar across its whole 1-em box (the font's own is 0.89 em with
side bearings), and U+2E3A TWO-EM DASH across 2 em, at the original's height and weight, so
that `——` set from two U+2014 is one continuous 2-em rule, as Chinese typography wants.
The EPUB subsets these faces again to the characters each book uses (`src/epub/font.rs`).

The faces are stored desubroutinized (every glyph's charstring whole, no CFF subroutines):
the EPUB's subsets are desubroutinized anyway, and HarfBuzz makes one a quarter faster from
a face that has none to flatten (3.5 against 4.7 ms for the bundled book's 869 characters),
with the same outlines; the files are 6% larger. `--flatten-only` applies this step alone to
the files in fonts/book/.
"""
import argparse
import hashlib
import os
import subprocess
import sys

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
NOTO = "/usr/share/fonts/opentype/noto"

# (output file, source file, TTC face index)
FONTS = [
    ("NotoSerifSC-Regular.otf", f"{NOTO}/NotoSerifCJK-Regular.ttc", 2),
    ("NotoSerifSC-Bold.otf", f"{NOTO}/NotoSerifCJK-Bold.ttc", 2),
]

FEATURES = "halt,vhal,kern,vkrn,vert,vrt2"

# code point → the width in em its bar must span
DASHES = {0x2014: 1, 0x2E3A: 2}


def subset(out, src, index, unicodes_file):
    subprocess.run([
        sys.executable, "-m", "fontTools.subset", src,
        f"--font-number={index}",
        f"--unicodes-file={unicodes_file}",
        f"--output-file={out}",
        f"--layout-features={FEATURES}",
        "--layout-scripts=*",
        "--drop-tables+=BASE,JSTF,DSIG",
        "--no-hinting",
        "--name-IDs=*",
        "--name-languages=*",
        "--notdef-outline",
    ], check=True)


def join_dashes(path):
    """Redraw the dashes as bars filling their em boxes; keep their height and thickness."""
    font = TTFont(path, recalcTimestamp=False)
    upem = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    glyphs = font.getGlyphSet()
    cff = font["CFF "].cff
    top = cff[cff.fontNames[0]]
    for cp, ems in DASHES.items():
        name = cmap[cp]
        pen = BoundsPen(glyphs)
        glyphs[name].draw(pen)
        _, y0, _, y1 = pen.bounds
        old = top.CharStrings[name]
        advance = ems * upem
        bar = T2CharStringPen(advance - old.private.nominalWidthX, glyphs)
        bar.moveTo((0, y0))
        bar.lineTo((advance, y0))
        bar.lineTo((advance, y1))
        bar.lineTo((0, y1))
        bar.closePath()
        new = bar.getCharString(private=old.private, globalSubrs=old.globalSubrs)
        top.CharStrings[name] = new
        font["hmtx"][name] = (advance, 0)
    name = font["name"]
    version = name.getDebugName(5) or ""
    full = name.getDebugName(4) or "Noto Serif CJK SC"
    name.setName(f"Subset of {full} ({version}) made for jinju's EPUB: layout features "
                 f"{FEATURES.replace(',', ' ')}; U+2014 and U+2E3A fill their em boxes",
                 10, 3, 1, 0x409)
    font.save(path)


def flatten(path):
    """Inline every CFF subroutine call (the outlines stay the same)."""
    font = TTFont(path, recalcTimestamp=False)
    font["CFF "].cff.desubroutinize()
    font.save(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", help="directory holding the source font files (default: Debian's)")
    ap.add_argument("--flatten-only", action="store_true",
                    help="only desubroutinize the faces already in fonts/book/")
    opts = ap.parse_args()
    if opts.flatten_only:
        for out, _, _ in FONTS:
            flatten(os.path.join(HERE, "book", out))
        return
    unicodes = os.path.join(HERE, "charset", "unicodes.txt")
    os.makedirs(os.path.join(HERE, "book"), exist_ok=True)
    for out, src, index in FONTS:
        if opts.src:
            src = os.path.join(opts.src, os.path.basename(src))
        path = os.path.join(HERE, "book", out)
        subset(path, src, index, unicodes)
        join_dashes(path)
        flatten(path)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:16]
        print(f"book/{out}\t{os.path.getsize(path)}\t{digest}", file=sys.stderr)


if __name__ == "__main__":
    main()
