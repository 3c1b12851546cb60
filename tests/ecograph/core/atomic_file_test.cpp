#include "ecograph/core/atomic_file.hpp"

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "ecograph/core/error.hpp"

using namespace ecograph;
namespace fs = std::filesystem;

TEST_CASE("atomic_file: writes whole content and leaves no temporary file", "[core][atomic]") {
    fs::path dir = fs::temp_directory_path() / "ecograph_atomic_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string path = (dir / "out.txt").string();
    write_file_atomic(path, "first");
    write_file_atomic(path, "second");
    CHECK(read_file(path) == "second");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    fs::remove_all(dir);
}

TEST_CASE("atomic_file: failures name the file", "[core][atomic]") {
    REQUIRE_THROWS_WITH(write_file_atomic("/nonexistent-dir/x/out.txt", "x"),
                        Catch::Contains("/nonexistent-dir/x/out.txt"));
    try {
        read_file("/nonexistent-file.gv");
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "/nonexistent-file.gv: no such file");
        CHECK(e.status() == ExitStatus::Unreadable);
    }
    REQUIRE_THROWS_WITH(read_file(fs::temp_directory_path().string()),
                        Catch::Contains("is a directory"));
}
