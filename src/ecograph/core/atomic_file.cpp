#include "ecograph/core/atomic_file.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <dirent.h>
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

mode_t default_mode() {
    mode_t mask = ::umask(0);  // the only way to read it; restored at once
    ::umask(mask);
    return 0666 & ~mask;
}

// `.NAME.tmp.PID.N`: the process id tells remove_stale_temporaries whose file it is.
std::string temp_name(const std::string& name, int attempt) {
    return fmt::format(".{}.tmp.{}.{}", name, ::getpid(), attempt);
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

// Writes `content` to a new temporary file in `dirfd` and names it (`temp`). With `unnamed`,
// the file is made with O_TMPFILE and named only once complete, so that a kill while writing
// leaves nothing behind. Returns 0, or the errno of the failure (nothing is left then).
int write_temporary(int dirfd, const std::string& name, std::string_view content, mode_t mode,
                    bool unnamed, std::string& temp) {
    int fd = -1;
    if (unnamed) {
        fd = ::openat(dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    } else {
        for (int attempt = 0; attempt < 100; ++attempt) {
            temp = temp_name(name, attempt);
            fd = ::openat(dirfd, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd >= 0 || errno != EEXIST) break;
        }
    }
    if (fd < 0) return errno;
    bool ok = write_all(fd, content) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
    int saved = ok ? 0 : errno;
    if (ok && unnamed) {
        // Named only now, for the rename: a kill in the microseconds until then leaves a file
        // that remove_stale_temporaries clears. linkat through /proc needs no privilege.
        std::string proc = fmt::format("/proc/self/fd/{}", fd);
        for (int attempt = 0; attempt < 100; ++attempt) {
            temp = temp_name(name, attempt);
            saved = ::linkat(AT_FDCWD, proc.c_str(), dirfd, temp.c_str(), AT_SYMLINK_FOLLOW) == 0
                        ? 0
                        : errno;
            if (saved != EEXIST) break;
        }
        if (saved) temp.clear();
    }
    if (::close(fd) != 0 && saved == 0) saved = errno;
    if (saved && !temp.empty()) ::unlinkat(dirfd, temp.c_str(), 0);
    return saved;
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
    int dirfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirfd < 0)
        throw Error(
            fmt::format("{}: cannot write in '{}': {}", given, dir.string(), std::strerror(errno)));
    try {
        write_file_at(dirfd, target.filename().string(), content, given);
    } catch (...) {
        ::close(dirfd);
        throw;
    }
    ::close(dirfd);
}

void write_file_at(int dirfd, const std::string& name, std::string_view content,
                   const std::string& shown) {
    CooperativeScope cooperative;
    remove_stale_temporaries(dirfd, name);
    struct stat st;
    // Keep the mode of the file being replaced, else 0666 less the umask.
    const mode_t mode = ::fstatat(dirfd, name.c_str(), &st, 0) == 0 && S_ISREG(st.st_mode)
                            ? st.st_mode & 07777
                            : default_mode();
    std::string temp;
    // Where O_TMPFILE or /proc is missing (some filesystems, containers), a named temporary.
    int saved = write_temporary(dirfd, name, content, mode, true, temp);
    if (saved) saved = write_temporary(dirfd, name, content, mode, false, temp);
    if (saved == 0 && ::renameat(dirfd, temp.c_str(), dirfd, name.c_str()) != 0) {
        saved = errno;
        ::unlinkat(dirfd, temp.c_str(), 0);
    }
    if (saved) throw Error(fmt::format("{}: cannot write: {}", shown, std::strerror(saved)));
}

std::size_t remove_stale_temporaries(int dirfd, const std::string& name) {
    const std::string prefix = "." + name + ".tmp.";
    int fd = ::openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return 0;
    DIR* d = ::fdopendir(fd);
    if (!d) {
        ::close(fd);
        return 0;
    }
    std::vector<std::string> stale;
    while (const dirent* e = ::readdir(d)) {
        std::string_view entry = e->d_name;
        if (entry.substr(0, prefix.size()) != prefix) continue;
        // .NAME.tmp.PID.SUFFIX: stale when process PID is gone (ESRCH); a running ecograph
        // (or any process of that number) keeps its file.
        std::string_view rest = entry.substr(prefix.size());
        std::size_t dot = rest.find('.');
        if (dot == 0 || dot == std::string_view::npos || dot > 9) continue;
        long pid = 0;
        for (char c : rest.substr(0, dot)) {
            if (c < '0' || c > '9') {
                pid = 0;
                break;
            }
            pid = pid * 10 + (c - '0');
        }
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            stale.emplace_back(entry);
    }
    ::closedir(d);
    std::size_t removed = 0;
    for (const auto& s : stale) removed += ::unlinkat(dirfd, s.c_str(), 0) == 0;
    return removed;
}

std::optional<std::string> same_file_among(const std::string& output,
                                           const std::vector<std::string>& inputs) {
    struct stat out;
    if (::stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return std::nullopt;
    for (const auto& in : inputs) {
        struct stat st;
        if (::stat(in.c_str(), &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
            return in;
    }
    return std::nullopt;
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
