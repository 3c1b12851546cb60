#include "ecograph/render/styled_dot.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "ecograph/analysis/grouping.hpp"
#include "ecograph/io/attr_types.hpp"
#include "ecograph/io/dot_writer.hpp"
#include "ecograph/schema/attr_value.hpp"

namespace ecograph {
namespace {

// Text for an HTML-like label: &, < and > escaped.
std::string html_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '"')
            out += "&quot;";
        else
            out += c;
    }
    return out;
}

// DejaVu Sans is the font whose metrics ecograph measures labels with (render/font_metrics.cpp):
// the widest of the common sans-serif fonts, and on every Debian with fontconfig. A viewer
// without it takes a narrower one from the list, whose text then fits its box with room to
// spare. See docs/views.md, "Fonts and text measurement".
constexpr const char* kFontName = "DejaVu Sans,Helvetica,Arial,sans-serif";

std::string type_label(std::string_view t) { return t.empty() ? "(untyped)" : std::string(t); }

class Writer {
public:
    Writer(const Graph& g, const Schema& s, const StyleOptions& o) : g_(g), s_(s), o_(o) {}

    std::string run() {
        for (double x : o_.size) max_size_ = std::max(max_size_, x);
        for (double x : o_.color) max_color_ = std::max(max_color_, x);
        header();
        auto order = entities_by_id(g_);
        if (o_.cluster_by == "region")
            clusters_by_region(order);
        else if (o_.cluster_by == "type")
            clusters_by_type(order);
        else
            for (EntityIndex v : order) node(v, "  ");
        edges();
        if (o_.legend) legend();
        out_ += "}\n";
        return std::move(out_);
    }

private:
    void header() {
        out_ += fmt::format("{} {} {{\n", g_.directed() ? "digraph" : "graph",
                            dot_quote(g_.graph_name().empty() ? "ecosystem" : g_.graph_name()));
        std::string title = !o_.title.empty()     ? o_.title
                            : !g_.title().empty() ? g_.title()
                                                  : g_.graph_name();
        out_ += fmt::format(
            "  graph [fontname=\"{}\", fontsize=16, labelloc=t, pad=0.3, bgcolor=\"white\", "
            "newrank=true",
            kFontName);
        if (!title.empty()) out_ += ", label=" + dot_quote(title);
        if (o_.layout == "dot") out_ += ", rankdir=LR, nodesep=0.35, ranksep=0.9";
        if (o_.layout == "neato" || o_.layout == "fdp")
            out_ += ", overlap=prism, sep=\"+12\", splines=true, start=1";  // fixed seed
        if (o_.layout == "sfdp")  // spline routing makes sfdp take minutes on large graphs
            out_ += ", overlap=prism, sep=\"+12\", start=1";
        if (o_.layout == "circo" || o_.layout == "twopi") out_ += ", overlap=false";
        out_ += "];\n";
        out_ += fmt::format(
            "  node [fontname=\"{}\", fontsize=11, style=\"filled\", color=\"#495057\", "
            "margin=\"0.12,0.06\"];\n",
            kFontName);
        out_ += fmt::format("  edge [fontname=\"{}\", fontsize=9, arrowsize=0.7];\n", kFontName);
    }

    void node(EntityIndex v, const std::string& indent) {
        std::string_view type = g_.entity_type_name(v);
        Theme theme = s_.entity_theme(type);
        used_types_.insert(std::string(type));
        std::string label(g_.name(v));
        if (!type.empty()) label += "\n" + std::string(type);
        out_ +=
            fmt::format("{}{} [label={}, shape={}, fillcolor={}", indent, dot_quote(g_.id(v)),
                        dot_quote(label), dot_quote(theme.shape.empty() ? "ellipse" : theme.shape),
                        dot_quote(!o_.color.empty()     ? measure_fill(o_.color[v])
                                  : theme.color.empty() ? "#e9ecef"
                                                        : theme.color));
        if (!o_.color.empty() && max_color_ > 0 && o_.color[v] / max_color_ > 0.55)
            out_ += ", fontcolor=\"white\"";  // dark fills
        if (!theme.style.empty()) out_ += ", style=" + dot_quote("filled," + theme.style);
        if (!o_.size.empty() && max_size_ > 0) {
            // Area-like scaling: font from 10 to 26 points with the square root of the value.
            double f = 10 + 16 * std::sqrt(std::max(0.0, o_.size[v]) / max_size_);
            out_ += fmt::format(", fontsize={:.1f}", f);
        }
        if (o_.highlight_entities.count(v)) out_ += ", penwidth=3, color=\"#e8590c\"";
        out_ += fmt::format(", tooltip={}];\n", dot_quote(g_.id(v)));
    }

