#pragma once

#include <map>
#include <string>
#include <vector>

namespace ecograph {

/// A documentation bundle: relative path ("index.md", "img/overview.svg") -> file content.
using Bundle = std::map<std::string, std::string>;

/// How write_bundle may treat what it finds in the directory.
struct BundleWriteOptions {
    /// Overwrite files ecograph did not write (not in the manifest), and symbolic links where a
    /// bundle file goes (the link itself is replaced, never what it points to).
    bool force = false;
    /// Files the run read: never overwritten, even with `force`.
    std::vector<std::string> inputs;
};

/// What write_bundle did.
struct BundleWriteSummary {
    std::size_t written = 0, unchanged = 0, removed = 0;
    /// An earlier run was killed after committing its change; this run completed it first.
    bool resumed = false;
};

/// Writes `bundle` under `dir` (created when missing), as one transaction:
/// - everything is checked first (foreign files, symbolic links, inputs), and a refusal
///   changes nothing;
/// - the new files and removals are then committed to a journal, `dir`/.ecograph-report.journal,
///   that appears whole or not at all; killed before it appears, the run leaves the previous
///   bundle exactly as it was; killed after, the next write_bundle on `dir` completes the
///   change before anything else, so the directory converges to the new bundle;
/// - a file whose content is unchanged is not touched (its time stamp stays, so incremental
///   doc builds stay incremental); files a previous run wrote that the bundle no longer has are
///   removed, as recorded in `dir`/.ecograph-report (the manifest).
/// Nothing is written or removed outside `dir`: symbolic links inside it are never followed.
/// Throws Error on failure or refusal.
BundleWriteSummary write_bundle(const std::string& dir, const Bundle& bundle,
                                const BundleWriteOptions& options = {});

}  // namespace ecograph
