#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecograph {

/// Writes `content` to `path` atomically: an unnamed temporary file in the same directory
/// (O_TMPFILE), flushed, then given a name and renamed over the target, so a failed or killed
/// run never leaves half a file, nor a temporary one. A symbolic link stays and the file it
/// points to is replaced; a device or a pipe (/dev/null, a FIFO) is written into, not
/// replaced. Throws Error on failure.
void write_file_atomic(const std::string& path, std::string_view content);

/// The same, for the entry `name` of the open directory `dirfd`, replacing whatever entry is
/// there (a symbolic link itself, not what it points to). `shown` names the file in messages.
void write_file_at(int dirfd, const std::string& name, std::string_view content,
                   const std::string& shown);

/// Where a filesystem has no O_TMPFILE the temporary file is named `.NAME.tmp.PID.XXXXXX`;
/// a run killed then leaves it behind. This removes such files in `dirfd` whose process is
/// gone (the next write of NAME calls it). Returns how many it removed.
std::size_t remove_stale_temporaries(int dirfd, const std::string& name);

/// The first of `inputs` that is the same file as `output` (same device and inode, so also
/// through symbolic and hard links), or nullopt. A missing output matches nothing.
std::optional<std::string> same_file_among(const std::string& output,
                                           const std::vector<std::string>& inputs);

/// The status of an input file. Throws Error (ExitStatus::Unreadable) naming the file when it
/// is missing or a directory.
std::filesystem::file_status input_status(const std::string& path);

/// Reads a whole file. Throws Error (ExitStatus::Unreadable) naming the file when it is missing,
/// a directory, or unreadable.
std::string read_file(const std::string& path);

}  // namespace ecograph