    void edges() {
        const std::vector<RelationIndex> rels = relations_by_ends(g_);
        const char* op = g_.directed() ? " -> " : " -- ";
        for (RelationIndex r : rels) {
            std::string_view type = g_.relation_type_name(r);
            Theme theme = s_.relation_theme(type);
            used_relations_.insert(std::string(type));
            std::string color = theme.color.empty() ? "#868e96" : theme.color;
            out_ += fmt::format("  {}{}{} [color={}", dot_quote(g_.id(g_.source(r))), op,
                                dot_quote(g_.id(g_.target(r))), dot_quote(color));
            // A collapsed view's relation stands for `count` relations.
            const std::string* count = g_.relation_attr(r, "count");
            std::string label(type);
            if (count) label += fmt::format(" ({})", *count);
            if (!label.empty())
                out_ += fmt::format(", label={}, fontcolor={}", dot_quote(label), dot_quote(color));
            if (count) {
                auto parsed = parse_number_value(*count);
                double c = parsed ? *parsed : 1;
                // Capped, and arrowheads kept small: wide lines would cover labels.
                out_ += fmt::format(", penwidth={:.1f}, arrowsize=0.5",
                                    std::min(4.0, 1 + std::log2(std::max(1.0, c))));
            }
            // Highlighted paths are found with direction ignored: match either orientation.
            if (o_.highlight_arcs.count({g_.source(r), g_.target(r)}) ||
                o_.highlight_arcs.count({g_.target(r), g_.source(r)}))
                out_ += ", penwidth=3, color=\"#e8590c\"";
            if (!theme.style.empty()) out_ += ", style=" + dot_quote(theme.style);
            out_ += "];\n";
        }
    }

    void legend() {
        if (used_types_.empty() && used_relations_.empty()) return;
        std::string rows;
        if (!o_.color.empty())  // fills show the measure; types keep only their shapes
            rows += fmt::format(
                "<TR><TD BGCOLOR=\"{}\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\" COLSPAN=\"2\">{} "
                "0</TD></TR><TR><TD BGCOLOR=\"{}\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\" "
                "COLSPAN=\"2\">{} {}</TD></TR>",
                measure_fill(0), html_escape(o_.color_label), measure_fill(max_color_),
                html_escape(o_.color_label), html_escape(fmt::format("{:.4g}", max_color_)));
        for (const auto& t : used_types_) {
            Theme theme = s_.entity_theme(t);
            rows += fmt::format(
                "<TR><TD BGCOLOR=\"{}\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\">{}</TD><TD "
                "ALIGN=\"LEFT\"><FONT COLOR=\"#868e96\">{}</FONT></TD></TR>",
                html_escape(!o_.color.empty()     ? "#ffffff"
                            : theme.color.empty() ? "#e9ecef"
                                                  : theme.color),
                html_escape(type_label(t)),
                html_escape(theme.shape.empty() ? "ellipse" : theme.shape));
        }
        for (const auto& t : used_relations_) {
            Theme theme = s_.relation_theme(t);
            std::string color = theme.color.empty() ? "#868e96" : theme.color;
            std::string style = theme.style.empty() ? "solid" : theme.style;
            rows += fmt::format(
                "<TR><TD><FONT COLOR=\"{}\"><B>&#8594;</B></FONT></TD><TD ALIGN=\"LEFT\"><FONT "
                "COLOR=\"{}\">{}</FONT></TD><TD ALIGN=\"LEFT\"><FONT "
                "COLOR=\"#868e96\">{}</FONT></TD></TR>",
                html_escape(color), html_escape(color), html_escape(type_label(t)),
                html_escape(style));
        }
        // Only dot makes room for a cluster's label: elsewhere the title would overlap the
        // first row (and fdp places clusters at random), so the legend is one node, with its
        // title and its rounded frame drawn by the table itself.
        bool cluster = o_.layout == "dot";
        if (cluster)
            out_ +=
                "  subgraph cluster_legend {\n    graph [label=\"Legend\", style=\"rounded\", "
                "color=\"#adb5bd\", fontsize=12];\n";
        else
            rows = "<TR><TD COLSPAN=\"3\"><FONT POINT-SIZE=\"12\">Legend</FONT></TD></TR>" + rows;
        out_ += fmt::format(
            "    \"ecograph:legend\" [shape=plaintext, style=\"\", label=<<TABLE {}"
            "CELLBORDER=\"0\" CELLSPACING=\"2\">{}</TABLE>>];\n",
            cluster ? "BORDER=\"0\" " : "BORDER=\"1\" STYLE=\"ROUNDED\" COLOR=\"#adb5bd\" ", rows);
        if (cluster) out_ += "  }\n";
    }

