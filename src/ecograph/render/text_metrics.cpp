#include "ecograph/render/detail/text_metrics.hpp"

#include <algorithm>
#include <cmath>

#include "ecograph/core/utf8.hpp"

namespace ecograph::detail {
namespace {

// Wide in East Asian text (Unicode's East Asian Width W or F), and common emoji: set 1 em wide
// by the fonts that have them. Sorted, for a binary search.
constexpr char32_t kWide[][2] = {
    {0x1100, 0x115F},    // Hangul Jamo (leading consonants)
    {0x2E80, 0x303E},    // CJK radicals, Kangxi, ideographic description, CJK punctuation
    {0x3041, 0x33FF},    // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK enclosed
    {0x3400, 0x4DBF},    // CJK Unified Ideographs Extension A
    {0x4E00, 0x9FFF},    // CJK Unified Ideographs
    {0xA000, 0xA4CF},    // Yi
    {0xA960, 0xA97F},    // Hangul Jamo Extended-A
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK Compatibility Ideographs
    {0xFE10, 0xFE19},    // vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility forms, small form variants
    {0xFF00, 0xFF60},    // fullwidth forms
    {0xFFE0, 0xFFE6},    // fullwidth signs
    {0x1F300, 0x1F64F},  // miscellaneous symbols and pictographs, emoticons
    {0x1F680, 0x1F6FF},  // transport and map symbols
    {0x1F900, 0x1F9FF},  // supplemental symbols and pictographs
    {0x20000, 0x3FFFD},  // CJK Unified Ideographs Extensions B and later
};

bool is_wide(char32_t cp) {
    auto it = std::upper_bound(std::begin(kWide), std::end(kWide), cp,
                               [](char32_t c, const char32_t(&range)[2]) { return c < range[0]; });
    return it != std::begin(kWide) && cp <= (*(it - 1))[1];
}

// Nothing drawn, nothing advanced: C0 and C1 controls, variation selectors.
bool is_zero_width(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xE0100 && cp <= 0xE01EF);
}

}  // namespace

int advance_units(const FontFace& face, char32_t cp) {
    auto it = std::upper_bound(face.runs.begin(), face.runs.end(), cp,
                               [](char32_t c, const FontRun& run) { return c < run.first; });
    if (it != face.runs.begin()) {
        const FontRun& run = *(it - 1);
        if (cp - run.first < run.count) return face.advances[run.offset + (cp - run.first)];
    }
    if (is_zero_width(cp)) return 0;
    if (is_wide(cp)) return face.units_per_em;
    return face.average_width;
}

long text_units(const FontFace& face, std::string_view utf8) {
    long units = 0;
    for (std::size_t i = 0; i < utf8.size();)
        units += advance_units(face, next_code_point(utf8, i));
    return units;
}

TextBox measure_text(std::string_view utf8, double size, bool bold) {
    const FontFace& face = dejavu_sans(bold);
    // Integer font units summed first, then scaled: the same bits on every machine.
    double em = size / face.units_per_em;
    TextBox box;
    // As Graphviz's pango plugin: rounded up, "so that width/height are never too small".
    box.width = std::floor(static_cast<double>(text_units(face, utf8)) * em + 1);
    // Graphviz's pango plugin replaces pango's line height (DejaVu Sans: ascender plus
    // descender, 1.164 em) by 1.1 em rounded to a point, and centres lines 0.2 em low; ecograph
    // keeps both, so that boxes are as tall as they were when pango measured.
    box.height = std::floor(size * 1.1 + 0.5);
    box.baseline = face.ascender * em;
    box.centerline_offset = 0.2 * size;
    return box;
}

}  // namespace ecograph::detail
