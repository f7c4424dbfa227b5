// Points drawn by hand on the playground's boundary plot. The panel (app/panels/draw_tools.h) turns
// clicks and drags into edits in plot coordinates; the model step applies them to the playground's
// points (PlaygroundState::data, with PlaygroundState::drawn set), keeps the steps to undo them, and
// says when the points are too few to train on. Nothing here includes ImGui.
#pragma once

#include "core/dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actlab::app {

// What the panel asks of the drawing; applied (and cleared) by the next model step.
struct DrawEdit {
    enum class Kind {
        Add,     // one point at (x1, x2): a click
        Spray,   // several points scattered within `radius` of (x1, x2): a dab of a drag
        Remove,  // the point nearest (x1, x2), if one lies within `radius`
        Undo,    // the last step back
        Clear,   // an empty plane of `classes` classes (0: regression) to draw on
    };
    Kind kind = Kind::Add;
    double x1 = 0.0, x2 = 0.0;  // plot coordinates
    double label = 0.0;         // Add, Spray: the class id, or the regression target
    double radius = 0.0;        // Spray: the scatter's radius; Remove: how near the point must be
    bool new_stroke = true;     // Add, Spray: starts a step of its own (false: a further dab of the same drag)
    int classes = 2;            // Clear
};

// One step that Undo takes back: points appended at the end, points removed (put back where they
// were), or the whole set as it was before a Clear.
struct DrawStep {
    int added = 0;                        // points appended at the end of the set
    std::vector<int> removed_at;          // Remove: the index the point had
    std::vector<double> removed;          // and its x1, x2, label
    bool cleared = false;                 // Clear: `before` is the set it replaced
    core::Dataset before;
};

// The drawing tools' state: the panel's choices and the model's undo steps.
struct DrawState {
    static constexpr int kMaxUndo = 100;           // steps kept; older ones are forgotten
    static constexpr double kMinRadius = 0.1, kMaxRadius = 2.0;  // spray radius, in plot units
    static constexpr double kMaxTarget = 1.0;      // the regression target slider's range: ±this
    static constexpr int kSprayPoints = 4;         // points a dab of a drag adds
    // the panel's choices
    bool on = false;              // clicks on the boundary draw (instead of picking a point for the softmax lab)
    int label = 1;                // the class a click adds (two classes: 0 is −1, 1 is +1)
    double target = 0.5;          // the value a click adds, for a regression
    double radius = 0.6;          // a drag scatters its points this far from the mouse
    int clear_classes = 2;        // the kind of empty plane "Clear" makes: 2 or more classes, 0 regression
    std::string save_path;        // the Save as CSV field's text
    bool save_open = false;       // the Save as CSV popup is to open
    // the press and drag on the plot in progress (the panel's)
    bool pressed = false;         // the left button went down on the plot while drawing
    bool spraying = false;        // it moved far enough to be a drag
    double press_x1 = 0.0, press_x2 = 0.0;  // where it went down
    double dab_x1 = 0.0, dab_x2 = 0.0;      // where the last dab of the drag fell
    // requests for the model step
    std::vector<DrawEdit> edits;
    std::string save;             // a path to write the drawn points to as CSV (empty: none)
    // the model's
    std::vector<DrawStep> undo;   // oldest first
    bool stroke_open = false;     // the last step is the drag in progress: its further dabs join it
    std::string problem;          // why the drawn points cannot be trained on now ("" when they can)
    bool resume = false;          // the run was playing when the points became too few: play once they suffice
    std::string saved_path;       // the file last written: saving there again overwrites it, no other
    std::string save_message;     // what the last save did, or why it failed
    bool save_failed = false;
};

// Where a dab of a drag at (x1, x2) puts its `count` points: uniform in the disc of `radius`, from a
// generator seeded by the dab's position, so the same path of the mouse draws the same points.
std::vector<Eigen::Vector2d> spray_points(double x1, double x2, double radius, int count);

// Why `points` cannot be trained on ("" when they can): fewer than two points (one to train on, one
// to test), or every point of one class. Says, in a line or two, what to draw.
std::string drawing_problem(const core::Dataset& points);

// The name of class `k` of `classes` as the window shows it: "−1", "+1" for two classes, "0" … otherwise.
std::string class_name(int k, int classes);

// Applies `edits` to `points` (drawn): adds, removes, undoes, clears, with the undo steps in `state`.
// Points outside Playground's plane (±core::kDataExtent) are not added, nor any past core::kMaxPoints;
// labels that do not fit the points' classes are ignored. True when the points changed.
bool apply_draw_edits(DrawState& state, core::Dataset* points, const std::vector<DrawEdit>& edits);

}  // namespace actlab::app
