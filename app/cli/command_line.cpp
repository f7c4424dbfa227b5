#include "app/cli/command_line.h"

#include <CLI/CLI.hpp>

#include <cstdio>

#ifndef ACTLAB_VERSION
#error "ACTLAB_VERSION is set by app/CMakeLists.txt"
#endif

namespace actlab::app {

CommandLine parse_command_line(int argc, const char* const* argv) {
    CommandLine cl;
    CLI::App app("actlab (Activation Lab): see how neural-network activation functions behave.\n"
                 "With no command it opens the window.",
                 "actlab");
    app.set_version_flag("--version", "actlab " ACTLAB_VERSION);
    app.add_option("--export-folder", cl.gui.export_folder, "Folder for the window's exports (this run only)");
    app.add_option("--frames", cl.gui.frames, "Close the window after N frames (for scripted runs)")
        ->check(CLI::Range(1, 100000000));

    CLI::App* exp = app.add_subcommand("export", "Write a figure as PNG or CSV, with no window");
    exp->add_option("plot", cl.export_args.plot, "What to plot (see Plots below)")->required();
    exp->add_option("--out", cl.export_args.out, "Output file, FILE.png or FILE.csv")->required();
    exp->add_option("--size", cl.export_args.size, "PNG size WIDTHxHEIGHT before scaling (default 1600x1000)");
    exp->add_option("--scale", cl.export_args.scale, "Scale of text, lines and pixels: 1, 2 or 4 (default 1)");
    exp->add_option("--set", cl.export_args.sets, "KEY=VALUE setting of the figure (repeatable; see below)")
        ->take_all()
        ->expected(1);
    exp->footer(export_help());

    try {
        app.parse(argc, argv);
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
