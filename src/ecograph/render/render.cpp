#include "ecograph/render/render.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
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
    if (format == "pdf") pin_pdf_date(out);
    if (rc != 0 || out.empty())
        throw Error(
            fmt::format("Graphviz could not render {} (is the cairo plugin installed?)", format));
    return out;
}

}  // namespace ecograph