    void clusters_by_type(const std::vector<EntityIndex>& order) {
        std::map<std::string, std::vector<EntityIndex>> groups;
        for (EntityIndex v : order) groups[std::string(g_.entity_type_name(v))].push_back(v);
        int k = 0;
        for (const auto& [type, members] : groups) {
            Theme theme = s_.entity_theme(type);
            out_ += fmt::format(
                "  subgraph \"cluster_{}\" {{\n    graph [label={}, style=\"rounded\", "
                "color={}];\n",
                k++, dot_quote(type_label(type)),
                dot_quote(theme.color.empty() ? "#adb5bd" : theme.color));
            for (EntityIndex v : members) node(v, "    ");
            out_ += "  }\n";
        }
    }

    void clusters_by_region(const std::vector<EntityIndex>& order) {
        const EntityIndex none = static_cast<EntityIndex>(g_.entity_count());
        region_ = region_of(g_, s_);
        // Parent region of a region: its part_of target, if that is a region.
        parent_.assign(g_.entity_count(), none);
        for (EntityIndex v : order) {
            if (region_[v] != v) continue;
            for (RelationIndex r = g_.out_begin(v); r < g_.out_end(v); ++r) {
                EntityIndex t = g_.target(r);
                if (g_.relation_type_name(r) == "part_of" && t != v && region_[t] == t) {
                    parent_[v] = t;
                    break;
                }
            }
        }
        // Cut cycles in part_of: a region whose ancestry returns to itself loses its parent.
        for (EntityIndex v : order) {
            std::size_t steps = 0;
            for (EntityIndex p = parent_[v]; p != none; p = parent_[p])
                if (++steps > g_.entity_count() || p == v) {
                    parent_[v] = none;
                    break;
                }
        }
        order_ = &order;
        for (EntityIndex v : order)
            if (region_[v] == v && parent_[v] == none) region_cluster(v, "  ");
        for (EntityIndex v : order)
            if (region_[v] == none) node(v, "  ");
    }

    void region_cluster(EntityIndex region, const std::string& indent) {
        out_ += fmt::format(
            "{}subgraph {} {{\n{}  graph [label={}, style=\"rounded,filled\", "
            "fillcolor=\"#f4fce3\", color=\"#8ce99a\"];\n",
            indent, dot_quote("cluster_" + std::string(g_.id(region))), indent,
            dot_quote(g_.name(region)));
        node(region, indent + "  ");
        for (EntityIndex v : *order_)
            if (v != region && region_[v] == region) node(v, indent + "  ");
        for (EntityIndex v : *order_)
            if (region_[v] == v && parent_[v] == region) region_cluster(v, indent + "  ");
        out_ += indent + "}\n";
    }

    const Graph& g_;
    const Schema& s_;
    const StyleOptions& o_;
    std::string out_;
    double max_size_ = 0;
    double max_color_ = 0;

    // The fill for a value of --color-by: linear in sRGB from kLow (0) to kHigh (the maximum).
    static constexpr int kLow[3] = {0xff, 0xf3, 0xbf}, kHigh[3] = {0xc9, 0x2a, 0x2a};
    std::string measure_fill(double value) const {
        double t = max_color_ > 0 ? std::clamp(value / max_color_, 0.0, 1.0) : 0.0;
        int rgb[3];
        for (int i = 0; i < 3; ++i)
            rgb[i] = static_cast<int>(std::lround(kLow[i] + t * (kHigh[i] - kLow[i])));
        return fmt::format("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
    }
    std::set<std::string> used_types_, used_relations_;
    std::vector<EntityIndex> region_, parent_;
    const std::vector<EntityIndex>* order_ = nullptr;
};

}  // namespace

std::string styled_dot(const Graph& g, const Schema& schema, const StyleOptions& options) {
    return Writer(g, schema, options).run();
}

}  // namespace ecograph
