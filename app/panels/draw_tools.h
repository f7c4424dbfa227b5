// Drawing points by hand on the playground's boundary plot: the tool row above the plot, and the mouse
// on the plot turned into edits (app/model/drawing.h) that the model step applies.
#pragma once

#include "app/app_state.h"
#include "app/figures/boundary_figure.h"

namespace actlab::app {

// Draw on or off, the class a click adds (or the regression target), the spray radius, Undo, "Clear:
// draw your own" with the kind of plane, and Save as CSV…; under them, why the points cannot be trained
// on yet. Wraps at the column's edge.
void draw_tool_row(PlaygroundState& p);
// Its height in a column `width` wide.
float draw_tool_row_height(const PlaygroundState& p, float width);

// While Draw is on, after the boundary plot was drawn (`at` is what it saw of the mouse): a click adds
// a point, a drag sprays, a right-click removes the nearest point; and the plot is marked, so that the
// mode shows from the back of the room.
void draw_on_boundary(PlaygroundState& p, const PlotClick& at);

// D: Draw on or off (off, the next click on the plot is the softmax lab's again, when asked).
void toggle_drawing(PlaygroundState& p);

}  // namespace actlab::app
