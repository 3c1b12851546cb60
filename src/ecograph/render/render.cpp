#include "ecograph/render/render.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "ecograph/core/error.hpp"
#include "ecograph/io/detail/memory_channel.hpp"
#include "ecograph/render/detail/text_layout.hpp"

namespace ecograph {

const std::vector<std::string>& layout_names() {
    static const std::vector<std::string> names = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
    return names;
}

namespace {

// cairo stamps PDFs with the current time. Overwrite the stamp in place (same length, so the
// cross-reference offsets stay valid) with SOURCE_DATE_EPOCH, or the epoch: same input, same
// bytes.
void pin_pdf_date(std::string& pdf) {
    const std::string key = "/CreationDate (D:";
    std::size_t pos = pdf.find(key);
    if (pos == std::string::npos) return;
    pos += key.size();
    std::time_t when = 0;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
        when = std::strtoll(epoch, nullptr, 10);
    std::tm tm{};
    gmtime_r(&when, &tm);
    char stamp[16];
    std::strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
    if (pos + 14 <= pdf.size()) pdf.replace(pos, 14, stamp, 14);
}

// cgraph's default ID discipline uses the address of a name's interned string as the object's
// ID, and keeps subgraphs ordered by ID: the order of clusters, and so the layout, then depends
// on heap addresses, which differ after earlier renders in the same process. This discipline
// numbers named objects in the order they are first seen instead.
struct NameIds {
    std::unordered_map<std::string, IDTYPE> ids;
    std::vector<std::string> names;  // names[(id - 2) / 2]; kept until the graph is closed
    IDTYPE next_anonymous = 1;       // odd, as cgraph's own discipline gives anonymous objects
};

void* ids_open(Agraph_t*, Agdisc_t*) { return new NameIds; }

long ids_map(void* state, int, char* name, IDTYPE* id, int create) {
    auto* s = static_cast<NameIds*>(state);
    if (!name) {
        *id = s->next_anonymous;
        s->next_anonymous += 2;
        return 1;
    }
    auto it = s->ids.find(name);
    if (it == s->ids.end()) {
        if (!create) return 0;
        s->names.emplace_back(name);
        it = s->ids.emplace(name, 2 * static_cast<IDTYPE>(s->names.size())).first;
    }
    *id = it->second;
    return 1;
}

long ids_alloc(void*, int, IDTYPE) { return 0; }
void ids_free(void*, int, IDTYPE) {}

char* ids_print(void* state, int, IDTYPE id) {
    auto* s = static_cast<NameIds*>(state);
    if (id % 2 != 0 || id == 0 || id / 2 > s->names.size()) return nullptr;
    return s->names[id / 2 - 1].data();
}

void ids_close(void* state) { delete static_cast<NameIds*>(state); }
void ids_register(void*, int, void*) {}

Agiddisc_t kNameIds = {ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};

// Reads DOT from memory with the ID discipline above.
Agraph_t* read_graph(std::string_view dot) {
    static Agiodisc_t io = {detail::memory_channel_read, AgIoDisc.putstr, AgIoDisc.flush};
    static Agdisc_t disc = {&AgMemDisc, &kNameIds, &io};
    detail::MemoryChannel in{dot};
    return agread(&in, &disc);
}

// neato and twopi can place an object one unit in the last place differently from run to
// run (their sums are not always taken in the same order); SVG's two decimals hide it, PDF's
// six do not. Snapping every laid-out coordinate to 1/100 point makes the bytes repeatable.
double snap(double x) { return std::round(x * 100) / 100; }
void snap(pointf& p) {
    p.x = snap(p.x);
    p.y = snap(p.y);
}
void snap(textlabel_t* label) {
    if (label) snap(label->pos);
}
void snap_graph(Agraph_t* g) {
    snap(GD_bb(g).LL);
    snap(GD_bb(g).UR);
    snap(GD_label(g));
    for (int c = 1; c <= GD_n_cluster(g); ++c) snap_graph(GD_clust(g)[c]);
}
void snap_layout(Agraph_t* g) {
    snap_graph(g);
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        snap(ND_coord(n));
        snap(ND_label(n));
        snap(ND_xlabel(n));
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
            for (textlabel_t* l : {ED_label(e), ED_xlabel(e), ED_head_label(e), ED_tail_label(e)})
                snap(l);
            if (!ED_spl(e)) continue;
            for (int i = 0; i < ED_spl(e)->size; ++i) {
                bezier& b = ED_spl(e)->list[i];
                for (int j = 0; j < b.size; ++j) snap(b.list[j]);
                snap(b.sp);
                snap(b.ep);
            }
        }
    }
}

}  // namespace

std::string render_dot(std::string_view dot, std::string_view layout, std::string_view format) {
    const auto& layouts = layout_names();
    if (std::find(layouts.begin(), layouts.end(), layout) == layouts.end())
        throw Error(
            fmt::format("unknown layout '{}'; expected dot, neato, fdp, sfdp, circo or twopi",
                        layout),
            ExitStatus::Usage);
    if (format != "svg" && format != "png" && format != "pdf")
        throw Error(fmt::format("unknown image format '{}'", format), ExitStatus::Usage);

    static std::mutex mutex;
    std::lock_guard lock(mutex);
    // One context for the whole process, never freed: Graphviz 2.42 keeps a text-size cache
    // past gvFreeContext, and a second context then reads freed memory (found by ASan). Its
    // plugins are Graphviz's (found through config6a, as gvContext does) plus ecograph's text
    // measurement, which Graphviz prefers to pango's (see detail/text_layout.hpp).
    static GVC_t* const gvc = gvContextPlugins(detail::text_layout_builtins(), 1);
    if (!gvc) throw Error("cannot start Graphviz (gvContextPlugins failed)");
    // SVG needs only the sizes of the labels; cairo (PNG, PDF) needs pango to draw them.
    if (!detail::set_cairo_text(format != "svg"))
        throw Error(fmt::format(
            "Graphviz could not render {} (cannot load its pango plugin to draw the text)",
            format));
    std::unique_ptr<Agraph_t, decltype(&agclose)> g(read_graph(dot), agclose);
    if (!g) throw Error("internal: the generated DOT did not parse");
    std::string engine(layout), device(format);
    if (format == "png") device = "png:cairo";
    if (format == "pdf") device = "pdf:cairo";
    if (gvLayout(gvc, g.get(), engine.c_str()) != 0)
        throw Error(fmt::format("Graphviz layout '{}' failed", layout));
    if (layout != "dot") snap_layout(g.get());
    char* data = nullptr;
    unsigned int length = 0;
    int rc = gvRenderData(gvc, g.get(), device.c_str(), &data, &length);
    std::string out;
    if (rc == 0 && data) out.assign(data, length);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, g.get());
    if (format == "pdf") pin_pdf_date(out);
    if (rc != 0 || out.empty())
        throw Error(
            fmt::format("Graphviz could not render {} (is the cairo plugin installed?)", format));
    return out;
}

}  // namespace ecograph
