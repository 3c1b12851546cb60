#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ecograph {

/// A whole file's bytes, memory-mapped when it is a regular file (read on demand from the page
/// cache, never copied), else read into memory as read_file does. Throws Error
/// (ExitStatus::Unreadable) with read_file's messages when the file is missing, a directory, or
/// unreadable. The bytes must not change while mapped: readers get a view, not a copy.
class MappedFile {
public:
    explicit MappedFile(const std::string& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view text() const { return text_; }

    /// Drops the pages wholly inside bytes [begin, end) from this process's memory; they are
    /// read again (from the page cache) if touched later. Lets a reader that streams through a
    /// big file keep its resident memory bounded. Does nothing for a file read into memory.
    void release(std::size_t begin, std::size_t end) const;

private:
    void* map_ = nullptr;
    std::size_t map_size_ = 0;
    std::string owned_;  ///< the bytes, when the file could not be mapped
    std::string_view text_;
};

}  // namespace ecograph
