#include "ecograph/core/atomic_file.hpp"

#include <algorithm>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "ecograph/core/error.hpp"
#include <sys/stat.h>
#include <sys/wait.h>

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

namespace {
std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}
}  // namespace

TEST_CASE("atomic_file: a write killed midway leaves no temporary file", "[core][atomic]") {
    fs::path dir = fs::temp_directory_path() / "ecograph_atomic_kill";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string path = (dir / "big.svg").string();
    write_file_atomic(path, "old");
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    constexpr std::size_t kBig = std::size_t{256} << 20;  // writing and syncing take a while
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::string big(kBig, 'x');
        (void)!::write(ready[1], "go", 2);  // the write starts now
        write_file_atomic(path, big);
        ::_exit(0);
    }
    char go[2];
    REQUIRE(::read(ready[0], go, 2) == 2);
    ::usleep(20'000);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    ::close(ready[0]);
    ::close(ready[1]);
    CHECK(entries(dir) == std::vector<std::string>{"big.svg"});
    CHECK((read_file(path) == "old" || fs::file_size(path) == kBig));
    fs::remove_all(dir);
}

TEST_CASE("atomic_file: stale temporaries of dead processes are removed", "[core][atomic]") {
    fs::path dir = fs::temp_directory_path() / "ecograph_atomic_stale";
    fs::remove_all(dir);
    fs::create_directories(dir);
    pid_t gone = ::fork();
    REQUIRE(gone >= 0);
    if (gone == 0) ::_exit(0);
    ::waitpid(gone, nullptr, 0);
    auto touch = [&](const std::string& name) { std::ofstream(dir / name) << "partial"; };
    touch(fmt::format(".out.txt.tmp.{}.0", gone));        // a killed ecograph's: removed
    touch(fmt::format(".out.txt.tmp.{}.1", ::getpid()));  // a running one's: kept
    touch(fmt::format(".other.txt.tmp.{}.0", gone));      // another file's: not this write's
    touch(".out.txt.tmp.notapid.0");                      // not ecograph's naming: kept
    write_file_atomic((dir / "out.txt").string(), "new");
    CHECK(entries(dir) == std::vector<std::string>{fmt::format(".other.txt.tmp.{}.0", gone),
                                                   fmt::format(".out.txt.tmp.{}.1", ::getpid()),
                                                   ".out.txt.tmp.notapid.0", "out.txt"});
    fs::remove_all(dir);
}

TEST_CASE("atomic_file: the same file is found through links", "[core][atomic]") {
    fs::path dir = fs::temp_directory_path() / "ecograph_atomic_same";
    fs::remove_all(dir);
    fs::create_directories(dir);
    write_file_atomic((dir / "a.gv").string(), "digraph {}");
    write_file_atomic((dir / "b.gv").string(), "digraph {}");
    fs::create_symlink("a.gv", dir / "soft.gv");
    fs::create_hard_link(dir / "a.gv", dir / "hard.gv");
    const std::vector<std::string> inputs{(dir / "b.gv").string(), (dir / "a.gv").string()};
    CHECK(same_file_among((dir / "soft.gv").string(), inputs) == inputs[1]);
    CHECK(same_file_among((dir / "hard.gv").string(), inputs) == inputs[1]);
    CHECK(same_file_among((dir / "." / "b.gv").string(), inputs) == inputs[0]);
    CHECK_FALSE(same_file_among((dir / "new.svg").string(), inputs));
    CHECK_FALSE(same_file_among("/dev/null", inputs));
    fs::remove_all(dir);
}
