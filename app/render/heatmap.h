// The decision-boundary heatmap on the GPU: a field the core computed (core/decision_grid.h) goes up
// as a float texture, and shaders/heatmap.frag colours it inside Dear ImGui's draw list, so the same
// drawing code serves the window and off-screen export. The texture holds numbers, not colours: the
// colour map, contour and discretised view cost nothing to change and stay sharp at any size.
#pragma once

#include "core/decision_grid.h"

#include <imgui.h>

#include <deque>

namespace actlab::app {

struct HeatmapStyle {
    ImU32 colors[10] = {};        // one layer: [0] below 0, [1] above 0; K layers: class k's colour
    float strength = 0.62f;       // the strongest value goes this far from white toward its colour, so
                                  // data drawn on top in full colour stay visible
    bool discrete = false;        // each point at full strength in the colour of its decision
    float contour_width = 0.0f;   // the decision line, in pixels (0: none)
    ImU32 contour_color = IM_COL32(40, 40, 40, 255);
    float contour_outline_width = 0.0f;  // an edge on each side of the line, in pixels (0: none)
    ImU32 contour_outline_color = IM_COL32(40, 40, 40, 255);
    int value_layer = -1;         // ≥ 0: colour this texture layer (0 … 1) on `ramp` instead of the classes;
                                  // the contour still follows the drawn layers' decision
    ImU32 ramp[3] = {};           // a sequential colour map's colours at 0, ½ and 1
};

// A field as a texture (one array layer per field layer), owned; needs the GL context it was made in.
class HeatmapTexture {
public:
    HeatmapTexture() = default;
    ~HeatmapTexture();
    HeatmapTexture(const HeatmapTexture&) = delete;
    HeatmapTexture& operator=(const HeatmapTexture&) = delete;

    // Sends the field's numbers to the GPU (reusing the texture when the size is the same), and the
    // layers of `more` (of the same n) after them.
    void upload(const core::BoundaryField& field, const core::BoundaryField* more = nullptr);
    bool empty() const { return m_id == 0; }
    int n() const { return m_n; }
    int layers() const { return m_layers; }
    unsigned id() const { return m_id; }

private:
    unsigned m_id = 0;
    int m_n = 0, m_layers = 0;
};

// Records heatmap draws into ImGui draw lists. Each draw's settings live here until the draw list is
// rendered, so keep the painter alive until then and call begin() once per frame before drawing.
class HeatmapPainter {
public:
    void begin() { m_draws.clear(); }
    // Draws `texture` into the rectangle p_min (top left) … p_max (bottom right), which stands for
    // the grid's extent: grid point (0, 0) lands on the bottom-left corner, (n−1, n−1) on the top right.
    // `first_layer` and `layers` pick part of the texture: one unit's map among many (layers = 1), or
    // the K class probabilities; layers = 0 draws them all.
    void draw(ImDrawList* list, const HeatmapTexture& texture, ImVec2 p_min, ImVec2 p_max, const HeatmapStyle& style,
              int first_layer = 0, int layers = 0);

    struct Draw {
        unsigned texture;
        int first_layer;
        int layers;
        HeatmapStyle style;
    };

private:
    std::deque<Draw> m_draws;  // a deque: pointers to its elements stay valid as it grows
};

}  // namespace actlab::app
