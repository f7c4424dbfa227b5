// The transformer feed-forward block counted (core/gated.h): a standard block, a gated one at the
// same hidden width and a gated one at the 2/3 rule's width, as a table's rows, a bar chart of their
// parameters and a CSV. Part of the gated-units lab (gated_figure.h); `actlab export glu-ffn`.
#pragma once

#include "app/figures/gated_view.h"
#include "app/plot/plot.h"
#include "core/gated.h"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace actlab::app {

// The feed-forward block's three rows: standard at d_ff, gated at d_ff, gated at the 2/3 rule's width
// (absent when that width would pass 2^24).
struct FfnRow {
    const char* block;        // "standard", "gated", "gated (2/3 rule)"
    int matrices;
    std::int64_t d_ff;
    core::FeedForwardCount count;
};
std::vector<FfnRow> ffn_rows(const GatedView& view);
// The line under the table: the 2/3 rule's width keeps the parameters of a standard block at 4d.
std::string ffn_rule_line(const GatedView& view);

// The rows' parameters as bars, each labelled with its counts, filling `size`.
void draw_gated_ffn(const GatedView& view, ImVec2 size, plot::PlotFlags flags);
// block,matrices,d_ff,parameters,flops_per_token: one row a block (standard, gated, gated_two_thirds).
std::string gated_ffn_csv(const GatedView& view);

}  // namespace actlab::app
