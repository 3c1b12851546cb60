#include "ecograph/core/progress.hpp"

#include <catch2/catch.hpp>

using namespace ecograph;

TEST_CASE("progress: durations read as a person says them", "[core][progress]") {
    CHECK(human_duration(0) == "0 s");
    CHECK(human_duration(59.4) == "59 s");
    CHECK(human_duration(65) == "1 min 05 s");
    CHECK(human_duration(3600 * 2 + 28 * 60 + 10) == "2 h 28 min");
    CHECK(human_duration(86400 * 9) == "9 days");
    CHECK(human_duration(-3) == "0 s");
}

TEST_CASE("progress: the line has an estimate once there is one", "[core][progress]") {
    // The case: 224 of 100,000 sources after 20 s.
    CHECK(progress_line("betweenness", 224, 100000, 20, "try --approx") ==
          "betweenness: 224/100000 (0%), 20 s, about 2 h 28 min left; try --approx");
    CHECK(progress_line("betweenness", 500, 1000, 10, "try --approx") ==
          "betweenness: 500/1000 (50%), 10 s, about 10 s left");  // under a minute: no hint
    CHECK(progress_line("pagerank", 0, 100, 5) == "pagerank: 0/100 (0%), 5 s");
    CHECK(progress_line("pagerank", 3, 100, 0.5) == "pagerank: 3/100 (3%), 1 s");
    CHECK(progress_line("harmonic", 10, 100000, 30) ==
          "harmonic: 10/100000 (0%), 30 s, about 83 h 19 min left");
    CHECK(progress_line("harmonic", 100, 100, 30) == "harmonic: 100/100 (100%)");
}

TEST_CASE("progress: the meter prints the first and last update", "[core][progress]") {
    ProgressMeter meter("degree");
    CHECK(meter.update(1, 10) == "degree: 1/10 (10%), 0 s");
    CHECK(meter.update(2, 10).empty());  // within a quarter second of the last line
    CHECK(meter.update(10, 10) == "degree: 10/10 (100%)");
}
