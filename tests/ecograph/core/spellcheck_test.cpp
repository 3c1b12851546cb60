#include "ecograph/core/spellcheck.hpp"

#include <catch2/catch.hpp>

using namespace ecograph;

TEST_CASE("edit_distance: case-insensitive, transpositions count once", "[core][spellcheck]") {
    CHECK(edit_distance("SI", "si") == 0);
    CHECK(edit_distance("Sl", "SI") == 1);
    CHECK(edit_distance("partenrs_with", "partners_with") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("did_you_mean: suggests only plausible typos", "[core][spellcheck]") {
    std::vector<std::string> types = {"CloudProvider", "SI", "ISV", "MSP", "Region"};
    CHECK(did_you_mean("Sl", types) == "did you mean 'SI'?");
    CHECK(did_you_mean("Regoin", types) == "did you mean 'Region'?");
    CHECK(did_you_mean("Spaceship", types).empty());
}
