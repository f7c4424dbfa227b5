// The gated-units lab's figures: g(a, b) = act(a)·b as a map with contour lines, its two partials
// with the zones where both vanish hatched, slices of it as curves, and the feed-forward block's
// counts. The core computes every number (core/gated.h, core/contour.h); the heatmap shader colours
// the maps. Each is drawn in the panel, into off-screen PNGs, and written as CSV, from the window and
// from `actlab export glu-surface`, `glu-gradient`, `glu-slice` and `glu-ffn`.
#pragma once

#include "app/figures/ffn_figure.h"
#include "app/figures/figure.h"
#include "app/figures/gated_view.h"
#include "app/plot/plot.h"
#include "app/render/heatmap.h"
#include "core/contour.h"
#include "core/decision_grid.h"
#include "core/gated.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

// The sweep of a range (n points, both ends included), or the exact points when there are any.
Eigen::ArrayXd gated_axis(double lo, double hi, int n, const std::vector<double>& points = {});

// One map: a field of the grid for the heatmap (divided by `scale`, its largest |value|, so the
// colours span −1 … 1), the contour lines at round levels, and its range.
struct GatedMap {
    double lo = 0.0, hi = 0.0;          // the smallest and largest value on the grid
    double scale = 1.0;                 // max(|lo|, |hi|), or 1 when the map is 0 everywhere
    std::vector<double> levels;         // the contour levels (0 among them when inside)
    std::vector<core::ContourSegment> contours;
};

// What the maps read, computed once per change of the view: the grid (view.samples a side, the
// sweep), g and its partials there, the flat zones, and the shares that the caption gives.
struct GatedPictures {
    core::Gate gate;
    Eigen::ArrayXd a, b;
    core::GatedSurface surface;
    Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic> flat;  // gated_flat, |∂g/∂a| and |∂g/∂b| < threshold
    std::vector<core::ContourSegment> flat_edge;               // the flat zones' outline
    GatedMap g, dg_da, dg_db;
    core::BoundaryField field;          // three layers: g, ∂g/∂a, ∂g/∂b as sign(v)·√(|v| / scale)
    double flat_share = 0.0;            // of the grid's points, gated_flat
    double ungated_flat_share = 0.0;    // of the a samples, |act'(a)| < threshold
    double threshold = core::kDefaultSaturation;
    std::string name;                   // "SwiGLU"
};
GatedPictures compute_gated_pictures(const GatedView& view);

// The caption under the gradient maps: the two shares, and what they say, in plain words.
std::string gated_flat_caption(const GatedView& view, const GatedPictures& pictures);

// The least width of a map with its colour bar, in font heights (the panel keeps its main column so wide).
float gated_map_min_width();

// The heatmap's colours: blue below 0, vermilion above, white at 0.
HeatmapStyle gated_map_style();

// The figures, filling `size`. The maps draw from `texture` (which holds pictures.field) through
// `painter`. draw_gated_slice returns true when the probe was dragged (it changes view.probe).
void draw_gated_surface(const GatedView& view, const GatedPictures& pictures, const HeatmapTexture& texture,
                        HeatmapPainter* painter, ImVec2 size, plot::PlotFlags flags);
void draw_gated_gradient(const GatedView& view, const GatedPictures& pictures, const HeatmapTexture& texture,
                         HeatmapPainter* painter, ImVec2 size, plot::PlotFlags flags);
bool draw_gated_slice(GatedView& view, ImVec2 size, plot::PlotFlags flags);

// A slice's points: the variable (x, a or b), g and the derivative along the slice there.
struct GatedSliceData {
    Eigen::ArrayXd t, a, b, g, dg;
};
GatedSliceData gated_slice(const GatedView& view, bool exact_points);
// "x", "a" or "b", and "dg/dx", "∂g/∂a", "∂g/∂b".
const char* gated_slice_variable(GatedSlice slice);

// CSV: a,b,g,dg_da,dg_db (a fastest) over the grid, or the a= / b= points; the slice's columns.
// Numbers read back to the same double. (The block's figure and CSV: ffn_figure.h.)
std::string gated_grid_csv(const GatedView& view);
std::string gated_slice_csv(const GatedView& view);

const char* gated_plot_name(GatedPlot plot);
// A file name that says what is shown: "glu-surface_silu_a-4to4_b-4to4", "glu-ffn_d768_ff3072", ...
std::string gated_file_stem(const GatedView& view, GatedPlot plot);
// The figure for export (drawn again, at the export size, from a copy of the view).
Figure gated_export_figure(const GatedView& view, GatedPlot plot);

}  // namespace actlab::app
