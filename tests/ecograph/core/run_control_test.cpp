#include "ecograph/core/run_control.hpp"

#include <algorithm>
#include <thread>

#include <catch2/catch.hpp>

using namespace ecograph;

TEST_CASE("run_control: the thread limit caps every default", "[core][threads]") {
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    set_thread_limit(1);
    CHECK(available_threads() == 1);
    CHECK(RunControl{}.thread_count() == 1);
    CHECK(RunControl{3, {}, nullptr}.thread_count() == 3);  // an analysis's own count stands
    set_thread_limit(hardware + 5);
    CHECK(available_threads() == hardware);
    set_thread_limit(0);
    CHECK(available_threads() == hardware);
    CHECK(RunControl{}.thread_count() == hardware);
}
