#pragma once
// What the graph-reader fuzz targets share: the input split into files, read one after the
// other into one builder as load_graph does, and, when every file could be used, the graph
// built, walked and validated, so that a bad graph (an out-of-range index, a broken CSR) shows
// up as a sanitizer report or a failed check here rather than somewhere downstream.
//
// A failed check prints "fuzz invariant failed: ..." and aborts: libFuzzer reports it as a
// crash like any sanitizer report. Parse errors (the reader returning false with an error) are
// expected and fine.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ecograph/core/diagnostic.hpp"
#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"
#include "ecograph/schema/validate.hpp"

namespace ecograph::fuzz {

[[noreturn]] inline void invariant_failed(const char* what, const char* file, int line) {
    std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", what, file, line);
    std::abort();
}

#define ECOGRAPH_FUZZ_CHECK(cond)                                                   \
    do {                                                                            \
        if (!(cond)) ::ecograph::fuzz::invariant_failed(#cond, __FILE__, __LINE__); \
    } while (0)

/// The input as up to four files: a form feed (0x0C) separates them, so that the fuzzer can
/// make several files that merge by id (conflicting types and attributes between files, a
/// directed graph merged into an undirected one, ...). Without a form feed, one file.
inline std::vector<std::string_view> split_files(const std::uint8_t* data, std::size_t size) {
    std::string_view all(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> files;
    constexpr std::size_t kMaxFiles = 4;
    while (files.size() + 1 < kMaxFiles) {
        std::size_t ff = all.find('\f');
        if (ff == std::string_view::npos) break;
        files.push_back(all.substr(0, ff));
        all.remove_prefix(ff + 1);
    }
    files.push_back(all);
    return files;
}

inline void touch_diagnostics(Diagnostics& diags) {
    diags.sort();
    std::size_t bytes = 0;
    for (const Diagnostic& d : diags.items()) bytes += format_diagnostic(d).size();
    volatile std::size_t sink = bytes;
    (void)sink;
}

/// Walks everything a built graph offers and checks what must hold whatever the input.
inline void touch_graph(const Graph& g) {
    const std::size_t n = g.entity_count(), m = g.relation_count();
    std::size_t bytes = 0, out_total = 0, in_total = 0;
    for (EntityIndex v = 0; v < n; ++v) {
        std::string_view id = g.id(v);
        bytes += id.size() + g.name(v).size() + g.entity_type_name(v).size();
        auto found = g.find(id);
        ECOGRAPH_FUZZ_CHECK(found && *found == v);  // ids are unique and all findable
        ECOGRAPH_FUZZ_CHECK(g.entity_type(v) < g.entity_type_vocabulary().size());
        for (RelationIndex r = g.out_begin(v); r < g.out_end(v); ++r) {
            ECOGRAPH_FUZZ_CHECK(r < m && g.source(r) == v);
        }
        for (RelationIndex r : g.in_relations(v)) ECOGRAPH_FUZZ_CHECK(r < m && g.target(r) == v);
        out_total += g.out_degree(v);
        in_total += g.in_degree(v);
        for (const auto& [key, value] : g.entity_attributes().all(v))
            bytes += key.size() + value.size();
        Location loc = g.entity_location(v);
        bytes += loc.file.size() + loc.line;
    }
    ECOGRAPH_FUZZ_CHECK(out_total == m && in_total == m);
    for (RelationIndex r = 0; r < m; ++r) {
        ECOGRAPH_FUZZ_CHECK(g.source(r) < n && g.target(r) < n);
        ECOGRAPH_FUZZ_CHECK(g.relation_type(r) < g.relation_type_vocabulary().size());
        bytes += g.relation_label(r).size() + g.relation_type_name(r).size();
        for (const auto& [key, value] : g.relation_attributes().all(r))
            bytes += key.size() + value.size();
        bytes += g.relation_location(r).file.size();
    }
    ECOGRAPH_FUZZ_CHECK(g.sorted_by_id().size() == n);
    bytes += g.ids().size() + g.graph_name().size() + g.title().size() + g.topology_bytes();
    volatile std::size_t sink = bytes;
    (void)sink;
}

/// `read(text, origin, builder, diags)` over the input's files as load_graph calls a reader:
/// on success of every file the graph is built, checked against the built-in schema and walked.
/// `origin(i)` names file i. `all_or_nothing`: the reader promises that a file it refuses adds
/// nothing to the builder (read_dot does).
template <typename Read, typename Origin>
int run_reader(const std::uint8_t* data, std::size_t size, Read read, Origin origin,
               bool all_or_nothing) {
    const std::vector<std::string_view> files = split_files(data, size);
    GraphBuilder builder;
    Diagnostics diags;
    bool ok = true;
    // No try: the library throws only Error, for size limits of the model (2^32 entities,
    // 65535 type names) that fuzzer-sized inputs cannot reach; bad input must come back as
    // diagnostics. An exception escaping here is a bug, and libFuzzer reports the abort.
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::size_t entities = builder.entity_count(), relations = builder.relation_count(),
                          names = builder.files().size(), errors = diags.error_count();
        const bool read_ok = read(files[i], origin(i), builder, diags);
        // Every refusal says why.
        ECOGRAPH_FUZZ_CHECK(read_ok || diags.error_count() > errors);
        if (!read_ok && all_or_nothing) {
            ECOGRAPH_FUZZ_CHECK(builder.entity_count() == entities);
            ECOGRAPH_FUZZ_CHECK(builder.relation_count() == relations);
            ECOGRAPH_FUZZ_CHECK(builder.files().size() == names);
        }
        ok = read_ok && ok;
    }
    if (ok) {
        Graph g = std::move(builder).build();
        touch_graph(g);
        validate(g, Schema::builtin(), diags);
    }
    touch_diagnostics(diags);
    return 0;
}

}  // namespace ecograph::fuzz
