// A small file browser in ImGui, to pick a file without typing its path: the folder's path with a
// button to its parent, its folders then its files of the wanted kind (a toggle shows every file),
// size and date beside each, a double-click or Open to choose, the arrow keys, Enter and Backspace to
// move about. Hidden entries stay hidden. A folder that cannot be read is reported on a line of its
// own and the browser stays where it was.
//
// The listing (what is shown, in which order) is a pure function of the folder, tested on its own
// (tests/app/test_file_browser.cpp); the window around it is driven in the headless interface.
#pragma once

#include <cstdint>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

namespace actlab::app {

struct FolderEntry {
    std::string name;
    bool folder = false;       // a folder (or a link to one): opening it goes there
    std::uintmax_t size = 0;   // bytes, for files
    std::time_t modified = 0;  // last change, 0 when unknown
};

struct FolderListing {
    std::string folder;                // absolute, without a trailing slash (but "/" itself)
    std::vector<FolderEntry> entries;  // folders first, then files; each by name, case aside, numbers by value
    std::string error;                 // why the folder could not be read ("" when it was)
};

// The entries of `folder`: its folders and files (devices, pipes and sockets left out), names starting
// with '.' left out; files whose names do not end in `extension` (such as ".csv", case aside) left out
// unless `every_file`.
FolderListing list_folder(const std::string& folder, const std::string& extension, bool every_file);

// The folder above: "/a" for "/a/b", "/" for "/a" and for "/".
std::string parent_folder(const std::string& folder);

// "a/./b/../c/" → "a/c": a folder's path as the browser shows it (absolute when `path` is).
std::string clean_folder(const std::string& path);

// Names in the browser's order: case aside, and a run of digits by its value ("run2" before "run10").
bool name_before(const std::string& a, const std::string& b);

// `name` shortened to `width` (as `measure` measures text) by an ellipsis in its middle, so that its
// end and extension stay: "measurements_from_…_week_12.csv". Cut between characters (UTF-8), at a
// space, '_', '-' or '.' when one is near.
std::string fit_file_name(const std::string& name, float width, const std::function<float(const std::string&)>& measure);

// "12 bytes", "3.4 kB", "12 MB".
std::string size_text(std::uintmax_t bytes);

// The browser's state: where it is and what is selected. Kept by its caller (one per place that
// picks files), so the folder is still there the next time it opens.
struct FileBrowser {
    bool open = false;            // shown (a modal window over the others)
    bool popup_asked = false;     // ImGui was asked to open it: a popup not open after that was closed (Esc)
    std::string folder;           // where it is
    std::string folder_edit;      // the folder field's text while it is typed in
    FolderListing listing;        // the folder's entries, read when it opens or moves, or on Refresh
    int selected = -1;            // an index into listing.entries, or -1
    bool every_file = false;      // show files of every kind, not only the wanted one
    bool scroll_to_selected = false;  // the selection moved by a key: bring it into view
    std::string message;          // a folder that could not be opened, shown until the next move
    // Saving: a name field and a Save button instead of Open; a click on a file takes its name.
    bool saving = false;
    std::string name;             // the name field's text (the wanted extension is added when missing)
    std::string option_label;     // a checkbox beside "all files" when not empty ("with the trained weights")
    bool option = true;           // and its value
    std::string replace;          // saving: the existing file a second Save replaces (the first only asks)
};

// Opens the browser at `folder`, or at the home folder when that is empty or gone (silently: a
// remembered folder may have been removed since).
void open_file_browser(FileBrowser& browser, const std::string& folder, const std::string& extension);

// Draws the browser while it is open, as a modal window named `title`; true in the frame a file is
// chosen (saving: a name given and Save pressed), with its full path in *chosen. Esc, Cancel or the window's close button close it.
bool draw_file_browser(FileBrowser& browser, const char* title, const char* extension, std::string* chosen);

}  // namespace actlab::app
