#include "ecograph/render/render.hpp"

#include <algorithm>
#include <memory>
#include <mutex>

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "ecograph/core/error.hpp"

namespace ecograph {

const std::vector<std::string>& layout_names() {
    static const std::vector<std::string> names = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
    return names;
}

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
    // past gvFreeContext, and a second context then reads freed memory (found by ASan).
    static GVC_t* const gvc = gvContext();
    if (!gvc) throw Error("cannot start Graphviz (gvContext failed)");
    std::string text(dot);
    std::unique_ptr<Agraph_t, decltype(&agclose)> g(agmemread(text.c_str()), agclose);
    if (!g) throw Error("internal: the generated DOT did not parse");
    std::string engine(layout), device(format);
    if (format == "png") device = "png:cairo";
    if (format == "pdf") device = "pdf:cairo";
    if (gvLayout(gvc, g.get(), engine.c_str()) != 0)
        throw Error(fmt::format("Graphviz layout '{}' failed", layout));
    char* data = nullptr;
    unsigned int length = 0;
    int rc = gvRenderData(gvc, g.get(), device.c_str(), &data, &length);
    std::string out;
    if (rc == 0 && data) out.assign(data, length);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, g.get());
    if (rc != 0 || out.empty())
        throw Error(
            fmt::format("Graphviz could not render {} (is the cairo plugin installed?)", format));
    return out;
}

}  // namespace ecograph
