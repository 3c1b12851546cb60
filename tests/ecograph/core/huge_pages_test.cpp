#include "ecograph/core/huge_pages.hpp"

#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

using namespace ecograph;

TEST_CASE("huge_pages: small and big blocks hold what is written", "[core][memory]") {
    for (std::size_t n : {std::size_t{16}, std::size_t{3} << 20}) {  // 64 bytes, 12 MiB
        CAPTURE(n);
        std::vector<std::uint32_t, HugePageAllocator<std::uint32_t>> v(n);
        if (n * sizeof(std::uint32_t) >= HugePageAllocator<std::uint32_t>::kHuge)
            CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % (std::size_t{2} << 20) == 0);
        for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint32_t>(i * 7);
        std::uint64_t sum = 0;
        for (std::uint32_t x : v) sum += x;
        CHECK(sum == 7 * (static_cast<std::uint64_t>(n) * (n - 1) / 2));
        v.resize(2 * n);  // grows into a new block, the old one freed
        CHECK(v[n - 1] == static_cast<std::uint32_t>((n - 1) * 7));
    }
}
