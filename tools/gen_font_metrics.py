#!/usr/bin/python3
"""Writes src/ecograph/render/font_metrics.cpp: the glyph advance widths of DejaVu Sans.

ecograph measures the labels of its diagrams itself, from this table, instead of asking pango
(see docs/views.md, "Fonts and text measurement"): the layout, and so the SVG bytes, are then
the same on every machine, whatever fonts it has installed.

Usage (standard library only; the fonts are Debian's fonts-dejavu-core):

    /usr/bin/python3 tools/gen_font_metrics.py \\
        [--regular /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf] \\
        [--bold /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf] \\
        [--output src/ecograph/render/font_metrics.cpp]

Reads the TrueType tables head (units per em), hhea (ascender, descender, line gap, number of
advance widths), hmtx (advance widths), cmap (code point to glyph; formats 4 and 12) and OS/2
(average width), and writes, for each face, the advance widths in font units of every code
point of RANGES that the font maps, as runs of consecutive code points.
"""

import argparse
import hashlib
import os
import struct
import sys

# The blocks measured: enough for the names of companies, people and places in Latin, Greek and
# Cyrillic scripts, with punctuation, currency signs and the arrows and symbols the legend uses.
# A code point outside them, or not in the font, is measured by the fallback rules of
# text_metrics.cpp (CJK and other wide characters 1 em, others the font's average width).
RANGES = [
    (0x0020, 0x007E, "Basic Latin"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x0100, 0x017F, "Latin Extended-A"),
    (0x0180, 0x024F, "Latin Extended-B"),
    (0x0250, 0x02AF, "IPA Extensions"),
    (0x02B0, 0x02FF, "Spacing Modifier Letters"),
    (0x0300, 0x036F, "Combining Diacritical Marks"),
    (0x0370, 0x03FF, "Greek and Coptic"),
    (0x0400, 0x04FF, "Cyrillic"),
    (0x0500, 0x052F, "Cyrillic Supplement"),
    (0x1E00, 0x1EFF, "Latin Extended Additional"),
    (0x1F00, 0x1FFF, "Greek Extended"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x2070, 0x209F, "Superscripts and Subscripts"),
    (0x20A0, 0x20CF, "Currency Symbols"),
    (0x2100, 0x214F, "Letterlike Symbols"),
    (0x2150, 0x218F, "Number Forms"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2200, 0x22FF, "Mathematical Operators"),
    (0x2300, 0x23FF, "Miscellaneous Technical"),
    (0x2460, 0x24FF, "Enclosed Alphanumerics"),
    (0x2500, 0x257F, "Box Drawing"),
    (0x2580, 0x259F, "Block Elements"),
    (0x25A0, 0x25FF, "Geometric Shapes"),
    (0x2600, 0x26FF, "Miscellaneous Symbols"),
    (0x2700, 0x27BF, "Dingbats"),
    (0xFB00, 0xFB4F, "Alphabetic Presentation Forms"),
    (0xFFFC, 0xFFFD, "Specials (object replacement, replacement character)"),
]


class Font:
    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = f.read()
        self.path = path
        self.sha256 = hashlib.sha256(self.data).hexdigest()
        (_, num_tables) = struct.unpack_from(">IH", self.data, 0)
        self.tables = {}
        for i in range(num_tables):
            tag, _, offset, length = struct.unpack_from(">4sIII", self.data, 12 + 16 * i)
            self.tables[tag.decode("latin-1")] = (offset, length)
        for tag in ("head", "hhea", "hmtx", "cmap", "OS/2", "name"):
            if tag not in self.tables:
                sys.exit(f"{path}: no '{tag}' table; not a TrueType/OpenType font?")
        head = self.tables["head"][0]
        (self.units_per_em,) = struct.unpack_from(">H", self.data, head + 18)
        hhea = self.tables["hhea"][0]
        self.ascender, self.descender, self.line_gap = struct.unpack_from(">hhh", self.data, hhea + 4)
        (self.num_hmetrics,) = struct.unpack_from(">H", self.data, hhea + 34)
        os2 = self.tables["OS/2"][0]
        (self.avg_width,) = struct.unpack_from(">h", self.data, os2 + 2)
        self.cmap = self._read_cmap()
        self.name = self._read_name(4)
        self.version = self._read_name(5)

    def advance(self, glyph):
        hmtx = self.tables["hmtx"][0]
        index = min(glyph, self.num_hmetrics - 1)  # the last advance repeats for the rest
        (width,) = struct.unpack_from(">H", self.data, hmtx + 4 * index)
        return width

    def _read_cmap(self):
        base = self.tables["cmap"][0]
        (_, count) = struct.unpack_from(">HH", self.data, base)
        best = None  # (rank, offset): a full-Unicode format 12 table beats a BMP format 4 one
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", self.data, base + 4 + 8 * i)
            (fmt,) = struct.unpack_from(">H", self.data, base + offset)
            unicode = platform == 0 or (platform == 3 and encoding in (1, 10))
            if not unicode or fmt not in (4, 12):
                continue
            rank = 2 if fmt == 12 else 1
            if best is None or rank > best[0]:
                best = (rank, base + offset)
        if best is None:
            sys.exit(f"{self.path}: no Unicode cmap of format 4 or 12")
        return self._cmap12(best[1]) if best[0] == 2 else self._cmap4(best[1])

    def _cmap4(self, at):
        (seg_x2,) = struct.unpack_from(">H", self.data, at + 6)
        segs = seg_x2 // 2
        ends = struct.unpack_from(f">{segs}H", self.data, at + 14)
        starts = struct.unpack_from(f">{segs}H", self.data, at + 16 + seg_x2)
        deltas = struct.unpack_from(f">{segs}h", self.data, at + 16 + 2 * seg_x2)
        range_at = at + 16 + 3 * seg_x2
        offsets = struct.unpack_from(f">{segs}H", self.data, range_at)
        cmap = {}
        for s in range(segs):
            for cp in range(starts[s], ends[s] + 1):
                if cp == 0xFFFF:
                    continue
                if offsets[s] == 0:
                    glyph = (cp + deltas[s]) & 0xFFFF
                else:
                    addr = range_at + 2 * s + offsets[s] + 2 * (cp - starts[s])
                    (glyph,) = struct.unpack_from(">H", self.data, addr)
                    if glyph:
                        glyph = (glyph + deltas[s]) & 0xFFFF
                if glyph:
                    cmap[cp] = glyph
        return cmap

    def _cmap12(self, at):
        (groups,) = struct.unpack_from(">I", self.data, at + 12)
        cmap = {}
        for g in range(groups):
            first, last, glyph = struct.unpack_from(">III", self.data, at + 16 + 12 * g)
            for cp in range(first, last + 1):
                if glyph + cp - first:
                    cmap[cp] = glyph + cp - first
        return cmap

    def _read_name(self, name_id):
        base = self.tables["name"][0]
        _, count, strings = struct.unpack_from(">HHH", self.data, base)
        for i in range(count):
            platform, encoding, _, nid, length, offset = struct.unpack_from(
                ">HHHHHH", self.data, base + 6 + 12 * i)
            if nid != name_id:
                continue
            raw = self.data[base + strings + offset:base + strings + offset + length]
            if platform in (0, 3):
                return raw.decode("utf-16-be")
            if platform == 1 and encoding == 0:
                return raw.decode("latin-1")
        return "?"


