// Every piece of UI state, in one struct of small structs. Panels read and change it; nothing else
// in the app keeps state of its own (the plot widget keeps only each plot's pan and zoom).
#pragma once

#include "app/figures/activation_figure.h"
#include "app/figures/boundary_figure.h"
#include "app/figures/live_gradient_figure.h"
#include "app/figures/loss_figure.h"
#include "app/figures/units_figure.h"
#include "app/figures/network_figure.h"
#include "app/figures/figure.h"
#include "app/figures/softmax_figure.h"
#include "app/figures/gated_figure.h"
#include "app/figures/gradient_figure.h"
#include "app/figures/playground_view.h"
#include "app/frame_stats.h"
#include "app/gradient_job.h"
#include "app/warp_job.h"
#include "app/panels/file_browser.h"
#include "app/model/drawing.h"
#include "app/model/race_state.h"
#include "app/plot/plot.h"
#include "app/plot/plot_demo.h"
#include "app/render/heatmap.h"
#include "app/render/offscreen.h"
#include "core/trainer.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace actlab::app {

// Where and how figures are exported.
struct ExportSettings {
    std::string folder;   // where exported files go (created when needed)
    int width = 1600;     // logical size of an exported PNG
    int height = 1000;
    int scale = 2;        // 1, 2 or 4: the PNG is width·scale × height·scale pixels

    static constexpr int kMinSide = 200;  // smallest width or height: below it a plot has no room to read
    // Keeps scale at 1, 2 or 4 and width·scale, height·scale within kMinSide..kMaxImageSide.
    void clamp();
};

enum class ExportFormat { Png, Csv };

// An export asked for this frame: the figure (built when asked, so it holds what was on screen then)
// and the format. Written after the frame is rendered (gui.cpp).
struct ExportRequest {
    ExportFormat format;
    Figure figure;
};

// A map easing from one epoch's field to the next while the playground trains in slow motion: what
// its texture shows is `from` blended into `to` over `seconds` from `start` (smoothstep), so a boundary
// that jumps from epoch to epoch glides instead. Only the texture eases; pictures and exports hold `to`.
struct FieldEase {
    core::BoundaryField from, to, shown;
    std::chrono::steady_clock::time_point start{};
    double seconds = 0.0;
    bool active = false;
};

// An animation being recorded from a Record button: made off the UI thread, drawn a frame at a time
// after each rendered frame (app/recording.h).
struct RecordingJob;

// The tabs of the main window. Ctrl+E exports the current tab's main figure.
enum class Lab { Activations, Softmax, Gradients, Playground, Gated };

// The line at the bottom of the window: what was written, or what went wrong.
struct StatusLine {
    std::string text;
    bool error = false;
};

// The activation explorer's state. `curves` and `home` are caches, recomputed when `view` or the
// shown range changes.
struct ExplorerState {
    ActivationView view;
    plot::Limits shown;               // the plot's view last frame (pan/zoom), also what export draws
    bool reset_view = true;           // the x range or the functions changed: show the home view
    std::string range_error;          // why a typed end of the x range was refused, shown beside the fields
    std::string probe_error;          // why a typed probe position was refused
    // caches
    ActivationView cached_view;
    plot::Limits home;
    ActivationCurves curves;
    bool has_cache = false;
};

// The softmax temperature lab's state. `data` and `logit_home` are caches, recomputed when `view`
// changes (data) or the logits plot should refit (logit_home).
struct SoftmaxState {
    SoftmaxView view;
    std::string message;              // why a typed value was refused, shown in red until the next good one
    bool refit_logits = true;         // show the logits plot's home view again (preset, new class, typed logit)
    bool dragging_logit = false;      // a logit bar is being dragged: refit once it is let go
    int export_plot = 0;              // which plot the Export buttons write (a SoftmaxPlot)
    // caches
    SoftmaxView cached_view;
    SoftmaxData data;
    plot::Limits logit_home;
    bool has_cache = false;
};

// The gated-units lab's state. `pictures` is a cache, recomputed when the maps' part of `view` changes;
// the texture (made on first draw, released by release_gated_gl) holds its three maps.
enum class GatedTab { Surface, Gradient, Slice, Ffn, About };
struct GatedState {
    GatedView view;
    std::string message;              // why a typed value was refused, shown in red until the next good one
    GatedTab tab = GatedTab::Surface; // the tab in front (Ctrl+E exports its figure)
    int export_plot = 0;              // which plot the Export buttons write (a GatedPlot)
    // caches
    GatedView cached_view;
    std::shared_ptr<const GatedPictures> pictures;
    bool uploaded = false;            // pictures->field is in the texture
    std::unique_ptr<HeatmapTexture> texture;
    HeatmapPainter painter;
};

