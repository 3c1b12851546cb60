#include "ecograph/render/detail/text_layout.hpp"

#include <cstdlib>
#include <dlfcn.h>
#include <string>
#include <string_view>

#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>

#include "ecograph/render/detail/text_metrics.hpp"

namespace ecograph::detail {
namespace {

bool cairo_text = false;

// The textlayout engine of Graphviz's pango plugin, the library that also holds the cairo
// renderer of PNG and PDF: opened where Graphviz finds its plugins ($GVBINDIR, else the
// directory "graphviz" beside libgvc), so that Graphviz's own loading of it for the cairo
// device shares the same copy. Null when it cannot be loaded.
gvtextlayout_engine_t* pango_engine() {
    static gvtextlayout_engine_t* const engine = []() -> gvtextlayout_engine_t* {
        std::string dir;
        if (const char* env = std::getenv("GVBINDIR")) {
            dir = env;
        } else {
            Dl_info info{};
            if (!dladdr(reinterpret_cast<void*>(&gvContext), &info) || !info.dli_fname)
                return nullptr;
            std::string_view lib = info.dli_fname;
            dir = std::string(lib.substr(0, lib.rfind('/') + 1)) + "graphviz";
        }
        // The name Graphviz 2.42's config6a gives the plugin.
        void* handle = dlopen((dir + "/libgvplugin_pango.so.6").c_str(), RTLD_NOW);
        if (!handle) return nullptr;
        auto* library =
            static_cast<gvplugin_library_t*>(dlsym(handle, "gvplugin_pango_LTX_library"));
        if (!library) return nullptr;
        for (gvplugin_api_t* api = library->apis; api->types; ++api) {
            if (api->api != API_textlayout) continue;
            for (gvplugin_installed_t* type = api->types; type->type; ++type)
                if (std::string_view(type->type) == "textlayout")
                    return static_cast<gvtextlayout_engine_t*>(type->engine);
        }
        return nullptr;
    }();
    return engine;
}

char kFontPath[] = "[ecograph: DejaVu Sans metrics]";

// Graphviz's textlayout entry point: sets the span's size, where its baseline and centre line
// are, and (for cairo) its PangoLayout. Never fails: every string has a width.
boolean measure(textspan_t* span, char** fontpath) {
    const textfont_t* font = span->font;
    bool bold = font && (font->flags & HTML_BF);
    double size = font && font->size > 0 ? font->size : 14.0;  // 14: Graphviz's default
    std::string_view text = span->str ? span->str : "";
    TextBox box = measure_text(text, size, bold);
    if (text.empty()) box.width = 0;
    span->layout = nullptr;
    span->free_layout = nullptr;
    double baseline = box.baseline;
    if (cairo_text && pango_engine()) {
        // pango's size is dropped; its layout is what cairo draws, with pango's baseline
        // (hinted, for the font fontconfig found) so that the glyphs sit on Graphviz's line.
        pango_engine()->textlayout(span, fontpath);
        if (span->layout) baseline = span->yoffset_layout;
    } else if (fontpath) {
        *fontpath = kFontPath;
    }
    span->size.x = box.width;
    span->size.y = box.height;
    span->yoffset_layout = baseline;
    span->yoffset_centerline = box.centerline_offset;
    return true;
}

gvtextlayout_engine_t kEngine = {measure};

// Quality 100: above pango's 10, so Graphviz selects this one when it sets up the context.
gvplugin_installed_t kTypes[] = {
    {0, "textlayout", 100, &kEngine, nullptr},
    {0, nullptr, 0, nullptr, nullptr},
};

gvplugin_api_t kApis[] = {
    {API_textlayout, kTypes},
    {static_cast<api_t>(0), nullptr},
};

char kPackage[] = "ecograph";
gvplugin_library_t kLibrary = {kPackage, kApis};

// Graphviz installs the builtins whose names start with 'g' and contain "_LTX_library".
const lt_symlist_t kBuiltins[] = {
    {"gvplugin_ecograph_LTX_library", &kLibrary},
    {nullptr, nullptr},
};

}  // namespace

const lt_symlist_t* text_layout_builtins() { return kBuiltins; }

bool set_cairo_text(bool on) {
    cairo_text = on;
    return !on || pango_engine() != nullptr;
}

}  // namespace ecograph::detail
