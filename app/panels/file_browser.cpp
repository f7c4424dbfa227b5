#include "app/panels/file_browser.h"

#include "app/figures/keys.h"
#include "app/panels/panel_widgets.h"
#include "app/ui_items.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>

namespace actlab::app {

namespace fs = std::filesystem;

namespace {

bool ends_with_case_aside(const std::string& s, const std::string& end) {
    if (end.size() > s.size()) return false;
    for (size_t i = 0; i < end.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - end.size() + i])) !=
            std::tolower(static_cast<unsigned char>(end[i])))
            return false;
    return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string home_folder() {
    const char* home = std::getenv("HOME");
    return home && *home == '/' ? clean_folder(home) : "/";
}

std::string join(const std::string& folder, const std::string& name) {
    return folder == "/" ? "/" + name : folder + "/" + name;
}

}  // namespace

std::string clean_folder(const std::string& path) {
    if (path.empty()) return path;
    std::string s = fs::path(path).lexically_normal().string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s.empty() ? "." : s;
}

std::string parent_folder(const std::string& folder) {
    const std::string f = clean_folder(folder);
    const size_t slash = f.find_last_of('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : f.substr(0, slash);
}

bool name_before(const std::string& a, const std::string& b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            // a run of digits against a run of digits: by value (leading zeros aside), however long
            size_t i_end = i, j_end = j;
            while (i_end < a.size() && is_digit(a[i_end])) ++i_end;
            while (j_end < b.size() && is_digit(b[j_end])) ++j_end;
            size_t i0 = i, j0 = j;
            while (i0 + 1 < i_end && a[i0] == '0') ++i0;
            while (j0 + 1 < j_end && b[j0] == '0') ++j0;
            if (i_end - i0 != j_end - j0) return i_end - i0 < j_end - j0;
            const int c = a.compare(i0, i_end - i0, b, j0, j_end - j0);
            if (c != 0) return c < 0;
            i = i_end;
            j = j_end;
            continue;
        }
        const int ca = std::tolower(static_cast<unsigned char>(a[i])), cb = std::tolower(static_cast<unsigned char>(b[j]));
        if (ca != cb) return ca < cb;
        ++i;
        ++j;
    }
    if ((i < a.size()) != (j < b.size())) return i >= a.size();  // a prefix first
    return a < b;  // equal but for case or zeros: any fixed order
}

FolderListing list_folder(const std::string& folder, const std::string& extension, bool every_file) {
    FolderListing out;
    out.folder = clean_folder(folder);
    std::error_code ec;
    fs::directory_iterator it(out.folder, fs::directory_options::none, ec);
    if (ec) {
        out.error = ec.message();
        return out;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        FolderEntry e;
        e.name = it->path().filename().string();
        if (e.name.empty() || e.name[0] == '.') continue;
        std::error_code entry_ec;
        e.folder = it->is_directory(entry_ec);  // a link to a folder is a folder
        // devices, pipes and sockets are no one's data (and reading /dev/zero never ends)
        if (!e.folder && !it->is_regular_file(entry_ec)) continue;
        if (!e.folder && !every_file && !ends_with_case_aside(e.name, extension)) continue;
        struct stat st {};
        if (stat(it->path().c_str(), &st) == 0) {
            e.modified = st.st_mtime;
            if (!e.folder) e.size = static_cast<std::uintmax_t>(st.st_size);
        }
        out.entries.push_back(std::move(e));
    }
    if (ec) out.error = ec.message();
    std::sort(out.entries.begin(), out.entries.end(), [](const FolderEntry& a, const FolderEntry& b) {
        if (a.folder != b.folder) return a.folder;
        return name_before(a.name, b.name);
    });
    return out;
}

