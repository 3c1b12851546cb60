#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "ecograph/core/diagnostic.hpp"
#include "ecograph/model/graph.hpp"

namespace ecograph {

/// Told by read_csv which bytes [begin, end) of its text it is done with, so that a caller
/// holding the text memory-mapped can drop them from memory (MappedFile::release).
using ReleaseBytes = std::function<void(std::size_t begin, std::size_t end)>;

/// What read_csv's first pass over a file's bytes finds.
struct CsvScan {
    std::size_t nul = std::string_view::npos;        ///< offset of the first NUL byte
    std::size_t non_ascii = std::string_view::npos;  ///< offset of the first byte >= 0x80
    std::size_t newlines = 0;  ///< '\n' bytes (before the NUL, when there is one)
    bool quotes = false;       ///< any '"'
};

/// That first pass, on the calling thread alone (read_csv splits a big file between two), so
/// that a caller can scan the next file while this one is read. Hands the bytes it is done
/// with to `release`.
CsvScan scan_csv(std::string_view text, const ReleaseBytes& release = nullptr);

/// Reads one CSV file of entities or of relations (RFC 4180: comma-separated, "quoted" fields
/// with "" for a quote, CRLF or LF) into `builder`, merging entities by id.
///
/// The header row decides what the file holds, in Neo4j's bulk-import convention or plain words:
/// - entities: an id column (`:ID`, `id:ID`, `:ID(Space)` or `id`), optional `:LABEL` or `type`
///   (the entity type; of several `;`-separated labels the first), `label` or `name`;
/// - relations: `:START_ID` or `source`, `:END_ID` or `target`, optional `:TYPE` or `type`.
/// Every other column is an attribute named by the header up to any `:` (Neo4j's `since:date`
/// is attribute `since`; the schema gives its type). Empty cells are absent values.
/// Returns false with diagnostics naming file and line on unreadable input (no header, no id
/// columns, an unterminated quote, a row with the wrong number of cells, NUL bytes).
///
/// Unquoted cells are read in place; a whole row's ids are looked up a few rows after it is
/// parsed, with the builder's prefetch hints, which is what makes big files fast. Bytes already
/// read are handed to `release`, when given. `scanned`, when given, is scan_csv(text): the first
/// pass is then not made again.
bool read_csv(std::string_view text, const std::string& origin, GraphBuilder& builder,
              Diagnostics& diags, const ReleaseBytes& release = nullptr,
              const CsvScan* scanned = nullptr);

}  // namespace ecograph
