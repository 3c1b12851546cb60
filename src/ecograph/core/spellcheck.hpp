#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecograph {

/// Case-insensitive edit distance (Levenshtein, transpositions count once).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo
/// (distance at most max(1, len/3)); ties go to the first candidate. Used for "did you mean".
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

/// "did you mean 'X'?" or an empty string.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace ecograph
