// libFuzzer target for the schema reader: Schema::from_toml (toml++), then what the CLI does
// with a user schema: Schema::load, which extends the built-in schema (or stands alone with
// mode = "replace") and checks the merged result's consistency. Schema::load reads a file, so
// the text is also put in an in-memory file (memfd) and handed over as /proc/self/fd/N.
//
// An ecograph::Error is the documented refusal (syntax error, inconsistent schema) and fine;
// any other exception escaping is a bug. Every schema read is then walked (lineage, inherited
// attributes and themes, subtypes) and a small graph with its types and attributes is
// validated against it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unistd.h>

#include "ecograph/core/error.hpp"
#include "ecograph/schema/schema.hpp"
#include "ecograph/schema/validate.hpp"
#include "fuzz_common.hpp"
#include <sys/mman.h>

namespace {

using namespace ecograph;

void touch_schema(const Schema& s) {
    std::size_t bytes = s.name().size() + s.common_entity_attributes().size() +
                        s.common_relation_attributes().size();
    std::size_t k = 0;
    for (const EntityTypeDef& t : s.entity_types()) {
        ECOGRAPH_FUZZ_CHECK(s.entity_type(t.name) != nullptr);
        auto chain = s.lineage(t.name);
        ECOGRAPH_FUZZ_CHECK(!chain.empty() && chain.size() <= s.entity_types().size() + 1);
        bytes += s.entity_attributes(t.name).size() + s.entity_theme(t.name).shape.size();
        if (k++ < 16) bytes += s.concrete_subtypes(t.name).size();  // quadratic: a few only
    }
    for (const RelationTypeDef& r : s.relation_types()) {
        ECOGRAPH_FUZZ_CHECK(s.relation_type(r.name) != nullptr);
        bytes += s.relation_attributes(r.name).size() + s.relation_theme(r.name).color.size();
    }
    bytes += s.entity_type_names().size() + s.relation_type_names().size();
    volatile std::size_t sink = bytes;
    (void)sink;
}

// A value for an attribute of `type`, right or (every other time) wrong.
std::string sample_value(AttrType type, bool wrong) {
    if (wrong) return "not a value, 1.2.3";
    switch (type) {
        case AttrType::String:
            return "text";
        case AttrType::Integer:
            return "42";
        case AttrType::Number:
            return "0.25";
        case AttrType::Money:
            return "1000000";
        case AttrType::Date:
            return "2020-02-29";
        case AttrType::Boolean:
            return "true";
        case AttrType::List:
            return "a,b";
    }
    return "";
}

// One entity per entity type (at most 32) with every attribute it may carry, one relation per
// relation type (at most 32) between entities of its first allowed types, validated.
void validate_sample(const Schema& s) {
    GraphBuilder b;
    const std::uint32_t file = b.add_file("sample.gv");
    std::size_t k = 0;
    for (const EntityTypeDef& t : s.entity_types()) {
        if (k++ == 32) break;
        EntityIndex v = b.entity("e:" + t.name, {file, static_cast<std::uint32_t>(k)});
        b.set_entity_type(v, t.name);
        bool wrong = false;
        for (const AttrDef& a : s.entity_attributes(t.name)) {
            if (is_reserved_attribute(a.name)) continue;
            b.set_entity_attr(v, a.name, sample_value(a.type, wrong));
            wrong = !wrong;
        }
    }
    EntityIndex untyped = b.entity("untyped", {file, 1});
    k = 0;
    for (const RelationTypeDef& r : s.relation_types()) {
        if (k++ == 32) break;
        auto end = [&](const std::vector<std::string>& types) {
            return types.empty() ? untyped : b.entity("e:" + types.front(), {file, 0});
        };
        RelationIndex rel =
            b.add_relation(end(r.from), end(r.to), r.name, {file, static_cast<std::uint32_t>(k)});
        bool wrong = true;
        for (const AttrDef& a : s.relation_attributes(r.name)) {
            if (is_reserved_attribute(a.name)) continue;
            b.set_relation_attr(rel, a.name, sample_value(a.type, wrong));
            wrong = !wrong;
        }
    }
    Graph g = std::move(b).build();
    Diagnostics diags;
    validate(g, s, diags);
    ecograph::fuzz::touch_diagnostics(diags);
}

// The text as a file Schema::load can open: one memfd for the process, rewritten per input.
std::string as_file(std::string_view text) {
    static const int fd = memfd_create("fuzz-schema.toml", MFD_CLOEXEC);
    ECOGRAPH_FUZZ_CHECK(fd >= 0);
    ECOGRAPH_FUZZ_CHECK(ftruncate(fd, 0) == 0);
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = pwrite(fd, text.data() + done, text.size() - done, static_cast<off_t>(done));
        ECOGRAPH_FUZZ_CHECK(n > 0);
        done += static_cast<std::size_t>(n);
    }
    return "/proc/self/fd/" + std::to_string(fd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const Schema& builtin = Schema::builtin();
    (void)builtin;
    try {
        Schema user = Schema::from_toml(text, "fuzz.toml");
        touch_schema(user);
    } catch (const Error&) {
        return 0;  // refused with a message: fine
    }
    try {
        Schema effective = Schema::load(as_file(text));
        touch_schema(effective);
        validate_sample(effective);
    } catch (const Error&) {
        // an extension inconsistent once merged with the built-in schema
    }
    return 0;
}
