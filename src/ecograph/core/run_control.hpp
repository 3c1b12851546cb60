#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ecograph {

/// Caps the threads every part of ecograph uses, loading and view building included (0, the
/// default: all hardware threads). The command-line tool sets it from --threads.
void set_thread_limit(unsigned threads);
/// The hardware threads, at most the limit set by set_thread_limit; at least 1.
unsigned available_threads();

/// How a long analysis runs: on how many threads, whether it reports progress, and the flag
/// that interrupts it (set from a SIGINT handler by the command-line tool).
struct RunControl {
    unsigned threads = 0;  ///< 0 = available_threads()
    /// Called now and then with (done, total) from one thread at a time; may be empty.
    std::function<void(std::size_t, std::size_t)> progress;
    const std::atomic<bool>* cancel = nullptr;

    unsigned thread_count() const;
    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    /// Throws Error("interrupted") when cancelled.
    void check_cancelled() const;
};

/// The process-wide interrupt flag the CLI's SIGINT handler sets.
std::atomic<bool>& interrupt_flag();

/// How many code regions that check interrupt_flag() are running. Outside them the CLI stops
/// at once on Ctrl-C; inside, it sets the flag and lets the analysis stop cleanly.
std::atomic<int>& cooperative_depth();

/// Marks a region that checks interrupt_flag() (or finishes quickly, like an atomic write).
class CooperativeScope {
public:
    CooperativeScope() { cooperative_depth().fetch_add(1); }
    ~CooperativeScope() { cooperative_depth().fetch_sub(1); }
    CooperativeScope(const CooperativeScope&) = delete;
    CooperativeScope& operator=(const CooperativeScope&) = delete;
};

/// Number of fixed work partitions: results never depend on the number of threads, because
/// partition p always handles items p, p + P, p + 2P, ... in that order, and partition results
/// are combined in partition order.
inline constexpr std::size_t kPartitions = 16;

/// Runs body(thread, partition, item) for every item in [0, count), partition by partition
/// (see kPartitions), on `threads` threads (thread < threads: index per-thread scratch space).
/// Stops early and throws Error when cancelled; rethrows the first exception of a worker.
void for_each_partitioned(std::size_t count, const RunControl& control, unsigned threads,
                          const std::function<void(unsigned, std::size_t, std::size_t)>& body);

/// Threads for_each_partitioned will use for `count` items.
unsigned partition_threads(std::size_t count, const RunControl& control);

}  // namespace ecograph
