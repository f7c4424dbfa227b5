// Files the user asks for: written completely or not at all, with errors that name the path.
#pragma once

#include <functional>
#include <string>

namespace actlab::app {

// Writes through `fill(temp_path)` to "<path>.tmp-<pid>" and renames it to `path`. On failure the
// temporary file is removed and *error says what went wrong and where.
bool write_file_atomic(const std::string& path, const std::function<bool(const std::string&)>& fill,
                       std::string* error);
bool write_text_atomic(const std::string& path, const std::string& text, std::string* error);

// Creates a folder and its parents; false with *error if it cannot.
bool make_folders(const std::string& path, std::string* error);

// "~/x" → "$HOME/x".
std::string expand_home(const std::string& path);

}  // namespace actlab::app