std::string fit_file_name(const std::string& name, float width, const std::function<float(const std::string&)>& measure) {
    if (measure(name) <= width) return name;
    // where each character starts (UTF-8: continuation bytes are 10xxxxxx), and the end
    std::vector<size_t> starts;
    for (size_t i = 0; i < name.size(); ++i)
        if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) starts.push_back(i);
    const int n = static_cast<int>(starts.size());
    starts.push_back(name.size());
    const std::string dots = "…";
    auto text = [&](int head, int tail) {  // the first `head` characters, "…", the characters from `tail` on
        return name.substr(0, starts[head]) + dots + name.substr(starts[tail]);
    };
    // The tail holds the extension (from the last '.', unless that starts the name) and grows to about
    // a third of the width; the head takes what is left. Both are cut at a word's edge when one is near.
    int ext = n;
    for (int k = n - 1; k > 0; --k)
        if (name[starts[k]] == '.') {
            ext = k;
            break;
        }
    auto separator = [&](int k) {
        const char c = name[starts[k]];
        return c == ' ' || c == '_' || c == '-' || c == '.';
    };
    constexpr int kNear = 4;  // how far a cut moves to reach a word's edge
    int tail = ext;
    while (tail > 1 && measure(text(0, tail - 1)) <= width / 3) --tail;
    // The tail starts at a word's edge when one is near (never after the extension's dot).
    int edge = -1;
    for (int k = std::max(1, tail - kNear); k <= std::min(ext, tail + kNear); ++k)
        if (separator(k - 1) && (edge < 0 || std::abs(k - tail) < std::abs(edge - tail))) edge = k;
    if (edge > 0 && measure(text(0, edge)) <= width) tail = edge;
    if (measure(text(0, tail)) > width) {  // not even "…" and the extension fit: as much of the end as does
        while (tail < n && measure(text(0, tail)) > width) ++tail;
        return text(0, tail);
    }
    int head = 0;
    while (head + 1 < tail && measure(text(head + 1, tail)) <= width) ++head;
    // The head ends at a word's edge when one is near.
    for (int k = head; k > 1 && k > head - kNear; --k)
        if (separator(k - 1)) {
            head = k;
            break;
        }
    return text(head, tail);
}

std::string size_text(std::uintmax_t bytes) {
    char buf[32];
    if (bytes < 1000) {
        std::snprintf(buf, sizeof buf, bytes == 1 ? "%ju byte" : "%ju bytes", bytes);
        return buf;
    }
    static const char* const units[] = {"kB", "MB", "GB", "TB"};
    double v = static_cast<double>(bytes) / 1000.0;
    int u = 0;
    while (v >= 999.95 && u < 3) v /= 1000.0, ++u;
    std::snprintf(buf, sizeof buf, v < 9.95 ? "%.1f %s" : "%.0f %s", v, units[u]);
    return buf;
}

