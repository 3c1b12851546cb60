#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace ecograph::detail {

/// Consecutive code points `first`, `first + 1`, ... `first + count - 1`, whose advance widths
/// are `advances[offset]`, `advances[offset + 1]`, ... in their FontFace.
struct FontRun {
    char32_t first;
    std::uint16_t count;
    std::uint16_t offset;
};

/// One face's metrics, in font units (`units_per_em` to the em), from its hhea, OS/2 and hmtx
/// tables. `descender` is positive (below the baseline); `runs` are sorted by code point.
struct FontFace {
    int units_per_em;
    int ascender;
    int descender;
    int line_gap;
    int average_width;  // OS/2 xAvgCharWidth
    std::span<const FontRun> runs;
    std::span<const std::uint16_t> advances;
};

/// DejaVu Sans (Book) or DejaVu Sans Bold, as tools/gen_font_metrics.py read them from Debian's
/// fonts-dejavu-core into the generated font_metrics.cpp.
const FontFace& dejavu_sans(bool bold);

/// The advance width of `cp`, in font units. A code point the table lacks counts 1 em when it
/// is wide in East Asian text (CJK ideographs, kana, Hangul, fullwidth forms, emoji), nothing
/// when it is a control character or a variation selector, and the face's average width
/// otherwise.
int advance_units(const FontFace& face, char32_t cp);

/// The sum of the advance widths of the code points of `utf8`, in font units. Each byte of an
/// ill-formed sequence counts as one U+FFFD.
long text_units(const FontFace& face, std::string_view utf8);

/// How Graphviz sees a line of text in ecograph's diagrams: its box and where its baseline is.
struct TextBox {
    double width;              // points: the advance widths, rounded up to a whole point
    double height;             // points: the line height, 1.1 times the size, to a point
    double baseline;           // points from the top of the line to the baseline (ascender)
    double centerline_offset;  // points: how far Graphviz moves a centred line down
};

/// The box of `utf8` set in DejaVu Sans (bold or not) at `size` points, with the conventions
/// of Graphviz 2.42's pango plugin: the width rounded up as it does, the line 1.1 em high and
/// the centre line 0.2 em, whatever the font.
TextBox measure_text(std::string_view utf8, double size, bool bold);

}  // namespace ecograph::detail
