// `actlab export PLOT --out FILE [--size WxH] [--scale S] [--set KEY=VALUE]...`: a figure written as
// PNG or CSV with no window (Mesa's surfaceless EGL, or a hidden window where only a display works).
#pragma once

#include <string>
#include <vector>

namespace actlab::app {

struct ExportArgs {
    std::string plot;                 // a name from export_plots(): "activations", ...
    std::string out;                  // FILE.png or FILE.csv
    std::string size = "1600x1000";   // logical size of a PNG
    int scale = 1;                    // 1, 2 or 4: the PNG is size × scale pixels
    std::vector<std::string> sets;    // KEY=VALUE settings of the figure
    std::string session;              // a session file to start from (empty: none)
};

// Exit codes: 0 written; 2 a bad argument (one line on stderr, no file written); 1 the export itself
// failed (no OpenGL, for example).
constexpr int kExitBadArgument = 2;
int run_export(const ExportArgs& args);

// The plots `actlab export` knows, and their keys, for --help.
std::string export_help();

}  // namespace actlab::app
