#pragma once

// Seeded random graphs for the kernel tests: entities v0..v{n-1} and m relations between
// uniformly drawn ends (self-loops and parallel relations included).
#include <cstdint>
#include <string>
#include <vector>

#include "ecograph/model/graph.hpp"

namespace ecograph::test {

// A 64-bit linear congruential generator: the same sequence on every platform.
struct Lcg {
    std::uint64_t state;
    std::uint32_t next(std::uint32_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>((state >> 33) % bound);
    }
};

// Each relation's type is drawn from `types`.
inline Graph random_graph(Lcg& rng, std::uint32_t n, std::uint32_t m,
                          const std::vector<std::string>& types = {"partners_with"}) {
    GraphBuilder b;
    for (std::uint32_t i = 0; i < n; ++i) b.entity("v" + std::to_string(i), {});
    for (std::uint32_t i = 0; i < m; ++i) {
        std::uint32_t from = rng.next(n), to = rng.next(n);
        b.add_relation(from, to, types[rng.next(static_cast<std::uint32_t>(types.size()))], {});
    }
    return std::move(b).build();
}

}  // namespace ecograph::test
