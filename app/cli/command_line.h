// The command line: `actlab` opens the window; `actlab export ...` writes a figure without one.
#pragma once

#include "app/cli/export_command.h"
#include "app/gui.h"

#include <string>

namespace actlab::app {

struct CommandLine {
    enum class Mode { Gui, Export, Exit } mode = Mode::Gui;
    int exit_code = 0;     // for Mode::Exit (help, version, or a bad argument)
    GuiOptions gui;
    ExportArgs export_args;
};

// Parses argv. Help and version are printed here (Mode::Exit, code 0); a bad argument prints one line
// on stderr (Mode::Exit, code 2).
CommandLine parse_command_line(int argc, const char* const* argv);

}  // namespace actlab::app
