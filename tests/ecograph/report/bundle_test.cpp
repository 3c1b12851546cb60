#include "ecograph/report/bundle.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <catch2/catch.hpp>

using namespace ecograph;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct TempDir {
    fs::path path =
        fs::temp_directory_path() / ("ecograph-bundle-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("bundle: writes, keeps unchanged files, removes what it wrote before", "[report]") {
    TempDir tmp;
    const std::string dir = (tmp.path / "out").string();
    auto s = write_bundle(dir, {{"index.md", "# A\n"}, {"img/a.svg", "<svg/>"}});
    CHECK(s.written == 2);
    CHECK(slurp(tmp.path / "out" / "img" / "a.svg") == "<svg/>");
    CHECK(slurp(tmp.path / "out" / ".ecograph-report") == "img/a.svg\nindex.md\n");
    auto stamp = fs::last_write_time(tmp.path / "out" / "index.md");

    s = write_bundle(dir, {{"index.md", "# A\n"}, {"b.md", "b"}});
    CHECK(s.written == 1);
    CHECK(s.unchanged == 1);
    CHECK(s.removed == 1);
    CHECK(fs::last_write_time(tmp.path / "out" / "index.md") == stamp);
    CHECK_FALSE(fs::exists(tmp.path / "out" / "img" / "a.svg"));
}

TEST_CASE("bundle: a tampered manifest cannot delete outside the bundle", "[report]") {
    TempDir tmp;
    fs::create_directories(tmp.path / "out");
    std::ofstream(tmp.path / "keep.txt") << "precious";
    std::ofstream(tmp.path / "out" / ".ecograph-report")
        << "../keep.txt\n"
        << (tmp.path / "keep.txt").string() << "\n";
    write_bundle((tmp.path / "out").string(), {{"index.md", "x"}});
    CHECK(slurp(tmp.path / "keep.txt") == "precious");
}
