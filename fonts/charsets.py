"""Character sets of the bundled faces, for fonts/subset.py (see fonts/README.md).

- Simplified (the SC faces): 通用规范汉字表 (charset/tongyong-8105.txt), GB 2312 (Python's
  `gb2312` codec), punctuation ranges, every character of content/interview.txt.
- Traditional (the TC faces and the Kai face): Big5 level 1, the 常用字 block A440–C67E
  (5,401 characters: the Ministry of Education's 常用國字標準字體表 and the 次常用 characters
  Big5 moved up), from Python's `big5` codec; written Cantonese (charset/cantonese.txt);
  U+30EDE 𰻞. Big5 level 2 (次常用, 7,652) does not fit: four faces would grow by ≈ 12 MB.
  Han characters only: punctuation, Latin and digits come from the SC partner, whose
  punctuation positions (and vertical forms) are the ones the typesetter compresses for.
- Rare (the fallback face): the HKSCS characters outside the BMP (CJK Extension B and beyond,
  1,693, from Python's `big5hkscs` codec) and U+20000 𠀀.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

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

# Double-byte trail bytes of Big5 and HKSCS.
TRAIL = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))


def decode_range(codec, first, last):
    """Every character `codec` decodes from the double-byte codes first..last."""
    chars = set()
    for code in range(first, last + 1):
        if code & 0xFF not in TRAIL:
            continue
        try:
            chars |= set(code.to_bytes(2, "big").decode(codec))
        except UnicodeDecodeError:
            pass
    return chars


def gb2312():
    return decode_range("gb2312", 0xA1A1, 0xF7FE)


def ranges():
    chars = set()
    for lo, hi in RANGES:
        chars |= {chr(c) for c in range(lo, hi + 1)}
    return chars


def listed(name):
    """The characters of a list under charset/, one a line, `#` lines being comments."""
    with open(os.path.join(HERE, "charset", name), encoding="utf-8") as f:
        lines = [line.strip() for line in f if not line.startswith("#")]
    return {c for line in lines for c in line}


def simplified():
    chars = listed("tongyong-8105.txt") | gb2312() | ranges()
    with open(os.path.join(REPO, "content", "interview.txt"), encoding="utf-8") as f:
        chars |= set(f.read())
    return sorted(c for c in chars if ord(c) >= 0x20)


def traditional():
    chars = decode_range("big5", 0xA440, 0xC67E) | listed("cantonese.txt")
    chars.add("\U00030EDE")
    return sorted(c for c in chars if ord(c) >= 0x3400)


def rare():
    hkscs = decode_range("big5hkscs", 0x8740, 0xFEFE)
    chars = {c for c in hkscs if ord(c) >= 0x20000}
    chars.add("\U00020000")
    return sorted(chars)


def write(path, chars):
    with open(path, "w", encoding="ascii") as f:
        f.write("\n".join(f"U+{ord(c):04X}" for c in chars) + "\n")