// The gradient lab's state. The networks are computed by the jobs (off the UI thread); the panel shows
// the newest results, each with the view it was computed for, while a newer one is on its way.
struct GradientState {
    GradientView view;                            // the settings, as the controls show them
    std::string message;                          // why a typed value was refused, shown in red
    GradientJob job;                              // the main network
    GradientJob compare_job;                      // the comparison pairs (run while their tab is open)
    GradientView requested;                       // the view the main job was last started for
    GradientView compare_requested;               // the view the compare job was last started for
    GradientView shown;                           // the view `layers` was computed for
    std::vector<core::LayerStats> layers;         // the newest finished main network (empty: none yet)
    double seconds = 0.0;                         // how long it took
    GradientView compare_shown;                   // the view `compare` was computed for
    std::vector<std::vector<core::LayerStats>> compare;  // one per pair of compare_shown
    bool refit = true;                            // new results: the plots return to their home view
    bool compare_refit = true;
    bool compare_open = false;                    // the Compare tab was drawn last frame
    // caches of the chain view, recomputed when the function, z or the depth change
    ChainData chain;                              // at the controls' view (sidebar, Chain view tab)
    ChainData shown_chain;                        // at the depth of `layers` (the dashed line of the main plot)
};

// What a panel asks the playground's run to do; the model step carries it out (app/model/playground_model.h).
enum class RunRequest {
    PlayOrPause,    // Space
    Play,           // after a collapse: carry on anyway
    Step,           // one epoch, then pause
    Reset,          // start again from the view
    BackToBest,     // after a blow-up or a collapse: the best recorded epoch's weights (with the view's learning rate)
};

// A parameter of the shown network set by hand (while paused).
struct WeightEdit {
    int index = 0;    // into Mlp::params
    double value = 0.0;
};

// Setting a weight or bias by hand in the network diagram (while paused): the one chosen, and a drag
// sideways across the diagram in progress.
struct WeightEditor {
    int param = -1;                   // the chosen parameter (an index into Mlp::params), or -1
    bool dragging = false;
    double drag_from = 0.0;           // its value when the drag began
    float drag_x = 0.0f;              // the mouse's x then
    std::string message;              // why a typed value was refused, or why nothing can be set now
};

// The playground: a network training on a worker thread (core/trainer.h) and the pictures of its
// newest snapshot. Everything GL (textures) is made on first draw and released by release_gl().
// The layers view: its worker, the newest picture, and where the scrub is.
struct WarpState {
    std::unique_ptr<WarpJob> job;                 // made when the view is first shown
    std::shared_ptr<const WarpPicture> picture;   // the newest picture taken from the job
    std::shared_ptr<const core::Snapshot> posted; // the snapshot the last request was of
    WarpView posted_view;                         // and the view it asked for
    bool posted_show = false;                     // a request went out since the view was shown
    double position = 0.0;                        // the step drawn; between two while it moves
    bool playing = false;                         // stepping through every stage (the play button)
    bool scrubbing = false;                       // the scrub bar is held: position is the user's
    std::chrono::steady_clock::time_point last_tick;  // the last frame that moved position
};

// Weights to put into the playground's run once it has started again (from a session file).
struct NetworkRestore {
    Eigen::VectorXd params;           // Mlp::params of the network the view builds
    int epoch = 0;
};

struct PlaygroundState {
    PlaygroundView view;
    // raised by the panels and keys, carried out (and cleared) by the next model step
    std::vector<RunRequest> requests;
    std::vector<WeightEdit> weight_edits;
    std::optional<NetworkRestore> restore;  // a session's weights, put in after the next reset
    int choose_dataset = -1;          // a core::DatasetKind picked by its picture, or -1
    std::string load_csv;             // a CSV path to load (empty: none)
    std::optional<std::string> open_link;  // a TensorFlow Playground link to open, as pasted or typed
    std::string link_text;            // the link field's text
    std::vector<core::Dataset> previews;  // the same 200 points of each generated kind, for their pictures
    // what the trainer was last given, so the step sends only what changed
    core::OptimizerSpec applied_optimizer;
    int applied_batch = 0;
    double applied_speed = -1.0;
    int applied_stop_epoch = -1;
    core::StopTarget applied_stop_target{-1.0, -1.0};
    core::Dataset data;               // every point, as generated, loaded or drawn
    bool drawn = false;               // `data` are points drawn by hand on the boundary (not in settings.json)
    DrawState draw;                   // the drawing tools, their requests and undo steps (app/model/drawing.h)
    std::string data_name;            // "circle", or the file's name
    std::string message;              // why the last change was refused: shown in red in the panel
    std::unique_ptr<core::Trainer> trainer;  // made when the tab is first drawn
    bool needs_reset = true;          // the data or the network changed: start the run again
    bool data_dirty = true;           // the points must be generated again from view.config.data
    // the newest snapshot shown, and its pictures
    std::shared_ptr<const core::Snapshot> shown;
    long shown_serial = -1;
    bool pictures_dirty = true;       // display options changed: rebuild the pictures from `shown`
    BoundaryPicture boundary;         // field, points and titles
    core::DecisionGrid grid;          // output and hidden units over boundary.spec
    NetworkPicture network;           // the network diagram: weights, and every input's and unit's map
    std::unique_ptr<HeatmapTexture> boundary_texture, neuron_texture, input_texture;
    FieldEase boundary_ease, neuron_ease;  // slow motion: the maps move from one epoch's to the next
    HeatmapPainter painter;
    LossCurves curves;                // the snapshot's history, for the loss plot
    bool race_shown = false;          // the Activation race tab is in front: Ctrl+E exports the race
    // what the window measures while training runs (shown in the run bar)
    double frames_per_second = 0.0;
    double boundary_delay_ms = 0.0;   // from the worker publishing a snapshot to its frame being shown
    bool presented_pending = false;   // a new snapshot's pictures are in the frame being drawn
    std::chrono::steady_clock::time_point last_present;
    RaceState race;                   // the "Activation race" tab (app/model/race_state.h)
    // the user's own points
    std::string csv_path;             // the path field's text
    std::string csv_folder;           // where the file browser opens: the folder of the last CSV picked or
                                      // loaded (settings.json: files.csv_folder)
    FileBrowser csv_browser;          // "Choose a file…"
    UnitsPicture units;               // units on the curve, from the shown snapshot
    LiveGradientPicture live_gradient;  // the gradient across layers, from the shown snapshot
    bool select_pane = true;          // bring view.pane's tab to the front (as read from settings, a key, a lesson)
    bool picking_point = false;       // the next click on the boundary opens the softmax lab there
    WeightEditor editor;              // a weight or bias set by hand
    int hover_layer = -1, hover_unit = -1;  // the hidden unit under the mouse in the diagram last frame
    WarpState warp;                   // how each layer bends the plane, from the shown snapshot
};

