#include "ecograph/render/detail/text_metrics.hpp"

#include <cmath>
#include <string>

#include <catch2/catch.hpp>

#include "ecograph/render/render.hpp"

using namespace ecograph;
using namespace ecograph::detail;

namespace {
// The sum of the table's advances of the code points of an ASCII or UTF-32 string.
long sum(const FontFace& face, std::u32string_view text) {
    long units = 0;
    for (char32_t cp : text) units += advance_units(face, cp);
    return units;
}
}  // namespace

TEST_CASE("font metrics: DejaVu Sans 2.37 as Debian ships it", "[render][font]") {
    const FontFace& regular = dejavu_sans(false);
    const FontFace& bold = dejavu_sans(true);
    CHECK(regular.units_per_em == 2048);
    CHECK(regular.ascender == 1901);
    CHECK(regular.descender == 483);
    CHECK(regular.line_gap == 0);
    // Advances read from the fonts with tools/gen_font_metrics.py's parser.
    CHECK(advance_units(regular, U'A') == 1401);
    CHECK(advance_units(bold, U'A') == 1585);
    CHECK(advance_units(regular, U' ') == 651);
    CHECK(advance_units(regular, U'l') == 569);
    CHECK(advance_units(bold, U'l') == 702);
    CHECK(advance_units(regular, U'\u00e9') == 1260);  // é
    CHECK(advance_units(regular, U'\u20ac') == 1303);  // €
    CHECK(advance_units(regular, U'\u0416') == 2206);  // Ж
    CHECK(advance_units(bold, U'\u2192') == 1716);     // →, the legend's arrow
    CHECK(advance_units(regular, U'\u0301') == 0);     // a combining accent
    // Every run lies in its table, in order.
    for (const FontFace* face : {&regular, &bold}) {
        char32_t next = 0;
        for (const FontRun& run : face->runs) {
            CHECK(run.first >= next);
            CHECK(run.offset + run.count <= face->advances.size());
            next = run.first + run.count;
        }
    }
}

TEST_CASE("font metrics: code points the table lacks", "[render][font]") {
    const FontFace& regular = dejavu_sans(false);
    CHECK(advance_units(regular, U'\u6f22') == 2048);                   // 漢: CJK, 1 em
    CHECK(advance_units(regular, U'\u3042') == 2048);                   // あ: kana
    CHECK(advance_units(regular, U'\uac00') == 2048);                   // 가: Hangul
    CHECK(advance_units(regular, U'\U0001F600') == 2048);               // an emoji
    CHECK(advance_units(regular, U'\u0915') == regular.average_width);  // Devanagari KA
    CHECK(advance_units(regular, U'\t') == 0);
    CHECK(advance_units(regular, U'\ufe0f') == 0);  // a variation selector
}

TEST_CASE("text width: the table's sum at the font size, rounded up", "[render][font]") {
    const FontFace& regular = dejavu_sans(false);
    const FontFace& bold = dejavu_sans(true);
    CHECK(text_units(regular, "Alibaba Cloud") == 14150);
    CHECK(text_units(regular, "Alibaba Cloud") == sum(regular, U"Alibaba Cloud"));
    CHECK(text_units(bold, "Infosys") == sum(bold, U"Infosys"));
    CHECK(text_units(regular, "Ж\u20ac漢") == sum(regular, U"Ж\u20ac漢"));
    for (double size : {9.0, 11.0, 12.0, 16.0, 17.3}) {
        for (bool is_bold : {false, true}) {
            const FontFace& face = is_bold ? bold : regular;
            for (std::string text : {"Alibaba Cloud", "CloudProvider", "Infosys", "integrates_with",
                                     "Zürich – Ωmega → Київ"}) {
                TextBox box = measure_text(text, size, is_bold);
                CAPTURE(text, size, is_bold);
                CHECK(box.width ==
                      std::floor(static_cast<double>(text_units(face, text)) * size / 2048 + 1));
                CHECK(box.height == std::floor(size * 1.1 + 0.5));
                CHECK(box.centerline_offset == Approx(0.2 * size));
                CHECK(box.baseline == Approx(1901.0 * size / 2048));
            }
        }
    }
    CHECK(measure_text("Alibaba Cloud", 11, false).width == 77);  // 76.0 points, rounded up
    CHECK(measure_text("Alibaba Cloud", 11, false).height == 12);
    CHECK(measure_text("Alibaba Cloud", 11, true).width >
          measure_text("Alibaba Cloud", 11, false).width);
}

TEST_CASE("text width: ill-formed UTF-8 counts U+FFFD per byte, never crashes", "[render][font]") {
    const FontFace& regular = dejavu_sans(false);
    const long fffd = advance_units(regular, 0xFFFD);
    CHECK(text_units(regular, "") == 0);
    CHECK(text_units(regular, "\xff") == fffd);
    CHECK(text_units(regular, "a\377b") == fffd + sum(regular, U"ab"));
    CHECK(text_units(regular, "\xe6\xbc") == 2 * fffd);          // truncated 漢
    CHECK(text_units(regular, "\xc0\xaf") == 2 * fffd);          // overlong '/'
    CHECK(text_units(regular, "\xed\xa0\x80") == 3 * fffd);      // a surrogate
    CHECK(text_units(regular, "\xf4\x90\x80\x80") == 4 * fffd);  // past U+10FFFF
    CHECK(text_units(regular, "\x80") == fffd);                  // a lone continuation
    CHECK(text_units(regular, std::string_view("a\0b", 3)) == sum(regular, U"ab"));  // NUL: 0
}

TEST_CASE("render: SVG labels are measured from the table, in DejaVu Sans", "[render][font]") {
    // A box around a 16-point label of known width: the node is the label plus its margins.
    std::string dot =
        "digraph g { node [shape=box, margin=0, fontsize=16, fontname=\"DejaVu Sans\"]; "
        "a [label=\"Alibaba Cloud\"] }";
    std::string svg = render_dot(dot, "dot", "svg");
    CHECK(measure_text("Alibaba Cloud", 16, false).width == 111);  // 110.55 + 1, rounded down
    // The box is as wide as the label (Graphviz's minimum width, 54 points, is smaller).
    CHECK_THAT(svg, Catch::Contains("points=\"111,-36 0,-36 0,0 111,0 111,-36\""));
    CHECK_THAT(svg, Catch::Contains("font-family=\"DejaVu Sans\" font-size=\"16.00\""));
    CHECK(render_dot(dot, "dot", "svg") == svg);
}
