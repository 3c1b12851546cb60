#pragma once

// Internal: text in memory as a cgraph input channel, for agread with a custom discipline
// (cgraph's agmemread always uses the default ID discipline).

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace ecograph::detail {

struct MemoryChannel {
    std::string_view text;
    std::size_t pos = 0;
};

/// The `afread` of an Agiodisc_t whose channel is a MemoryChannel.
inline int memory_channel_read(void* chan, char* buf, int size) {
    auto* c = static_cast<MemoryChannel*>(chan);
    std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(size), c->text.size() - c->pos);
    std::copy_n(c->text.data() + c->pos, n, buf);
    c->pos += n;
    return static_cast<int>(n);
}

}  // namespace ecograph::detail
