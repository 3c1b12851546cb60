#include "ecograph/report/bundle.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <system_error>
#include <unistd.h>

#include <fmt/format.h>

#include "ecograph/core/atomic_file.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/core/run_control.hpp"
#include <sys/file.h>
#include <sys/stat.h>

namespace ecograph {
namespace {

constexpr const char* kManifest = ".ecograph-report";
constexpr const char* kJournal = ".ecograph-report.journal";
constexpr std::string_view kJournalHeader = "ecograph-report-journal 1\n";

// An open file descriptor, closed when it goes.
class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
    Fd& operator=(Fd&& o) noexcept {
        std::swap(fd_, o.fd_);
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }

private:
    int fd_;
};

// A path the bundle may hold: relative, components separated by '/', none empty, '.' or '..',
// no control characters (a line of the manifest or the journal is one path).
bool plain_relative(std::string_view rel) {
    if (rel.empty() || rel.front() == '/' || rel.back() == '/') return false;
    for (char c : rel)
        if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return false;
    std::size_t start = 0;
    while (start <= rel.size()) {
        std::size_t end = std::min(rel.find('/', start), rel.size());
        std::string_view part = rel.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return rel != kManifest && rel != kJournal;
}

std::string base_name(const std::string& rel) { return rel.substr(rel.rfind('/') + 1); }

enum class Walk { Ok, Missing, Link, NotDirectory };

// Opens the directory holding `rel` beneath `root`, one component at a time and never through
// a symbolic link (O_NOFOLLOW), creating missing ones when `create`. On anything but Ok,
// `where` is the component at fault.
Walk open_parent(int root, const std::string& rel, bool create, Fd& out, std::string& where) {
    Fd dir(::fcntl(root, F_DUPFD_CLOEXEC, 0));
    std::size_t start = 0;
    for (std::size_t slash; (slash = rel.find('/', start)) != std::string::npos;
         start = slash + 1) {
        const std::string part = rel.substr(start, slash - start);
        where = rel.substr(0, slash);
        Fd next(::openat(dir.get(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next && errno == ENOENT && create && ::mkdirat(dir.get(), part.c_str(), 0777) == 0)
            next = Fd(
                ::openat(dir.get(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next) {
            struct stat st;
            if (::fstatat(dir.get(), part.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
                return Walk::Missing;
            return S_ISLNK(st.st_mode) ? Walk::Link : Walk::NotDirectory;
        }
        dir = std::move(next);
    }
    out = std::move(dir);
    return Walk::Ok;
}

enum class Kind { Missing, File, Link, Other };

Kind kind_at(int dirfd, const std::string& name) {
    struct stat st;
    if (::fstatat(dirfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return Kind::Missing;
    if (S_ISREG(st.st_mode)) return Kind::File;
    return S_ISLNK(st.st_mode) ? Kind::Link : Kind::Other;
}

// The content of the regular file `name` in `dirfd` (never through a link), or nullopt.
std::optional<std::string> read_at(int dirfd, const std::string& name) {
    Fd fd(::openat(dirfd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    struct stat st;
    if (!fd || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    std::string text;
    char buf[1 << 16];
    for (ssize_t n; (n = ::read(fd.get(), buf, sizeof buf)) != 0;) {
        if (n < 0) {
            if (errno == EINTR) continue;
            return std::nullopt;
        }
        text.append(buf, static_cast<std::size_t>(n));
    }
    return text;
}

// The change a run commits: written whole before any file changes, so that a killed run can
// be completed by the next one.
struct Journal {
    std::vector<std::pair<std::string, std::string>> writes;  // path, content
    std::vector<std::string> removals;
    std::string manifest;
};

std::string encode(const Journal& j) {
    std::string out(kJournalHeader);
    for (const auto& [path, content] : j.writes)
        out += fmt::format("write {} {}\n", content.size(), path) + content + "\n";
    for (const auto& path : j.removals) out += "remove " + path + "\n";
    out += fmt::format("manifest {}\n", j.manifest.size()) + j.manifest + "\nend\n";
    return out;
}

// nullopt unless `text` is a whole journal (it ends in "end") of plain relative paths.
std::optional<Journal> decode(std::string_view text) {
    if (text.substr(0, kJournalHeader.size()) != kJournalHeader) return std::nullopt;
    Journal j;
    std::size_t pos = kJournalHeader.size();
    // One "WORD REST\n" line; false at the end of the text.
    auto line = [&](std::string_view& word, std::string_view& rest) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) return false;
        std::string_view l = text.substr(pos, nl - pos);
        pos = nl + 1;
        std::size_t sp = l.find(' ');
        word = l.substr(0, sp);
        rest = sp == std::string_view::npos ? std::string_view{} : l.substr(sp + 1);
        return true;
    };
    // `size` bytes and a newline.
    auto block = [&](std::string_view size_text, std::string& out) {
        std::size_t size = 0;
        for (char c : size_text) {
            if (c < '0' || c > '9' || size > text.size()) return false;
            size = size * 10 + static_cast<std::size_t>(c - '0');
        }
        if (size_text.empty() || size > text.size() - pos || text.size() - pos - size < 1 ||
            text[pos + size] != '\n')
            return false;
        out.assign(text.substr(pos, size));
        pos += size + 1;
        return true;
    };
    for (std::string_view word, rest; line(word, rest);) {
        if (word == "end") return pos == text.size() ? std::optional<Journal>(j) : std::nullopt;
        if (word == "write") {
            std::size_t sp = rest.find(' ');
            if (sp == std::string_view::npos || !plain_relative(rest.substr(sp + 1)))
                return std::nullopt;
            auto& [path, content] = j.writes.emplace_back(rest.substr(sp + 1), "");
            if (!block(rest.substr(0, sp), content)) return std::nullopt;
            (void)path;
        } else if (word == "remove" && plain_relative(rest)) {
            j.removals.emplace_back(rest);
        } else if (!(word == "manifest" && block(rest, j.manifest))) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::string shown(const std::string& dir, const std::string& rel) {
    return (std::filesystem::path(dir) / rel).string();
}

// Makes the directory what `j` says; safe to repeat, and after a partial earlier attempt.
void apply(int root, const std::string& dir, const Journal& j, BundleWriteSummary& summary) {
    for (const auto& [rel, content] : j.writes) {
        Fd parent;
        std::string where;
        if (open_parent(root, rel, true, parent, where) != Walk::Ok)
            throw Error(
                fmt::format("{}: cannot create the directory (a file or a symbolic link "
                            "is in the way)",
                            shown(dir, where)));
        const std::string name = base_name(rel);
        if (read_at(parent.get(), name) == content) {
            ++summary.unchanged;
            continue;
        }
        write_file_at(parent.get(), name, content, shown(dir, rel));
        ++summary.written;
    }
    for (const auto& rel : j.removals) {
        Fd parent;
        std::string where;
        if (open_parent(root, rel, false, parent, where) != Walk::Ok) continue;
        const std::string name = base_name(rel);
        if (kind_at(parent.get(), name) == Kind::File &&
            ::unlinkat(parent.get(), name.c_str(), 0) == 0)
            ++summary.removed;
    }
    if (read_at(root, kManifest) != j.manifest)
        write_file_at(root, kManifest, j.manifest, shown(dir, kManifest));
    if (::unlinkat(root, kJournal, 0) != 0 && errno != ENOENT)
        throw Error(
            fmt::format("{}: cannot remove: {}", shown(dir, kJournal), std::strerror(errno)));
    ::fsync(root);
}

std::set<std::string> previous_files(int root) {
    std::set<std::string> files;
    std::istringstream lines(read_at(root, kManifest).value_or(""));
    for (std::string line; std::getline(lines, line);)
        if (plain_relative(line)) files.insert(line);  // a tampered manifest names nothing else
    return files;
}

}  // namespace

BundleWriteSummary write_bundle(const std::string& dir, const Bundle& bundle,
                                const BundleWriteOptions& options) {
    CooperativeScope cooperative;  // Ctrl-C waits for the transaction rather than cut it
    BundleWriteSummary summary;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    Fd root(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!root)
        throw Error(fmt::format("{}: cannot open the directory: {}", dir,
                                ec ? ec.message() : std::strerror(errno)));
    if (::flock(root.get(), LOCK_EX | LOCK_NB) != 0)
        throw Error(fmt::format("{}: another ecograph report is writing this directory", dir));

    // A run killed after its commit: finish it first, so that the directory is one bundle.
    if (kind_at(root.get(), kJournal) != Kind::Missing) {
        auto text = read_at(root.get(), kJournal);
        auto journal = text ? decode(*text) : std::nullopt;
        if (!journal)
            throw Error(fmt::format("{}: not a journal ecograph wrote; remove it to go on",
                                    shown(dir, kJournal)));
        BundleWriteSummary resumed;
        apply(root.get(), dir, *journal, resumed);
        summary.resumed = true;
    }

    const std::set<std::string> previous = previous_files(root.get());
    Journal change;
    std::vector<std::string> problems;
    auto is_input = [&](const std::string& rel) {
        return same_file_among(shown(dir, rel), options.inputs).has_value();
    };
    for (const auto& [rel, content] : bundle) {
        if (!plain_relative(rel))
            throw Error(fmt::format("{}: not a path a bundle may hold", shown(dir, rel)));
        change.manifest += rel + "\n";
        Fd parent;
        std::string where;
        Walk walk = open_parent(root.get(), rel, false, parent, where);
        if (walk == Walk::Missing) {
            change.writes.emplace_back(rel, content);
            continue;
        }
        if (walk != Walk::Ok) {
            problems.push_back(
                fmt::format("{} is {}: ecograph writes only inside {}", shown(dir, where),
                            walk == Walk::Link ? "a symbolic link" : "not a directory", dir));
            continue;
        }
        const std::string name = base_name(rel);
        const Kind kind = kind_at(parent.get(), name);
        if (kind == Kind::File && read_at(parent.get(), name) == content) {
            ++summary.unchanged;
            continue;
        }
        if (kind == Kind::Other) {
            problems.push_back(fmt::format("{} is not a regular file", shown(dir, rel)));
        } else if (kind == Kind::File && is_input(rel)) {
            problems.push_back(fmt::format("{} is one of the inputs", shown(dir, rel)));
        } else if (kind == Kind::Link && !options.force) {
            problems.push_back(
                fmt::format("{} is a symbolic link, which ecograph never writes; "
                            "--force replaces the link itself",
                            shown(dir, rel)));
        } else if (kind == Kind::File && !previous.count(rel) && !options.force) {
            problems.push_back(
                fmt::format("{} was not written by ecograph (it is not in {}); "
                            "--force overwrites it",
                            shown(dir, rel), shown(dir, kManifest)));
        } else {
            change.writes.emplace_back(rel, content);
        }
    }
    for (const auto& rel : previous) {
        if (bundle.count(rel)) continue;
        Fd parent;
        std::string where;
        if (open_parent(root.get(), rel, false, parent, where) != Walk::Ok ||
            kind_at(parent.get(), base_name(rel)) != Kind::File)
            continue;  // gone, or moved behind a link: nothing of ours to remove
        if (is_input(rel))
            problems.push_back(fmt::format("{} is one of the inputs", shown(dir, rel)));
        else
            change.removals.push_back(rel);
    }
    if (!problems.empty()) {
        std::string list;
        for (std::size_t i = 0; i < problems.size() && i < 5; ++i) list += "\n  " + problems[i];
        if (problems.size() > 5) list += fmt::format("\n  and {} more", problems.size() - 5);
        throw Error(
            fmt::format("{}: refusing to write the bundle, nothing was changed:{}", dir, list),
            ExitStatus::Usage);
    }
    if (change.writes.empty() && change.removals.empty() &&
        read_at(root.get(), kManifest) == change.manifest)
        return summary;

    // The commit: the journal appears whole (written unnamed, then renamed into place).
    write_file_at(root.get(), kJournal, encode(change), shown(dir, kJournal));
    ::fsync(root.get());
    apply(root.get(), dir, change, summary);
    return summary;
}

}  // namespace ecograph
