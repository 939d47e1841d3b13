#!/usr/bin/env python3
"""Recreate jinju's bundled font subsets (fonts/*.otf, fonts/*.ttf).

Needs Debian's `fonts-noto-cjk`, `fonts-lxgw-wenkai` and `fonts-hanazono` packages (or the
same files under --src) and fontTools (`pip install fonttools`, which provides pyftsubset).

    python3 fonts/subset.py [--src DIR]

Character sets (fonts/charsets.py says where each comes from): the SC faces hold the
Simplified set (charset/unicodes.txt), the Kai face the Simplified and the Traditional sets,
the TC faces the Traditional set (charset/traditional.txt) less the characters whose glyph
is the SC face's own (Noto's collections share one glyph set: the renderer takes those from
the SC face, which draws them identically), and the rare-character face the rare set
(charset/rare.txt).
Subsets keep no layout tables (GSUB/GPOS/GDEF/BASE/JSTF) and no hinting. The LXGW WenKai
and HanaMinB subsets are renamed: their Reserved Font Names may not name a modified font.
"""
import argparse
import hashlib
import os
import subprocess
import sys

from fontTools.ttLib import TTFont

import charsets

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
NOTO = "/usr/share/fonts/opentype/noto"
LXGW = "/usr/share/fonts/truetype/lxgw-wenkai"
HANAZONO = "/usr/share/fonts/truetype/hanazono"

# (output file, source file, TTC face index or None, character set, new family name or None)
# Character sets: "sc", "sc+tc", "tc" (less the glyphs the SC face at index 2 shares), "rare".
FONTS = [
    ("NotoSerifSC-Bold.otf", f"{NOTO}/NotoSerifCJK-Bold.ttc", 2, "sc", None),
    ("NotoSerifSC-Regular.otf", f"{NOTO}/NotoSerifCJK-Regular.ttc", 2, "sc", None),
    ("NotoSansSC-Regular.otf", f"{NOTO}/NotoSansCJK-Regular.ttc", 2, "sc", None),
    ("NotoSansSC-Bold.otf", f"{NOTO}/NotoSansCJK-Bold.ttc", 2, "sc", None),
    ("JinjuKai-Regular.ttf", f"{LXGW}/LXGWWenKai-Regular.ttf", None, "sc+tc",
     ("Jinju Kai", "LXGW WenKai")),
    ("NotoSerifTC-Bold.otf", f"{NOTO}/NotoSerifCJK-Bold.ttc", 3, "tc", None),
    ("NotoSerifTC-Regular.otf", f"{NOTO}/NotoSerifCJK-Regular.ttc", 3, "tc", None),
    ("NotoSansTC-Regular.otf", f"{NOTO}/NotoSansCJK-Regular.ttc", 3, "tc", None),
    ("NotoSansTC-Bold.otf", f"{NOTO}/NotoSansCJK-Bold.ttc", 3, "tc", None),
    ("JinjuRare-Regular.ttf", f"{HANAZONO}/HanaMinB.ttf", None, "rare",
     ("Jinju Rare", "HanaMinB")),
]

# The face of a collection whose glyphs a TC subset leaves to it.
SC_FACE = 2



def rename(path, family, original):
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
    name.setName(f"Subset of {original} ({version}) made for jinju",
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


def shared_with_sc(src, index, chars):
    """The characters of `chars` that face `index` of collection `src` draws with the very
    glyph its SC face has."""
    from fontTools.ttLib.ttCollection import TTCollection
    faces = TTCollection(src, lazy=True).fonts
    sc, own = faces[SC_FACE].getBestCmap(), faces[index].getBestCmap()
    return {c for c in chars if ord(c) in sc and sc[ord(c)] == own.get(ord(c))}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", help="directory holding the source font files (default: Debian's)")
    opts = ap.parse_args()
    sets = {"sc": charsets.simplified(), "tc": charsets.traditional(), "rare": charsets.rare()}
    sets["sc+tc"] = sorted(set(sets["sc"]) | set(sets["tc"]))
    for name, file in [("sc", "unicodes.txt"), ("tc", "traditional.txt"), ("rare", "rare.txt")]:
        charsets.write(os.path.join(HERE, "charset", file), sets[name])
        print(f"{name}: {len(sets[name])} code points", file=sys.stderr)
    unicodes = os.path.join(HERE, "charset", "faces.tmp")
    for out, src, index, charset, names in FONTS:
        if opts.src:
            src = os.path.join(opts.src, os.path.basename(src))
        chars = sets[charset]
        if charset == "tc":
            shared = shared_with_sc(src, index, set(chars) & set(sets["sc"]))
            chars = [c for c in chars if c not in shared]
        charsets.write(unicodes, chars)
        path = os.path.join(HERE, out)
        subset(path, src, index, unicodes)
        if names:
            rename(path, *names)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:16]
        print(f"{out}\t{len(chars)}\t{os.path.getsize(path)}\t{digest}", file=sys.stderr)
    os.remove(unicodes)


if __name__ == "__main__":
    main()
