#include "ecograph/schema/schema.hpp"

#include <catch2/catch.hpp>

#include "ecograph/core/error.hpp"

using namespace ecograph;

TEST_CASE("schema: the built-in schema covers every type of the brief", "[schema]") {
    const Schema& s = Schema::builtin();
    for (const char* t : {"Company", "CloudProvider", "SI", "ISV", "MSP", "Distributor", "Customer",
                          "Region", "DataCentre", "Person", "Programme", "Product"})
        CHECK(s.entity_type(t) != nullptr);
    for (const char* r :
         {"partners_with", "resells", "integrates_with", "manages", "subsidiary_of", "operates",
          "located_in", "part_of", "serves", "operates_in", "invests_in", "funds", "works_for"})
        CHECK(s.relation_type(r) != nullptr);
}

TEST_CASE("schema: subtypes satisfy their parents", "[schema]") {
    const Schema& s = Schema::builtin();
    CHECK(s.is_a("SI", "Company"));
    CHECK(s.is_a("SI", "Entity"));
    CHECK(s.is_a("SI", "SI"));
    CHECK_FALSE(s.is_a("Region", "Company"));
    CHECK_FALSE(s.is_a("Nonsense", "Entity"));
    auto companies = s.concrete_subtypes("Company");
    CHECK(std::find(companies.begin(), companies.end(), "Infosys") == companies.end());
    CHECK(std::find(companies.begin(), companies.end(), "MSP") != companies.end());
    CHECK(std::find(companies.begin(), companies.end(), "Company") == companies.end());
}

TEST_CASE("schema: attributes are inherited and common ones apply everywhere", "[schema]") {
    const Schema& s = Schema::builtin();
    auto attrs = s.entity_attributes("SI");
    auto has = [&](const std::string& name, AttrType type) {
        return std::any_of(attrs.begin(), attrs.end(),
                           [&](const AttrDef& a) { return a.name == name && a.type == type; });
    };
    CHECK(has("source", AttrType::String));  // common
    CHECK(has("founded", AttrType::Date));   // from Company
    CHECK(has("employees", AttrType::Integer));
    auto fr = s.entity_attributes("FinancialResult");
    CHECK(std::count_if(fr.begin(), fr.end(), [](const AttrDef& a) { return a.required; }) == 2);
    CHECK(s.entity_theme("SI").shape == "box");
    CHECK(s.entity_theme("CloudProvider").color == "#ffa94d");
}

TEST_CASE("schema: a user file extends the built-in schema", "[schema]") {
    Schema user = Schema::from_toml(R"(
name = "telco"
[entity.Carrier]
parent = "Company"
shape = "box"
color = "#123456"
[entity.Carrier.attributes]
spectrum_mhz = "number"
[entity.SI.attributes]
practice = "string"
[relation.peers_with]
from = ["Carrier"]
to = ["Carrier"]
)",
                                    "telco.toml");
    Schema s = Schema::builtin();
    s.extend(user);
    CHECK(s.name() == "telco");
    CHECK(s.is_a("Carrier", "Company"));
    CHECK(s.relation_type("peers_with") != nullptr);
    CHECK(s.relation_type("partners_with") != nullptr);
    auto si = s.entity_attributes("SI");
    CHECK(std::any_of(si.begin(), si.end(), [](const AttrDef& a) { return a.name == "practice"; }));
}

TEST_CASE("schema: errors name the file and line", "[schema]") {
    SECTION("TOML syntax") {
        REQUIRE_THROWS_WITH(Schema::from_toml("name = \n", "bad.toml"),
                            Catch::StartsWith("bad.toml:1:"));
    }
    SECTION("unknown key with a suggestion") {
        REQUIRE_THROWS_WITH(
            Schema::from_toml("[entity.X]\nparent = \"Entity\"\ncolour = \"#fff\"\n", "u.toml"),
            "u.toml:3: unknown key 'colour' in [entity.X]; did you mean 'color'?");
    }
    SECTION("unknown attribute type") {
        REQUIRE_THROWS_WITH(
            Schema::from_toml("[entity.X.attributes]\nsize = \"integr\"\n", "t.toml"),
            "t.toml:2: unknown attribute type 'integr' for 'size'; did you mean 'integer'?");
    }
    SECTION("a replacing schema must be consistent") {
        REQUIRE_THROWS_WITH(
            Schema::from_toml("mode = \"replace\"\n[entity.A]\nparent = \"B\"\n", "r.toml"),
            "r.toml: [entity.A] parent names unknown entity type 'B'");
        REQUIRE_THROWS_WITH(
            Schema::from_toml(
                "mode = \"replace\"\n[entity.A]\nparent = \"B\"\n[entity.B]\nparent = \"A\"\n",
                "c.toml"),
            Catch::Contains("parent cycle"));
    }
}
