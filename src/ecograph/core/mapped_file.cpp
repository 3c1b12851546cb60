#include "ecograph/core/mapped_file.hpp"

#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

#include "ecograph/core/atomic_file.hpp"
#include <sys/mman.h>
#include <sys/stat.h>

namespace ecograph {

MappedFile::MappedFile(const std::string& path) {
    int fd =
        std::filesystem::is_regular_file(input_status(path)) ? ::open(path.c_str(), O_RDONLY) : -1;
    struct stat st;
    if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        const auto size = static_cast<std::size_t>(st.st_size);
        void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            ::madvise(p, size, MADV_SEQUENTIAL);  // readers stream through: read ahead
            map_ = p;
            map_size_ = size;
            text_ = std::string_view(static_cast<const char*>(p), size);
        }
    }
    if (fd >= 0) ::close(fd);
    if (!map_) {  // empty, a pipe or a device, or mmap refused: read it the ordinary way
        owned_ = read_file(path);
        text_ = owned_;
    }
}

MappedFile::~MappedFile() {
    if (map_) ::munmap(map_, map_size_);
}

void MappedFile::release(std::size_t begin, std::size_t end) const {
    if (!map_) return;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    begin = (begin + page - 1) / page * page;
    // The last page of the file is whole in the mapping, so the end of the file is a page end.
    end = end >= map_size_ ? (map_size_ + page - 1) / page * page : end / page * page;
    if (begin < end) ::madvise(static_cast<char*>(map_) + begin, end - begin, MADV_DONTNEED);
}

}  // namespace ecograph
