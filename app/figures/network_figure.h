// The network as TensorFlow Playground draws it: input features on the left, one column per hidden
// layer, the output on the right; every unit a small map of its own output over the plane, the links
// coloured by the weight's sign (orange < 0, blue > 0) and as thick as the weight is large, each bias a
// small square at its unit's corner, and dead units marked. The playground tab and `actlab export
// network` draw it with the same function.
#pragma once

#include "app/figures/figure.h"
#include "app/render/heatmap.h"
#include "core/decision_grid.h"
#include "core/training.h"

#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

// What the diagram shows: a network and the maps of its units over one grid.
struct NetworkPicture {
    core::Mlp network;                         // weights, biases, activations, PReLU's α
    core::TrainConfig config;                  // the features (input labels) and the output function
    std::vector<std::vector<char>> dead_mask;  // per hidden layer and unit: 1 when dead (may be empty)
    core::GridSpec spec;                       // where the maps lie
    core::BoundaryField inputs;                // one layer per input feature (features_field)
    core::BoundaryField neurons;               // one layer per hidden unit, layer by layer (neurons_field)
    core::BoundaryField output;                // the boundary: 1 layer, or K class probabilities (boundary_field)
    int classes = 2;                           // 0: regression, 2, or K
    std::string title;                         // "Network at epoch 500: circle · 2-4-2-1 tanh · ..."
};

// Fills *picture for `network` trained on `data` (`data_name`: "circle" or the file's name) at `epoch`:
// every map on an n × n grid over the data.
void make_network_picture(const core::TrainConfig& config, const core::Dataset& data, const std::string& data_name,
                          const core::Mlp& network, const std::vector<std::vector<char>>& dead_mask, int epoch, int n,
                          NetworkPicture* picture);

// What the mouse is over in an interactive diagram, for the panel that draws it.
struct DiagramHit {
    int param = -1;              // the weight or bias under the mouse, as an index into Mlp::params (-1: none)
    int layer = -1, unit = -1;   // the hidden unit under the mouse: hidden layer and unit from 0 (-1: none)
    bool clicked = false;        // the left button went down on the diagram this frame
};

// Draws the diagram to fill `size` at the cursor (and moves the cursor past it). The textures hold
// picture.inputs, picture.neurons and picture.output; an empty one leaves its thumbnails blank.
// `interactive`: hovering a unit shows its map large with its bias, hovering a link its weight, and
// *hit says what is under the mouse. `selected` (an index into Mlp::params) is drawn outlined: the
// weight or bias being set by hand; `edit_tip` is added to the hover tooltips of weights and biases.
void draw_network_diagram(const NetworkPicture& picture, const HeatmapTexture& inputs, const HeatmapTexture& neurons,
                          const HeatmapTexture& output, HeatmapPainter* painter, ImVec2 size, bool interactive,
                          DiagramHit* hit = nullptr, int selected = -1, const char* edit_tip = nullptr);

// "the weight from input x₁ to hidden layer 1, unit 2 (tanh)", "the bias of ...": parameter `param`
// (an index into Mlp::params) in words; "" for any other index (PReLU's α).
std::string describe_parameter(const NetworkPicture& picture, int param);

// Every parameter, one row each: `layer,to_unit,from,value,part`. layer counts from 1 (the first hidden
// layer) to L (the output layer); to_unit is the unit's index in its layer and from the index of the
// unit (or input feature) below, both from 0, or `bias`. A learned PReLU α, one per layer, is a row
// with an empty to_unit and from = `alpha`. part is empty, or in a gated layer `gate` or `value`: which
// of the unit's two pre-activations the weight feeds (gate rows first). Values with %.17g, so they
// read back bit for bit.
std::string network_csv(const NetworkPicture& picture);

// An export: the diagram drawn off screen (its textures made in the export's GL context).
Figure network_export_figure(std::shared_ptr<const NetworkPicture> picture, const std::string& stem);

}  // namespace actlab::app
