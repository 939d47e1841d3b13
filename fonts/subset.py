#!/usr/bin/env python3
"""Recreate jinju's bundled font subsets (fonts/*.otf, fonts/*.ttf).

Needs Debian's `fonts-noto-cjk` and `fonts-lxgw-wenkai` packages (or the same files under
--src) and fontTools (`pip install fonttools`, which provides pyftsubset).

    python3 fonts/subset.py [--src DIR]

The character set is the union of
  - 通用规范汉字表 (8,105 characters, fonts/charset/tongyong-8105.txt),
  - GB 2312 (every code point the gb2312 codec decodes, 7,445),
  - ASCII, Latin-1, general punctuation, CJK symbols and punctuation, full-width and
    half-width forms, vertical forms and CJK compatibility forms,
  - every character of content/interview.txt.
Subsets keep no layout tables (GSUB/GPOS/GDEF/BASE/JSTF) and no hinting. The LXGW WenKai
subset is renamed: its Reserved Font Names ("霞鹜", "LXGW") may not name a modified font.
"""
import argparse
import hashlib
import os
import subprocess
import sys

from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
NOTO = "/usr/share/fonts/opentype/noto"
LXGW = "/usr/share/fonts/truetype/lxgw-wenkai"

# (output file, source file, TTC face index or None, new family name or None)
FONTS = [
    ("NotoSerifSC-Bold.otf", f"{NOTO}/NotoSerifCJK-Bold.ttc", 2, None),
    ("NotoSerifSC-Regular.otf", f"{NOTO}/NotoSerifCJK-Regular.ttc", 2, None),
    ("NotoSansSC-Regular.otf", f"{NOTO}/NotoSansCJK-Regular.ttc", 2, None),
    ("NotoSansSC-Bold.otf", f"{NOTO}/NotoSansCJK-Bold.ttc", 2, None),
    ("JinjuKai-Regular.ttf", f"{LXGW}/LXGWWenKai-Regular.ttf", None, "Jinju Kai"),
]

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (· × ° etc.)
    (0x2000, 0x206F),  # general punctuation (— … “ ” ‘ ’ ‧)
    (0x2190, 0x2193),  # arrows
    (0x2E3A, 0x2E3B),  # two- and three-em dash
    (0x22EF, 0x22EF),  # midline horizontal ellipsis
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]


def gb2312():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def charset():
    with open(os.path.join(HERE, "charset", "tongyong-8105.txt"), encoding="utf-8") as f:
        chars = set(f.read())
    chars |= gb2312()
    with open(os.path.join(REPO, "content", "interview.txt"), encoding="utf-8") as f:
        chars |= set(f.read())
    for lo, hi in RANGES:
        chars |= {chr(c) for c in range(lo, hi + 1)}
    return sorted(c for c in chars if ord(c) >= 0x20)


def rename(path, family):
    """Replace every name record that carries the original family name."""
    font = TTFont(path, recalcTimestamp=False)
    name = font["name"]
    style = name.getDebugName(2) or "Regular"
    postscript = family.replace(" ", "") + "-" + style
    new = {1: family, 3: f"{postscript};jinju subset", 4: f"{family} {style}", 6: postscript,
           16: family, 17: style}
    for rec in list(name.names):
        if rec.nameID in new:
            rec.string = new[rec.nameID]
    # Keep the copyright and licence records; say where the font comes from.
    version = name.getDebugName(5) or ""
    name.setName(f"Subset of LXGW WenKai ({version}) made for jinju",
                 10, 3, 1, 0x409)
    font.save(path)


def subset(out, src, index, unicodes_file):
    args = [
        sys.executable, "-m", "fontTools.subset", src,
        f"--unicodes-file={unicodes_file}",
        f"--output-file={out}",
        "--layout-features=",
        "--drop-tables+=GSUB,GPOS,GDEF,BASE,JSTF,DSIG",
        "--no-hinting",
        "--name-IDs=*",
        "--name-languages=*",
        "--notdef-outline",
    ]
    if index is not None:
        args.append(f"--font-number={index}")
    subprocess.run(args, check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", help="directory holding the source font files (default: Debian's)")
    opts = ap.parse_args()
    chars = charset()
    unicodes = os.path.join(HERE, "charset", "unicodes.txt")
    with open(unicodes, "w", encoding="ascii") as f:
        f.write("\n".join(f"U+{ord(c):04X}" for c in chars) + "\n")
    print(f"{len(chars)} code points", file=sys.stderr)
    for out, src, index, family in FONTS:
        if opts.src:
            src = os.path.join(opts.src, os.path.basename(src))
        path = os.path.join(HERE, out)
        subset(path, src, index, unicodes)
        if family:
            rename(path, family)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:16]
        print(f"{out}\t{os.path.getsize(path)}\t{digest}", file=sys.stderr)


if __name__ == "__main__":
    main()
