// The session step: once a frame, before the labs' own steps, it carries out what the File menu, its
// keys, the command line and drops on the window asked for: a session opened or saved, a CSV of points
// dropped. A file that cannot be read, or a session with any problem, is said in the status line with
// what and where, and changes nothing.
#pragma once

#include "app/app_state.h"

namespace actlab::app {

void session_step(AppState& state);

// Opens the browser of File ▸ Open session… or File ▸ Save session… (at the last session's folder).
void open_session_browser(AppState& state);
void save_session_browser(AppState& state);

}  // namespace actlab::app