namespace {

// Moves the browser to `folder`; a folder that cannot be read leaves it where it was and says why.
bool go(FileBrowser& b, const std::string& folder, const std::string& extension, const std::string& select = "") {
    FolderListing listing = list_folder(folder, extension, b.every_file);
    if (!listing.error.empty()) {
        b.message = "Cannot open " + listing.folder + ": " + listing.error;
        return false;
    }
    b.message.clear();
    b.listing = std::move(listing);
    b.folder = b.listing.folder;
    b.folder_edit = b.folder;
    b.selected = -1;
    for (size_t i = 0; i < b.listing.entries.size(); ++i)
        if (b.listing.entries[i].name == select) b.selected = static_cast<int>(i);
    if (b.selected < 0 && !b.listing.entries.empty()) b.selected = 0;
    b.scroll_to_selected = true;
    return true;
}

std::string date_text(std::time_t t) {
    if (t == 0) return "";
    std::tm tm {};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

}  // namespace

void open_file_browser(FileBrowser& b, const std::string& folder, const std::string& extension) {
    std::error_code ec;
    const bool there = !folder.empty() && folder[0] == '/' && fs::is_directory(folder, ec);
    if (!there || !go(b, folder, extension)) {
        const std::string why = b.message;  // a remembered folder that cannot be read is still said
        go(b, home_folder(), extension);
        if (there) b.message = why;
    }
    b.open = true;
    b.popup_asked = false;
}

bool draw_file_browser(FileBrowser& b, const char* title, const char* extension, std::string* chosen) {
    if (!b.open) return false;
    if (!b.popup_asked) {
        ImGui::OpenPopup(title);
        b.popup_asked = true;
    }
    const float fs = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(44 * fs, 0.9f * display.x), std::min(30 * fs, 0.85f * display.y)),
                             ImGuiCond_Appearing);
    bool keep = true;
    if (!ImGui::BeginPopupModal(title, &keep, ImGuiWindowFlags_NoSavedSettings)) {
        b.open = false;  // closed by Esc (gui.cpp) or its close button
        return false;
    }
    bool picked = false;
    int activated = -1;  // an entry double-clicked, or opened with Enter or Open: acted on after the list
    bool save = false;  // saving: Save pressed, or Enter in the name field
    auto activate = [&](int i) {
        const FolderEntry& e = b.listing.entries[static_cast<size_t>(i)];
        if (e.folder) {
            go(b, join(b.folder, e.name), extension);
            return;
        }
        if (b.saving) {
            b.name = e.name;
            save = true;
            return;
        }
        *chosen = join(b.folder, e.name);
        picked = true;
    };

    // The folder: up, home, and its path, which can be typed (Enter goes there, or chooses a file).
    ImGui::BeginDisabled(b.folder == "/");
    if (ImGui::Button("↑ Up")) go(b, parent_folder(b.folder), extension, fs::path(b.folder).filename().string());
    ImGui::EndDisabled();
    record_item("Parent folder");
    item_tip("The folder above (Backspace)");
    ImGui::SameLine();
    if (ImGui::Button("Home")) go(b, home_folder(), extension);
    record_item("Home");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputText("##folder", &b.folder_edit, ImGuiInputTextFlags_EnterReturnsTrue)) {
        std::string typed = b.folder_edit;
        if (typed.rfind("~", 0) == 0) typed = home_folder() + typed.substr(1);
        if (!typed.empty() && typed[0] != '/') typed = join(b.folder, typed);
        std::error_code ec;
        if (fs::is_regular_file(typed, ec)) {
            *chosen = clean_folder(typed);
            picked = true;
        } else {
            go(b, typed, extension);
        }
    }
    record_item("Folder path");
    const bool typing = ImGui::IsItemActive();
    if (!typing) b.folder_edit = b.folder;  // follows the browser; what was typed and left is dropped
    if (!b.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
        ImGui::TextWrapped("%s", b.message.c_str());
        ImGui::PopStyleColor();
    }

    // The entries: folders, then files, with their sizes and dates.
    // below the list: the "all files" line, and the name field's line when saving
    const float footer = (b.saving ? 2 : 1) * ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_SizingFixedFit;
    const int count = static_cast<int>(b.listing.entries.size());
    if (ImGui::BeginTable("##entries", 3, flags, ImVec2(0, -footer))) {
        const float size_w = ImGui::CalcTextSize("999 bytes").x, date_w = ImGui::CalcTextSize("2026-12-31 23:59").x;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthFixed, size_w);
        ImGui::TableSetupColumn("Modified", ImGuiTableColumnFlags_WidthFixed, date_w);
        ImGui::TableHeadersRow();
        for (int i = 0; i < count; ++i) {
            const FolderEntry& e = b.listing.entries[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string full = e.folder ? e.name + "/" : e.name;
            const std::string shown = fit_file_name(full, ImGui::GetContentRegionAvail().x,
                                                    [](const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; });
            const bool other_kind = !e.folder && !ends_with_case_aside(e.name, extension);
            if (other_kind) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::PushID(i);
            if (ImGui::Selectable(shown.c_str(), b.selected == i,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                b.selected = i;
                if (b.saving && !e.folder) b.name = e.name;
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) activated = i;
            }
            ImGui::PopID();
            if (other_kind) ImGui::PopStyleColor();
            record_item(("file:" + full).c_str());
            if (shown != full) item_tip("%s", full.c_str());
            if (b.scroll_to_selected && i == b.selected) {
                ImGui::SetScrollHereY();
                b.scroll_to_selected = false;
            }
            ImGui::TableNextColumn();
            if (!e.folder) ImGui::TextUnformatted(size_text(e.size).c_str());
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", date_text(e.modified).c_str());
        }
        if (count == 0)
            ImGui::TextDisabled(b.every_file ? "This folder is empty." : "No folders or %s files here.", extension);
        ImGui::EndTable();
    }

    // The keys, while no field has them: up and down the list, Enter to open, Backspace to go up.
    if (!picked && activated < 0 && !typing && !ImGui::GetIO().WantTextInput && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
        const int n = static_cast<int>(b.listing.entries.size());
        int to = b.selected;
        if (pressed(ImGuiKey_DownArrow)) to = std::min(n - 1, b.selected + 1);
        if (pressed(ImGuiKey_UpArrow)) to = std::max(0, b.selected - 1);
        if (pressed(ImGuiKey_Home)) to = 0;
        if (pressed(ImGuiKey_End)) to = n - 1;
        if (to != b.selected && n > 0) {
            b.selected = to;
            b.scroll_to_selected = true;
        }
        if ((pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) && b.selected >= 0 && b.selected < n)
            activated = b.selected;
        else if (pressed(ImGuiKey_Backspace) && b.folder != "/")
            go(b, parent_folder(b.folder), extension, fs::path(b.folder).filename().string());
    }

    // Below: every kind of file, and the choice.
    if (ImGui::Checkbox("all files", &b.every_file)) {
        const bool any = b.selected >= 0 && b.selected < static_cast<int>(b.listing.entries.size());
        const std::string name = any ? b.listing.entries[static_cast<size_t>(b.selected)].name : "";
        go(b, b.folder, extension, name);
    }
    record_item("all files");
    item_tip("Show files of every kind, not only %s", extension);
    if (!b.option_label.empty()) {
        ImGui::SameLine();
        ImGui::Checkbox(b.option_label.c_str(), &b.option);
        record_item(b.option_label.c_str());
    }
    const char* action = b.saving ? "Save" : "Open";
    const float buttons = ImGui::CalcTextSize(action).x + ImGui::CalcTextSize("Cancel").x +
                          4 * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x;
    if (b.saving) {
        // the name field fills the line up to the buttons; Enter in it saves
        ImGui::TextUnformatted("File name");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(std::max(4 * fs, ImGui::GetContentRegionAvail().x - buttons - ImGui::GetStyle().ItemSpacing.x));
        ImGui::InputText("##name", &b.name);  // the name as it is typed: Save reads it
        if (ImGui::IsItemDeactivated() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter))))
            save = true;
        record_item("File name");
    }
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
    const bool can_open = b.saving ? !trimmed(b.name).empty()
                                   : b.selected >= 0 && b.selected < static_cast<int>(b.listing.entries.size());
    ImGui::BeginDisabled(!can_open);
    if (ImGui::Button(action) && can_open) {
        if (b.saving) save = true;
        else activated = b.selected;
    }
    ImGui::EndDisabled();
    record_item(action);
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel");
    record_item("Cancel");
    if (activated >= 0 && !picked) activate(activated);
    if (save && !picked) {
        const std::string name = trimmed(b.name);
        if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") {
            b.message = "Give the file a name (not a path): the browser's folder is where it goes.";
        } else {
            const std::string path = join(b.folder, ends_with_case_aside(name, extension) ? name : name + extension);
            std::error_code ec;
            if (fs::exists(path, ec) && b.replace != path) {
                // nothing is lost by a slip: an existing file is replaced only when Save is pressed again
                b.replace = path;
                b.message = fs::path(path).filename().string() + " is there already: Save again to replace it.";
            } else {
                *chosen = path;
                picked = true;
                b.replace.clear();
            }
        }
    }
    if (picked || cancel || !keep) {
        b.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return picked;
}

}  // namespace actlab::app
