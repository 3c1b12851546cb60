// libFuzzer target for the GraphML reader (read_graphml, on expat). The input is one GraphML
// document, or several separated by form feeds (fuzz_common.hpp), read into one builder.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ecograph/io/graphml_reader.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return ecograph::fuzz::run_reader(
        data, size, ecograph::read_graphml,
        [](std::size_t i) { return "fuzz-" + std::to_string(i + 1) + ".graphml"; },
        /*all_or_nothing=*/false);
}
