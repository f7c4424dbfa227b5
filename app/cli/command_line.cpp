#include "app/cli/command_line.h"

#include <CLI/CLI.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#ifndef ACTLAB_VERSION
#error "ACTLAB_VERSION is set by app/CMakeLists.txt"
#endif

namespace actlab::app {

namespace {

constexpr int kMaxFrames = 100000;  // --frames: about half an hour at 60 frames a second

// --frames N: a whole number of frames, 1 to kMaxFrames, written plainly ("30", not "3e1" or "30.0").
std::string frames_problem(const std::string& text) {
    const bool digits = !text.empty() && text.size() <= 6 && text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stol(text) < 1 || std::stol(text) > kMaxFrames)
        return "N must be a whole number from 1 to " + std::to_string(kMaxFrames) + ", not " + text;
    return {};
}

// A file --frame-stats can write (through a rename in its folder): the folder exists and takes files.
// Checked before the window opens, so a typo costs no run.
std::string frame_stats_problem(const std::string& path) {
    if (path.empty()) return "no file named";
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
    struct stat st {};
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return path + " is a folder, not a file";
    if (stat(folder.c_str(), &st) != 0) return "cannot write " + path + ": there is no folder " + folder;
    if (!S_ISDIR(st.st_mode)) return "cannot write " + path + ": " + folder + " is not a folder";
    if (access(folder.c_str(), W_OK) != 0) return "cannot write " + path + ": the folder " + folder + " is not writable";
    return {};
}

}  // namespace

CommandLine parse_command_line(int argc, const char* const* argv) {
    CommandLine cl;
    CLI::App app("actlab (Activation Lab): see how neural-network activation functions behave.\n"
                 "With no command it opens the window.",
                 "actlab");
    app.set_version_flag("--version", "actlab " ACTLAB_VERSION);
    app.add_option("--export-folder", cl.gui.export_folder, "Folder for the window's exports (this run only)");
    CLI::Option* frames =
        app.add_option("--frames", cl.gui.frames,
                       "Draw N frames back to back, then close: a benchmark of the lab shown (settings are left as they were)")
            ->check(CLI::Validator([](std::string& text) { return frames_problem(text); }, "N"));
    app.add_option("--frame-stats", cl.gui.frame_stats,
                   "With --frames: write each frame's times to FILE.csv (frame,cpu_ms,submit_ms,finish_ms,swap_ms,total_ms)")
        ->needs(frames)
        ->check(CLI::Validator([](std::string& path) { return frame_stats_problem(path); }, "FILE"));
    app.add_option("--lab", cl.gui.lab, "The lab shown first: activations, softmax, gradients, playground or gated")
        ->check(CLI::IsMember({"activations", "softmax", "gradients", "playground", "gated"}));
    app.add_flag("--train", cl.gui.train, "With --frames: the playground trains, as fast as it goes")->needs(frames);
    app.add_option("session", cl.gui.session,
                   "A session file (FILE.actlab, saved with File > Save session) to open: every lab's set-up, the "
                   "playground's points and its trained network")
        ->type_name("FILE.actlab");

    CLI::App* exp = app.add_subcommand("export", "Write a figure as PNG or CSV, an animation as GIF, MP4 or WebM, or a session file, with no window");
    exp->add_option("plot", cl.export_args.plot, "What to plot (see Plots below), or session: a session file")->required();
    exp->add_option("--out", cl.export_args.out, "Output file: FILE.png or FILE.csv; FILE.gif, FILE.mp4 or FILE.webm for an animation; FILE.actlab for session")->required();
    exp->add_option("--session", cl.export_args.session,
                    "Start from a session file (FILE.actlab): its set-up for the plot, then the --set pairs on top");
    exp->add_option("--size", cl.export_args.size, "Image size WIDTHxHEIGHT before scaling (default 1600x1000; 960x540 for an animation)");
    exp->add_option("--scale", cl.export_args.scale, "Scale of text, lines and pixels: 1, 2 or 4 (default 1)");
    exp->add_option("--set", cl.export_args.sets, "KEY=VALUE setting of the figure (repeatable; see below)")
        ->take_all()
        ->expected(1);
    exp->add_option("--playground-link", cl.export_args.playground_link,
                    "A TensorFlow Playground link (https://playground.tensorflow.org/#...): its run, for the plots that "
                    "train; a --set after it changes what it set");
    exp->footer(export_help());

    try {
        app.parse(argc, argv);
        if (cl.gui.train && !cl.gui.lab.empty() && cl.gui.lab != "playground")
            throw CLI::ValidationError("--train", "trains the playground: give --lab playground, or no --lab");
    } catch (const CLI::CallForHelp&) {
        std::printf("%s", (exp->parsed() ? exp->help() : app.help()).c_str());
        cl.mode = CommandLine::Mode::Exit;
        return cl;
    } catch (const CLI::CallForVersion&) {
        std::printf("actlab %s\n", ACTLAB_VERSION);
        cl.mode = CommandLine::Mode::Exit;
        return cl;
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "actlab%s: %s (see 'actlab%s --help')\n", exp->parsed() ? " export" : "", e.what(),
                     exp->parsed() ? " export" : "");
        cl.mode = CommandLine::Mode::Exit;
        cl.exit_code = kExitBadArgument;
        return cl;
    }
    cl.mode = exp->parsed() ? CommandLine::Mode::Export : CommandLine::Mode::Gui;
    return cl;
}

}  // namespace actlab::app
