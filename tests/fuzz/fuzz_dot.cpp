// libFuzzer target for the DOT reader (read_dot: ecograph's lexical pre-scan, then cgraph).
// The input is one DOT file, or several separated by form feeds (fuzz_common.hpp), read into
// one builder. read_dot promises that a file it refuses adds nothing: that is checked too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ecograph/io/dot_reader.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return ecograph::fuzz::run_reader(
        data, size, ecograph::read_dot,
        [](std::size_t i) { return "fuzz-" + std::to_string(i + 1) + ".gv"; },
        /*all_or_nothing=*/true);
}
