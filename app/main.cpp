// actlab: parse the command line, then open the window or write the requested figure.
#include "app/cli/command_line.h"

int main(int argc, char** argv) {
    using namespace actlab::app;
    const CommandLine cl = parse_command_line(argc, argv);
    switch (cl.mode) {
        case CommandLine::Mode::Exit: return cl.exit_code;
        case CommandLine::Mode::Export: return run_export(cl.export_args);
        case CommandLine::Mode::Gui: break;
    }
    return run_gui(cl.gui);
}