struct UiSettings {
    static constexpr float kMinTextScale = 0.75f;
    static constexpr float kMaxTextScale = 2.5f;
    float text_scale = 1.0f;          // the user's text size on top of the monitor's scale
    bool fonts_dirty = false;         // text_scale changed: rebuild the font atlas before the next frame
    // Sets text_scale (held to its range) and asks for the fonts to be rebuilt.
    void set_text_scale(float scale);
    bool show_help = false;           // the "Using actlab" window
    bool show_about = false;          // the "About actlab" window
    bool plot_only = false;           // hide the controls and tables: the plot fills the window (Ctrl+H)
    bool fullscreen = false;          // the window covers the monitor (F11)
    int select_lab = -1;              // a Lab the tab bar is to bring to the front (Ctrl+1, Ctrl+2, ...), or -1
    std::string export_message;       // why a typed export size or folder was refused
    bool screenshot = false;          // save the window as it is on screen after this frame (F12)
    bool show_frame_times = false;    // View ▸ Frame times: the last frames' times in a corner
    plot::DemoState plot_demo;        // Help ▸ Plot widget demo
};

// A click from one lab to another (app/model/lab_links.h), carried out before the next frame's panels.
struct LabLink {
    enum class Kind { ExploreLayer, GradientsFromPlayground, PlaygroundFromGradients, SoftmaxFromPoint, RaceGatedInPlayground };
    Kind kind;
    int layer = 0;                    // ExploreLayer: the hidden layer, from 0
    double x1 = 0.0, x2 = 0.0;        // SoftmaxFromPoint: the point of the plane
};

// Session files (app/session.h): what the File menu, its keys, the command line and a drop asked for,
// carried out by the next session step (app/model/session_model.h) before the labs' own steps.
struct SessionState {
    std::string open;                 // a session file to open (empty: none)
    std::string save;                 // a path to save the session to (empty: none)
    bool save_weights = true;         // the save browser's checkbox: the trained weights go in too
    std::vector<std::string> dropped; // paths dropped on the window since the last frame
    std::vector<std::string> recent;  // newest first, at most kMaxRecentSessions (settings.json: files.recent_sessions)
    std::string folder;               // where the browsers open: the folder of the last session opened or saved
    FileBrowser open_browser;         // File ▸ Open session…
    FileBrowser save_browser;         // File ▸ Save session…
};

struct AppState {
    Lab lab = Lab::Activations;       // the tab shown
    std::vector<LabLink> links;       // asked for this frame
    ExplorerState explorer;
    SoftmaxState softmax;
    GradientState gradients;
    PlaygroundState playground;
    GatedState gated;
    SessionState session;
    ExportSettings exports;
    std::vector<ExportRequest> export_requests;  // asked for this frame; written after it is rendered (gui.cpp)
    std::shared_ptr<RecordingJob> recording;     // the animation being recorded, or null (app/recording.h)
    StatusLine status;
    UiSettings ui;
    FrameHistory frame_times;         // the last frames' times, measured by the main loop (gui.cpp)
    std::string settings_path;        // where settings.json lives (empty: not saved)
    bool quit = false;
};

inline void request_export(AppState& state, ExportFormat format, Figure figure) {
    state.export_requests.push_back({format, std::move(figure)});
}

}  // namespace actlab::app
