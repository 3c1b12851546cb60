#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ecograph {

/// Writes `content` to `path` atomically: a temporary file in the same directory, flushed, then
/// renamed over the target, so a failed run never leaves half a file. A symbolic link stays and
/// the file it points to is replaced; a device or a pipe (/dev/null, a FIFO) is written into,
/// not replaced. Throws Error on failure.
void write_file_atomic(const std::string& path, std::string_view content);

/// The status of an input file. Throws Error (ExitStatus::Unreadable) naming the file when it
/// is missing or a directory.
std::filesystem::file_status input_status(const std::string& path);

/// Reads a whole file. Throws Error (ExitStatus::Unreadable) naming the file when it is missing,
/// a directory, or unreadable.
std::string read_file(const std::string& path);

}  // namespace ecograph
