// Files the user asks for: written completely or not at all, with errors that name the path.
#pragma once

#include <string>
#include <string_view>

namespace actlab::app {

// Writes `bytes` to `path` through a temporary file in the same folder (created with mkstemp), which
// is renamed into place only when every byte is on disk. On failure (a full disk, a read-only file or
// folder, a missing folder) nothing at `path` changes, the temporary file is removed, and *error says
// what went wrong and where. A symbolic link at `path` is followed: its target is replaced.
bool write_file_atomic(const std::string& path, std::string_view bytes, std::string* error);

// The whole file, or "" when it cannot be read.
std::string read_file_text(const std::string& path);

// Creates a folder and its parents; false with *error if it cannot.
bool make_folders(const std::string& path, std::string* error);

// "~/x" → "$HOME/x".
std::string expand_home(const std::string& path);

}  // namespace actlab::app