def runs(font):
    """[(first code point, [advance, ...])]: consecutive mapped code points of RANGES."""
    out = []
    for first, last, _ in RANGES:
        for cp in range(first, last + 1):
            if cp not in font.cmap:
                continue
            width = font.advance(font.cmap[cp])
            if out and out[-1][0] + len(out[-1][1]) == cp:
                out[-1][1].append(width)
            else:
                out.append((cp, [width]))
    return out


def runs_source(var, face_runs):
    lines = [f"constexpr FontRun k{var}[] = {{"]
    offset = 0
    for first, ws in face_runs:
        lines.append(f"    {{0x{first:04X}, {len(ws)}, {offset}}},")
        offset += len(ws)
    lines.append("};")
    return lines


def face_source(var, font, runs_var):
    """The advances of one face; its runs are k{runs_var}, emitted here unless shared."""
    lines = []
    face_runs = runs(font)
    widths = [w for _, ws in face_runs for w in ws]
    lines.append(f"// {font.name}, {font.version}: {len(widths)} code points in "
                 f"{len(face_runs)} runs.")
    lines.append("// clang-format off")
    lines.append(f"// {os.path.basename(font.path)}, SHA-256 {font.sha256}.")
    if runs_var == f"{var}Runs":
        lines += runs_source(runs_var, face_runs)
    lines.append(f"constexpr std::uint16_t k{var}Advances[] = {{")
    for first, ws in face_runs:
        for i in range(0, len(ws), 12):
            chunk = ", ".join(str(w) for w in ws[i:i + 12])
            lines.append(f"    {chunk},  // U+{first + i:04X}")
    lines.append("};")
    lines.append("// clang-format on")
    lines.append("")
    lines.append(f"constexpr FontFace k{var}{{")
    lines.append(f"    {font.units_per_em}, {font.ascender}, {-font.descender}, "
                 f"{font.line_gap}, {font.avg_width}, k{runs_var}, k{var}Advances,")
    lines.append("};")
    return "\n".join(lines)


def faces_source(regular, bold):
    """Both faces; one table of runs when they map the same code points (DejaVu Sans does)."""
    shape = lambda font: [(first, len(ws)) for first, ws in runs(font)]
    if shape(regular) != shape(bold):
        return face_source("Regular", regular, "RegularRuns") + "\n\n" + face_source(
            "Bold", bold, "BoldRuns")
    shared = "\n".join(["// The code points both faces map, as runs: the same in both.",
                         "// clang-format off"] + runs_source("Runs", runs(regular)) +
                        ["// clang-format on"])
    return "\n\n".join([shared, face_source("Regular", regular, "Runs"),
                         face_source("Bold", bold, "Runs")])


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regular", default="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    parser.add_argument("--bold", default="/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    parser.add_argument("--output",
                        default=os.path.join(root, "src/ecograph/render/font_metrics.cpp"))
    args = parser.parse_args()
    regular, bold = Font(args.regular), Font(args.bold)
    if regular.units_per_em != bold.units_per_em:
        sys.exit("the regular and bold faces differ in units per em")
    text = f"""\
// Generated by tools/gen_font_metrics.py from Debian's fonts-dejavu-core: do not edit; rerun
// `/usr/bin/python3 tools/gen_font_metrics.py` instead. The tables are exempt from clang-format
// (between the clang-format off/on comments); the rest of the file is formatted.
//
// Advance widths in font units (units_per_em to the em) of the code points the font maps in the
// blocks listed in the script, as runs of consecutive code points. Kerning is left out, so a
// label is measured a little wider than a viewer without hinting sets it.

#include <cstdint>

#include "ecograph/render/detail/text_metrics.hpp"

namespace ecograph::detail {{
namespace {{

{faces_source(regular, bold)}

}}  // namespace

const FontFace& dejavu_sans(bool bold) {{ return bold ? kBold : kRegular; }}

}}  // namespace ecograph::detail
"""
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.output)
    print(f"wrote {args.output}: {len(runs(regular))} + {len(runs(bold))} runs")


if __name__ == "__main__":
    main()
