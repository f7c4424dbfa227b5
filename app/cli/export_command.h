// `actlab export PLOT --out FILE [--size WxH] [--scale S] [--set KEY=VALUE]...`: a figure written as
// PNG or CSV, or an animation as GIF, MP4 or WebM (app/cli/export_animations.h), with no window (Mesa's surfaceless EGL, or a hidden window where only a display works).
#pragma once

#include <string>
#include <vector>

namespace actlab::app {

struct ExportArgs {
    std::string plot;                 // a name from export_plots(): "activations", ...
    std::string out;                  // FILE.png, FILE.csv, or an animation: FILE.gif, FILE.mp4, FILE.webm
    std::string size;                 // logical size WIDTHxHEIGHT ("": 1600x1000 for a PNG, 960x540 for an animation)
    int scale = 1;                    // 1, 2 or 4: the PNG is size × scale pixels
    std::vector<std::string> sets;    // KEY=VALUE settings of the figure
    std::string playground_link;      // a TensorFlow Playground link: its run's keys, before the --set ones
    std::string session;              // a session file to start from (empty: none)
};

// Exit codes: 0 written; 2 a bad argument (one line on stderr, no file written); 1 the export itself
// failed (no OpenGL, for example).
constexpr int kExitBadArgument = 2;
int run_export(const ExportArgs& args);

// The plots `actlab export` knows, and their keys, for --help.
std::string export_help();

}  // namespace actlab::app
