// libFuzzer target for the CSV reader (read_csv). The header row decides entities or relations,
// not the file name; the input is one CSV file, or several separated by form feeds (an entities
// file, then a relations file, ...; fuzz_common.hpp), read into one builder. scan_csv, the first
// pass that load_graph may make ahead on another thread, is exercised on the odd files: its
// result is handed to read_csv as `scanned`, and must agree with read_csv's own pass.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ecograph/io/csv_reader.hpp"
#include "fuzz_common.hpp"

namespace {

bool read(std::string_view text, const std::string& origin, ecograph::GraphBuilder& b,
          ecograph::Diagnostics& diags, bool prescan) {
    // `release` is called with byte ranges the reader is done with: check they stay in range.
    const ecograph::ReleaseBytes release = [size = text.size()](std::size_t begin,
                                                                std::size_t end) {
        ECOGRAPH_FUZZ_CHECK(begin <= end && end <= size);
    };
    if (!prescan) return ecograph::read_csv(text, origin, b, diags, release);
    const ecograph::CsvScan scan = ecograph::scan_csv(text, release);
    return ecograph::read_csv(text, origin, b, diags, release, &scan);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::size_t file = 0;
    return ecograph::fuzz::run_reader(
        data, size,
        [&file](std::string_view text, const std::string& origin, ecograph::GraphBuilder& b,
                ecograph::Diagnostics& diags) {
            return read(text, origin, b, diags, file++ % 2 == 1);
        },
        [](std::size_t i) {
            return "fuzz-" + std::to_string(i + 1) + (i % 2 ? ".relations.csv" : ".entities.csv");
        },
        /*all_or_nothing=*/false);
}
