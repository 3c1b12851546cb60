#include "ecograph/core/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <fmt/format.h>

#include "ecograph/core/error.hpp"
#include "ecograph/core/run_control.hpp"
#include <sys/stat.h>

namespace ecograph {

namespace {

mode_t target_mode(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0) return st.st_mode & 07777;
    mode_t mask = ::umask(0);  // the only way to read it; restored at once
    ::umask(mask);
    return 0666 & ~mask;
}

// Writes all of `content` to fd; false (errno set) on failure.
bool write_all(int fd, std::string_view content) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

void write_file_atomic(const std::string& given, std::string_view content) {
    namespace fs = std::filesystem;
    CooperativeScope cooperative;  // Ctrl-C lets the write finish rather than leave a temp file
    std::string path = given;
    struct stat st;
    if (::stat(given.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        // A device or a pipe (/dev/null, /dev/stdout, a FIFO): renaming over it would replace
        // it with a file, so write into it.
        int fd = ::open(given.c_str(), O_WRONLY | O_CLOEXEC);
        bool ok = fd >= 0 && write_all(fd, content);
        int saved = errno;
        if (fd >= 0 && ::close(fd) != 0 && ok) {
            ok = false;
            saved = errno;
        }
        if (!ok) throw Error(fmt::format("{}: cannot write: {}", given, std::strerror(saved)));
        return;
    }
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(given, ec))) {
        // Replace the file the link points to, and keep the link.
        fs::path resolved = fs::weakly_canonical(given, ec);
        if (!ec) path = resolved.string();
    }
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        throw Error(fmt::format("{}: cannot create a temporary file in '{}': {}", given,
                                dir.string(), std::strerror(errno)));
    bool ok = write_all(fd, content);
    int saved = errno;
    // mkstemp creates 0600: keep the mode of the file being replaced, else 0666 less the umask.
    if (ok) ok = ::fchmod(fd, target_mode(path)) == 0 && ::fsync(fd) == 0;
    if (!ok) saved = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (ok && ::rename(tmpl.c_str(), path.c_str()) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        ::unlink(tmpl.c_str());
        throw Error(fmt::format("{}: cannot write: {}", given, std::strerror(saved)));
    }
}

std::filesystem::file_status input_status(const std::string& path) {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        throw Error(fmt::format("{}: no such file", path), ExitStatus::Unreadable);
    if (std::filesystem::is_directory(status))
        throw Error(fmt::format("{}: is a directory, not a graph file", path),
                    ExitStatus::Unreadable);
    return status;
}

std::string read_file(const std::string& path) {
    input_status(path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)),
                    ExitStatus::Unreadable);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw Error(fmt::format("{}: read error", path), ExitStatus::Unreadable);
    return std::move(buf).str();
}

}  // namespace ecograph
