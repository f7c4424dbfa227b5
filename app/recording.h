// The Record buttons: an animation of what a lab shows, written as a GIF into the export folder while
// the window stays responsive. The animation is made on a worker thread (the training, headless and
// once, as `actlab export PLOT --out FILE.gif` does); its frames are then drawn and encoded on the UI
// thread, whose GL context drawing needs, for a few milliseconds after each rendered frame. The lab
// shows a progress bar and a Cancel in place of its Record button; nothing is written when cancelled.
#pragma once

#include "app/app_state.h"
#include "app/figures/animation.h"
#include "app/figures/keys.h"

#include <string>
#include <vector>

namespace actlab::app {

// What the window records: 960 × 540 at 1× (a 16:9 slide, text as large as the PNG export's at
// 1×), 60 frames at 15 a second, as `actlab export` does by default.
constexpr int kRecordWidth = 960;
constexpr int kRecordHeight = 540;

// Starts recording `plot` (a name from animated_plots()) with `sets`. One recording at a time: while
// one is under way this says so in the status line and returns false.
bool start_recording(AppState& state, const std::string& plot, std::vector<KeyValue> sets,
                     int frames = kDefaultAnimationFrames, int fps = kDefaultAnimationFps);
// Stops the recording under way; nothing is written. The worker, if it is still training, stops at the
// end of its epoch.
void cancel_recording(AppState& state);
// A recording is under way (the main loop keeps drawing frames while it is).
bool recording_busy(const AppState& state);
// Its frames are being drawn (the main loop draws at once, rather than waking now and then to show
// the training's progress).
bool recording_drawing(const AppState& state);
// Records the playground's run as `actlab export boundary --set epochs=N --out FILE.gif` would: trained
// again headless from its settings (the same seed gives the same run) for the epochs shown so far, or
// 300 when it has not started.
void record_training(AppState& state);
// The layers view's scrub through every stage, of the network trained again to the epoch shown (300
// when it has not started).
void record_warp(AppState& state);
// The race as set up in its tab, for its epochs.
void record_race(AppState& state);

// The softmax lab's probabilities as T sweeps over its sweep's range (tmin to tmax).
void record_softmax(AppState& state);
// The explorer's focused function (or the first shown that has a parameter) with its first parameter
// swept over the parameter's whole range; false (nothing started) when no shown function has one.
bool record_activations(AppState& state);
// What record_activations would sweep, as the sweep= key's value ("leaky_relu.alpha:0:1"), or "".
std::string activation_sweep(const ActivationView& view);

// The plot being recorded, or "".
std::string recording_plot(const AppState& state);
// Where a Record button is: while `plot` is being recorded, a progress bar and a Cancel button (and
// true); otherwise nothing (and false), and the caller draws its Record button.
bool draw_recording_progress(AppState& state, const char* plot);
// The room draw_recording_progress or a Record button labelled `label` takes on a line.
float recording_state_width(const char* label);
// After each rendered frame: takes the worker's animation when it is ready, draws and encodes frames
// for a few milliseconds (at least one), and writes the file when all are in.
void service_recording(AppState& state);

}  // namespace actlab::app
