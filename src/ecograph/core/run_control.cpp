#include "ecograph/core/run_control.hpp"

#include <algorithm>
#include <exception>

#include "ecograph/core/error.hpp"

namespace ecograph {

namespace {
std::atomic<unsigned> thread_limit{0};
}  // namespace

void set_thread_limit(unsigned threads) { thread_limit = threads; }

unsigned available_threads() {
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const unsigned limit = thread_limit;
    return limit > 0 ? std::min(limit, hardware) : hardware;
}

unsigned RunControl::thread_count() const {
    if (threads > 0) return threads;
    return available_threads();
}

void RunControl::check_cancelled() const {
    if (cancelled()) throw Error("interrupted", ExitStatus::Interrupted);
}

std::atomic<bool>& interrupt_flag() {
    static std::atomic<bool> flag{false};
    return flag;
}

unsigned partition_threads(std::size_t count, const RunControl& control) {
    return static_cast<unsigned>(std::max<std::size_t>(
        1, std::min<std::size_t>({control.thread_count(), kPartitions, count})));
}

std::atomic<int>& cooperative_depth() {
    static std::atomic<int> depth{0};
    return depth;
}

void for_each_partitioned(std::size_t count, const RunControl& control, unsigned threads,
                          const std::function<void(unsigned, std::size_t, std::size_t)>& body) {
    CooperativeScope cooperative;
    std::atomic<std::size_t> next_partition{0}, done{0};
    std::mutex progress_mutex;
    auto last_report = std::chrono::steady_clock::now();
    std::exception_ptr failure;
    std::mutex failure_mutex;

    auto worker = [&](unsigned thread) {
        try {
            for (std::size_t p; (p = next_partition.fetch_add(1)) < kPartitions;) {
                for (std::size_t item = p; item < count; item += kPartitions) {
                    if (control.cancelled()) return;
                    body(thread, p, item);
                    std::size_t d = done.fetch_add(1) + 1;
                    if (control.progress && d == count) {  // the last report clears the line
                        std::lock_guard lock(progress_mutex);
                        control.progress(d, count);
                    } else if (control.progress && d % 32 == 0 && progress_mutex.try_lock()) {
                        auto now = std::chrono::steady_clock::now();
                        if (now - last_report > std::chrono::milliseconds(200)) {
                            last_report = now;
                            control.progress(d, count);
                        }
                        progress_mutex.unlock();
                    }
                }
            }
        } catch (...) {
            std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, t);
    worker(0);
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    control.check_cancelled();
}

}  // namespace ecograph
