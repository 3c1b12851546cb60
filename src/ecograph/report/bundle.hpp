#pragma once

#include <map>
#include <string>

namespace ecograph {

/// A documentation bundle: relative path ("index.md", "img/overview.svg") -> file content.
using Bundle = std::map<std::string, std::string>;

/// What write_bundle did.
struct BundleWriteSummary {
    std::size_t written = 0, unchanged = 0, removed = 0;
};

/// Writes `bundle` under `dir` (created when missing). A file whose content is unchanged is
/// not touched (its time stamp stays, so incremental doc builds stay incremental); changed
/// files are replaced atomically; files a previous run wrote that the bundle no longer has are
/// removed, as recorded in `dir`/.ecograph-report (the manifest). Throws Error on failure.
BundleWriteSummary write_bundle(const std::string& dir, const Bundle& bundle);

}  // namespace ecograph
