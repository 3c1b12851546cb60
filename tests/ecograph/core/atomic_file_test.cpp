#include "ecograph/core/atomic_file.hpp"

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "ecograph/core/error.hpp"
#include <sys/stat.h>

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

TEST_CASE("atomic_file: a FIFO is written into, a symbolic link is kept", "[core][atomic]") {
    fs::path dir = fs::temp_directory_path() / "ecograph_atomic_special";
    fs::remove_all(dir);
    fs::create_directories(dir);
    // Renaming over a FIFO (or /dev/null) would replace it with a regular file.
    std::string fifo = (dir / "pipe").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // The read end is opened first (without blocking), so the write cannot block and the
    // content fits in the pipe's buffer; no second thread, and no hang if the FIFO is replaced.
    int in = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(in >= 0);
    write_file_atomic(fifo, "through the pipe");
    char buf[64] = {};
    ssize_t got = ::read(in, buf, sizeof buf);
    ::close(in);
    CHECK(std::string(buf, got > 0 ? static_cast<std::size_t>(got) : 0) == "through the pipe");
    CHECK(fs::is_fifo(fs::status(fifo)));

    fs::path file = dir / "real.txt", link = dir / "link.txt";
    write_file_atomic(file.string(), "old");
    fs::create_symlink(file.filename(), link);
    write_file_atomic(link.string(), "new");
    CHECK(fs::is_symlink(fs::symlink_status(link)));
    CHECK(read_file(file.string()) == "new");
    fs::remove_all(dir);
}
