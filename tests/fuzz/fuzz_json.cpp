// libFuzzer target for the JSON node-link reader (read_json, nlohmann's SAX parser). The input
// is one JSON document, or several separated by form feeds (fuzz_common.hpp), read into one
// builder.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ecograph/io/json_reader.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return ecograph::fuzz::run_reader(
        data, size, ecograph::read_json,
        [](std::size_t i) { return "fuzz-" + std::to_string(i + 1) + ".json"; },
        /*all_or_nothing=*/false);
}
