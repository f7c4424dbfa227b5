// The plots `actlab export` can write as an animation (FILE.gif, FILE.mp4, FILE.webm): the
// playground's training (boundary), the activation race, the layers view's scrub (warp), a temperature
// sweep (softmax) and a parameter sweep (activations). Each reads the plot's own --set keys plus
// frames= and fps=, checks them all before any work, then trains (where it trains) once, headless.
#pragma once

#include "app/figures/animation.h"
#include "app/figures/keys.h"

#include <atomic>
#include <string>
#include <vector>

namespace actlab::app {

// For a caller on another thread (the window's Record): a way to stop the training early, and how far
// it has got (epochs trained, over every run it trains).
struct AnimationControl {
    const std::atomic<bool>* stop = nullptr;
    std::atomic<long>* epochs_done = nullptr;
};

struct AnimatedPlot {
    const char* name;       // the PLOT argument
    const char* summary;    // what the animation shows, for --help
    const char* keys_help;  // its keys beyond the plot's own, for --help
    // Checks `sets` (frames= and fps= taken out); on a bad key false with *error, a sentence naming it,
    // before any work. Then trains (if it trains) and fills *out with `frames` frames. `control` may be
    // null; when its stop is raised, make returns false with *error empty.
    bool (*make)(const std::vector<KeyValue>& sets, int frames, const AnimationControl* control, Animation* out,
                 std::string* error);
};

const std::vector<AnimatedPlot>& animated_plots();
const AnimatedPlot* find_animated_plot(const std::string& name);

// Takes frames= and fps= out of `sets` (the last of each wins), checked against their ranges.
bool take_animation_keys(std::vector<KeyValue>* sets, int* frames, int* fps, std::string* error);

// The epoch frame k of `frames` shows, in a run of `epochs`: round(k · epochs / (frames − 1)).
int animation_epoch(int k, int frames, int epochs);

// The animations' part of --help.
std::string animation_help();

}  // namespace actlab::app
