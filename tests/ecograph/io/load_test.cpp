#include "ecograph/io/load.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "ecograph/core/run_control.hpp"

using namespace ecograph;

namespace {

// A directory of its own under the system's temporary one, removed at the end of a test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("ecograph-load-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string write(const std::string& name, const std::string& text) const {
        const auto file = path / name;
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }
};

std::vector<std::string> formatted(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(format_diagnostic(d));
    return out;
}

// 17 MiB of relations between the entities e0..e9 (big enough to be scanned ahead).
std::string big_relations() {
    std::string text = "source,target,type\n";
    for (std::size_t i = 0; text.size() < (std::size_t{17} << 20); ++i)
        text += "e" + std::to_string(i % 10) + ",e" + std::to_string((i * 3 + 1) % 10) +
                ",partners_with\n";
    return text;
}

const std::string kEntities = [] {
    std::string text = "id,type\n";
    for (int i = 0; i < 10; ++i) text += "e" + std::to_string(i) + ",SI\n";
    return text;
}();

}  // namespace

// The second file's first pass is made while the first is read: what it finds is reported as
// when the file is read alone (NUL byte, invalid UTF-8), and the graph is the same as with one
// thread, where nothing is read ahead.
TEST_CASE("load: a big CSV file scanned ahead reads as when read alone", "[io][load]") {
    TempDir dir;
    const std::string entities = dir.write("e.csv", kEntities);
    const std::string text = big_relations();

    std::string nul = text;
    nul[text.size() / 2 + 7] = '\0';
    const std::string with_nul = dir.write("nul.csv", nul);
    auto ahead = load_graph({entities, with_nul}, Schema::builtin());
    auto alone = load_graph({with_nul}, Schema::builtin());
    CHECK(ahead.unreadable());
    REQUIRE(formatted(ahead.diags).size() == 1);
    CHECK(formatted(ahead.diags) == formatted(alone.diags));
    CHECK_THAT(formatted(ahead.diags)[0], Catch::Contains("E002"));

    std::string latin1 = text;
    latin1[text.rfind("\ne") + 1] = '\xE9';  // the last row's source: "\xE9" and a digit
    const std::string with_latin1 = dir.write("latin1.csv", latin1);
    ahead = load_graph({entities, with_latin1}, Schema::builtin());
    alone = load_graph({with_latin1}, Schema::builtin());
    // The replaced byte is in an id: E008, as when the file is read alone.
    CHECK(ahead.unreadable());
    REQUIRE(formatted(ahead.diags).size() == 2);
    CHECK(formatted(ahead.diags) == formatted(alone.diags));
    CHECK_THAT(formatted(ahead.diags)[0], Catch::Contains("W002"));
    CHECK_THAT(formatted(ahead.diags)[1], Catch::Contains("E008"));
    CHECK_THAT(formatted(ahead.diags)[1], Catch::Contains("id '\xEF\xBF\xBD"));

    const std::string clean = dir.write("r.csv", text);
    ahead = load_graph({entities, clean}, Schema::builtin());
    set_thread_limit(1);
    auto one = load_graph({entities, clean}, Schema::builtin());
    set_thread_limit(0);
    REQUIRE_FALSE(ahead.unreadable());
    REQUIRE_FALSE(one.unreadable());
    CHECK(ahead.diags.items().empty());
    const Graph &a = *ahead.graph, &b = *one.graph;
    REQUIRE(a.entity_count() == b.entity_count());
    REQUIRE(a.relation_count() == b.relation_count());
    for (EntityIndex v = 0; v < a.entity_count(); ++v) CHECK(a.id(v) == b.id(v));
    bool same = true;
    for (RelationIndex r = 0; r < a.relation_count(); ++r)
        same = same && a.source(r) == b.source(r) && a.target(r) == b.target(r) &&
               a.relation_location(r).line == b.relation_location(r).line;
    CHECK(same);
}

// A file that cannot be opened is reported by name; the files around it are still read.
TEST_CASE("load: a missing file among others is reported, the rest read", "[io][load]") {
    TempDir dir;
    const std::string entities = dir.write("e.csv", kEntities);
    const std::string relations = dir.write("r.csv", "source,target,type\ne1,e2,partners_with\n");
    const std::string missing = (dir.path / "missing.csv").string();
    auto r = load_graph({entities, missing, relations}, Schema::builtin());
    CHECK(r.unreadable());
    REQUIRE(formatted(r.diags).size() == 1);
    CHECK_THAT(formatted(r.diags)[0], Catch::StartsWith(missing + ": error[E004]:"));
}
