#pragma once

#include <graphviz/gvcext.h>

namespace ecograph::detail {

/// Graphviz's list of built-in plugin libraries for gvContextPlugins: ecograph's textlayout
/// plugin, which measures labels with detail::measure_text (DejaVu Sans metrics) and ranks
/// above pango's, so that Graphviz never loads pango, cairo or fontconfig to lay out a graph.
const lt_symlist_t* text_layout_builtins();

/// Whether the labels measured from now on will be drawn by cairo (PNG, PDF). cairo draws a
/// label from the PangoLayout that the textlayout plugin leaves in it: with `on`, ecograph's
/// plugin has pango's plugin build that layout too, then sets the label's size from its own
/// metrics, so that the diagram is laid out exactly as in SVG. Returns false, with `on`, when
/// Graphviz's pango plugin cannot be loaded.
bool set_cairo_text(bool on);

}  // namespace ecograph::detail
