#include "ecograph/io/dot_reader.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <regex>
#include <unordered_map>

#include <fmt/format.h>
#include <graphviz/cgraph.h>

#include "ecograph/io/detail/memory_channel.hpp"
#include "ecograph/io/detail/text_input.hpp"
#include "ecograph/io/dot_scan.hpp"

// Exported by libcgraph but not declared in its headers: the flex scanner's reset. cgraph
// flushes its scanner after an error only on Windows, so on Linux the rest of a failed input
// would be read as the start of the next one.
extern "C" int aaglex_destroy(void);

namespace ecograph {
namespace {

// cgraph keeps its error state in globals; every read holds this lock.
std::mutex& cgraph_mutex() {
    static std::mutex m;
    return m;
}

// cgraph hands its messages over in pieces ("Error", ": ", "text\n"); glue them into lines.
std::string g_pending;
std::vector<std::string>* g_messages = nullptr;

int collect_message(char* piece) {
    g_pending += piece;
    std::size_t nl;
    while ((nl = g_pending.find('\n')) != std::string::npos) {
        if (g_messages) g_messages->push_back(g_pending.substr(0, nl));
        g_pending.erase(0, nl + 1);
    }
    return 0;
}

int channel_put(void*, const char*) { return 0; }
int channel_flush(void*) { return 0; }

struct GraphCloser {
    void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

// Reads every graph of `text`, collecting cgraph's messages. Graphs are discarded on error.
std::vector<GraphPtr> parse_all(const std::string& text, const std::string& origin,
                                std::vector<std::string>& messages, bool& failed) {
    std::vector<GraphPtr> graphs;
    g_pending.clear();
    g_messages = &messages;
    agseterr(AGWARN);
    agseterrf(collect_message);
    agreseterrors();
    std::string file = origin;  // agsetfile wants a mutable char*, and resets the line counter
    agsetfile(file.data());
    aaglex_destroy();
    Agiodisc_t io{detail::memory_channel_read, channel_put, channel_flush};
    Agdisc_t disc{&AgMemDisc, &AgIdDisc, &io};
    detail::MemoryChannel chan{text, 0};
    while (Agraph_t* g = agread(&chan, &disc)) {
        graphs.emplace_back(g);
        if (agerrors() > 0) break;  // a partial graph: stop here
    }
    if (!g_pending.empty()) messages.push_back(g_pending);
    g_pending.clear();
    g_messages = nullptr;
    agseterrf(nullptr);
    failed = agerrors() > 0;
    agreseterrors();
    if (failed) graphs.clear();
    return graphs;
}

std::string expand(std::string_view s, const detail::DotScan& scan) {
    return detail::has_placeholder(s) ? detail::expand_placeholders(s, scan) : std::string(s);
}

std::string node_name(void* obj, const detail::DotScan& scan) {
    const char* n = agnameof(obj);
    std::string_view s = n ? n : "";
    return detail::has_placeholder(s) ? detail::expand_placeholders(s, scan) : std::string(s);
}

std::string attr_value(void* obj, Agsym_t* sym, const detail::DotScan& scan) {
    const char* v = agxget(obj, sym);
    std::string_view s = v ? v : "";
    return detail::has_placeholder(s) ? detail::expand_placeholders(s, scan) : std::string(s);
}

// Turns one cgraph message into a diagnostic with the real line and a clear explanation.
void report_cgraph_message(const std::string& raw, const std::string& origin,
                           const detail::DotScan& scan, bool is_error, Diagnostics& diags) {
    std::string msg = raw;
    // Drop the "Error: file: " / "Warning: " prefixes cgraph adds.
    for (const char* prefix : {"Error: ", "Error:", "Warning: ", "Warning:"})
        if (msg.rfind(prefix, 0) == 0) msg.erase(0, std::strlen(prefix));
    if (msg.rfind(origin + ": ", 0) == 0) msg.erase(0, origin.size() + 2);
    std::uint32_t line = 0;
    static const std::regex in_line(R"(\s*in line (\d+))");
    if (auto of = msg.find(" of " + origin); of != std::string::npos)
        msg.erase(of, origin.size() + 4);
    std::smatch m;
    if (std::regex_search(msg, m, in_line)) {
        line = scan.real_line(static_cast<std::uint32_t>(std::stoul(m[1])));
        msg = m.prefix().str() + m.suffix().str();
    }
    // ecograph reads long strings itself, so cgraph's guess about 16 KiB does not apply.
    if (auto guess = msg.find(" (missing endquote? longer than 16384?)");
        guess != std::string::npos)
        msg.erase(guess);
    while (!msg.empty() && (msg.back() == ' ' || msg.back() == '\r')) msg.pop_back();
    if (msg.empty()) return;
    std::string hint;
    if (msg.find("memory exhausted") != std::string::npos) {
        if (scan.longest_chain >= 1000) {
            msg = fmt::format(
                "edge chain of {} nodes is longer than Graphviz's DOT parser can take "
                "(cgraph fails from about 2,500)",
                scan.longest_chain);
            line = scan.longest_chain_line;
            hint = "split the chain into several edge statements (a -> b -> c; c -> d -> e)";
        } else if (scan.max_depth >= 100) {
            msg =
                fmt::format("subgraphs nested {} deep are more than Graphviz's DOT parser can take",
                            scan.max_depth);
            line = scan.max_depth_line;
            hint = "flatten the nesting";
        } else {
            hint = "the statement is too deeply nested for Graphviz's DOT parser";
        }
    } else if (msg == "syntax error") {  // cgraph names no token only at the end of input
        msg = "unexpected end of file (truncated DOT?)";
        hint = "close every '{' and every quoted string";
    }
    if (msg.find("scanning a quoted string") != std::string::npos)
        hint = "a string is not closed: look for a missing '\"'";
    Diagnostic d{is_error ? Severity::Error : Severity::Warning,
                 is_error ? "E001" : "W001",
                 {origin, line},
                 "",
                 msg,
                 hint};
    diags.add(std::move(d));
}

// Pops the recorded line of the next edge tail -> head (file order), if the scan saw it.
class EdgeLines {
public:
    // All sites sorted by (tail, head), file order kept within a pair; a cursor per pair.
    explicit EdgeLines(const detail::DotScan& scan)
        : sites_(scan.edges.size()), used_(scan.edges.size(), 0) {
        for (std::size_t i = 0; i < scan.edges.size(); ++i) {
            const auto& e = scan.edges[i];
            sites_[i] = {key(e.tail, e.head), e.line};
        }
        std::stable_sort(sites_.begin(), sites_.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    /// Line of the next edge tail -> head (scan indices; -1 when unknown), in file order.
    std::uint32_t next(std::int64_t tail, std::int64_t head, bool directed) {
        if (tail < 0 || head < 0) return 0;
        for (int attempt = 0; attempt < (directed ? 1 : 2); ++attempt) {
            std::uint64_t k = attempt == 0 ? key(tail, head) : key(head, tail);
            // Both ends by binary search: a pair written 100,000 times costs a log each.
            auto [it, end] =
                std::equal_range(sites_.begin(), sites_.end(), std::make_pair(k, std::uint32_t{0}),
                                 [](const auto& a, const auto& b) { return a.first < b.first; });
            if (it == end) continue;
            std::size_t first = it - sites_.begin(), count = end - it;
            std::size_t i =
                std::min<std::size_t>(used_[first], count - 1);  // repeats keep the last
            ++used_[first];
            return sites_[first + i].second;
        }
        return 0;
    }

private:
    static std::uint64_t key(std::int64_t tail, std::int64_t head) {
        return (static_cast<std::uint64_t>(tail) << 32) | static_cast<std::uint64_t>(head);
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> sites_;
    std::vector<std::uint32_t> used_;  // per first index of a pair: how many were taken
};

std::vector<Agsym_t*> declared(Agraph_t* g, int kind) {
    std::vector<Agsym_t*> out;
    for (Agsym_t* sym = agnxtattr(g, kind, nullptr); sym; sym = agnxtattr(g, kind, sym))
        out.push_back(sym);
    return out;
}

void load_graph(Agraph_t* g, const std::string& origin, std::uint32_t file,
                const detail::DotScan& scan, GraphBuilder& b, Diagnostics& diags,
                std::size_t entities_before) {
    auto line_of = [&](std::int64_t scan_id) -> std::uint32_t {
        if (scan_id < 0) return 0;
        return scan.decl_line[scan_id] ? scan.decl_line[scan_id] : scan.first_line[scan_id];
    };
    auto node_syms = declared(g, AGNODE);
    // `type` first, so that a type conflict is reported before attribute conflicts.
    std::stable_partition(node_syms.begin(), node_syms.end(),
                          [](Agsym_t* s) { return std::string_view(s->name) == "type"; });
    std::unordered_map<Agnode_t*, std::pair<EntityIndex, std::int64_t>> index;  // entity, scan id
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        std::string id = node_name(n, scan);
        std::int64_t scan_id = scan.find(id);
        Origin here{file, line_of(scan_id)};
        EntityIndex v = b.entity(id, here);
        index[n] = {v, scan_id};
        bool earlier = v < entities_before;  // declared by an earlier file
        if (!earlier && here.line) b.set_entity_origin(v, here);
        for (Agsym_t* sym : node_syms) {
            std::string key = expand(sym->name, scan), value = attr_value(n, sym, scan);
            if (value.empty() || (key == "label" && value == "\\N")) continue;
            if (key == "name") {
                if (agget(n, const_cast<char*>("label")) && *agget(n, const_cast<char*>("label")) &&
                    std::string_view(agget(n, const_cast<char*>("label"))) != "\\N")
                    continue;  // label wins over its synonym
                key = "label";
            }
            Location prev_loc{b.files()[b.entity_origin(v).file - 1], b.entity_origin(v).line};
            if (key == "type") {
                std::string before(b.entity_type(v));
                if (!b.set_entity_type(v, value))
                    diags.error(
                        "E301", {origin, here.line}, id,
                        fmt::format("entity '{}' is declared as '{}' here but as '{}' at {}:{}", id,
                                    value, before, prev_loc.file, prev_loc.line),
                        "give each id one type, or rename one of the entities");
                continue;
            }
            if (earlier) {
                const std::string* old = b.entity_attr(v, key);
                if (old && *old != value) {
                    diags.error("E302", {origin, here.line}, id,
                                fmt::format("attribute '{}' of '{}' is '{}' here but '{}' at {}:{}",
                                            key, id, value, *old, prev_loc.file, prev_loc.line),
                                "declare the attribute in one file only");
                    continue;
                }
            }
            b.set_entity_attr(v, key, std::move(value));
        }
    }

    // Edges in creation order, so that multi-edges keep the order they were written in.
    std::vector<Agedge_t*> edges;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) edges.push_back(e);
    std::sort(edges.begin(), edges.end(),
              [](Agedge_t* a, Agedge_t* c) { return AGSEQ(a) < AGSEQ(c); });
    auto edge_syms = declared(g, AGEDGE);
    EdgeLines lines(scan);
    const bool directed = agisdirected(g);
    for (Agedge_t* e : edges) {
        auto [from, tail] = index[agtail(e)];
        auto [to, head] = index[aghead(e)];
        std::uint32_t line = lines.next(tail, head, directed);
        if (line == 0) line = line_of(tail);
        std::string type;
        std::vector<std::pair<std::string, std::string>> attrs;
        for (Agsym_t* sym : edge_syms) {
            std::string key = expand(sym->name, scan), value = attr_value(e, sym, scan);
            if (value.empty() || key == "key") continue;
            if (key == "type")
                type = std::move(value);
            else
                attrs.emplace_back(std::move(key), std::move(value));
        }
        RelationIndex r = b.add_relation(from, to, type, {file, line});
        for (auto& [k, v] : attrs) b.set_relation_attr(r, k, std::move(v));
    }
}

}  // namespace

bool read_dot(std::string_view raw, const std::string& origin, GraphBuilder& builder,
              Diagnostics& diags) {
    if (detail::refuse_binary(raw, origin, "DOT", diags)) return false;
    std::string sanitized;
    detail::DotScan scan = detail::scan_dot(detail::utf8_text(raw, origin, sanitized, diags));

    // Refused before cgraph spends minutes and gigabytes on attribute records.
    const char* wide_hint =
        "keep per-entity data in a few attributes, or use CSV, GraphML or JSON for wide tables";
    if (scan.too_many_attributes_line) {
        diags.error("E001", {origin, scan.too_many_attributes_line}, "",
                    fmt::format("more than {} distinct attribute names: more than Graphviz's DOT "
                                "parser can take in reasonable time",
                                detail::DotScan::kMaxAttributeNames),
                    wide_hint);
        return false;
    }
    if (scan.attribute_cells() > detail::DotScan::kMaxAttributeCells) {
        diags.error("E001", {origin, 0}, "",
                    fmt::format("{} distinct attribute names on {} nodes and {} edges: Graphviz's "
                                "DOT parser keeps every name on every object, and {} names x "
                                "objects is more than the {} it can take in reasonable time",
                                scan.attribute_names.size(), scan.ids.size(), scan.edges.size(),
                                scan.attribute_cells(), detail::DotScan::kMaxAttributeCells),
                    wide_hint);
        return false;
    }
    std::lock_guard lock(cgraph_mutex());
    std::vector<std::string> messages;
    bool failed = false;
    std::vector<GraphPtr> graphs = parse_all(scan.text, origin, messages, failed);
    // A message whose lines do not start with "Error"/"Warning" continues the one before
    // ("String starting: ..."): keep one diagnostic per message.
    std::vector<std::string> joined;
    for (const auto& m : messages) {
        bool starts = m.rfind("Error", 0) == 0 || m.rfind("Warning", 0) == 0;
        if (starts || joined.empty()) joined.push_back(m);
    }
    messages = std::move(joined);
    // What the scan refuses: cgraph would read these as other ids than the author wrote.
    for (const auto& bad : scan.bad_numerals)
        diags.error(
            "E001", {origin, bad.line}, "",
            fmt::format("badly delimited number '{}': Graphviz splits it into two ids", bad.text),
            fmt::format("quote the id: \"{}\"", bad.text));
    for (std::uint32_t line : scan.percent_ids)
        diags.error("E001", {origin, line}, "",
                    "an id starting with '%' cannot be read from a file that holds byte 0x1E",
                    "remove the control character 0x1E from the file");
    const bool refused = !scan.bad_numerals.empty() || !scan.percent_ids.empty();
    for (const auto& m : messages) {
        if (m.find("badly delimited number") != std::string::npos) continue;  // reported above
        bool is_error = m.rfind("Warning", 0) != 0;
        if (is_error || !failed) report_cgraph_message(m, origin, scan, is_error && failed, diags);
    }
    if (refused) return false;
    if (failed) {
        if (messages.empty()) diags.error("E001", {origin, 0}, "", "cannot parse DOT");
        return false;
    }
    if (graphs.empty()) {
        diags.error("E003", {origin, 0}, "",
                    fmt::format("no graph in {} (empty, or only comments)", origin),
                    "a DOT file holds `digraph NAME { ... }`");
        return false;
    }
    std::uint32_t file = builder.add_file(origin);
    std::size_t before = 0;
    if (builder.files().size() == 1) {
        builder.set_directed(agisdirected(graphs.front().get()));
        // cgraph names anonymous graphs "%N" from a global counter: not a name, and not stable.
        // (An id the user wrote with a '%' reaches cgraph as a placeholder, so the raw name
        // tells the two apart.)
        const char* raw_name = agnameof(graphs.front().get());
        const bool anonymous = raw_name && raw_name[0] == '%';
        builder.set_name(anonymous ? std::string{} : node_name(graphs.front().get(), scan));
        if (Agsym_t* label =
                agattr(graphs.front().get(), AGRAPH, const_cast<char*>("label"), nullptr))
            builder.set_title(attr_value(graphs.front().get(), label, scan));
    }
    for (const auto& g : graphs) {
        before = builder.entity_count();  // graphs of one file merge by id too, conflicts reported
        if (static_cast<bool>(agisdirected(g.get())) != builder.directed())
            diags.warning("W003", {origin, 0}, "",
                          fmt::format("{} graph merged into a {} one: its edges are read as "
                                      "relations in the direction written",
                                      agisdirected(g.get()) ? "directed" : "undirected",
                                      builder.directed() ? "directed" : "undirected"),
                          "use digraph (or graph) in every input");
        load_graph(g.get(), origin, file, scan, builder, diags, before);
    }
    if (graphs.size() == 1 && agisstrict(graphs.front().get())) {
        auto written = scan.edges.size();
        auto kept = static_cast<std::size_t>(agnedges(graphs.front().get()));
        if (written > kept)
            diags.warning("W004", {origin, 0}, "",
                          fmt::format("strict graph: {} repeated edge{} merged into one",
                                      written - kept, written - kept == 1 ? "" : "s"),
                          "remove `strict` to keep parallel relations");
    }
    return true;
}

}  // namespace ecograph
