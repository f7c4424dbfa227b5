#include "app/files.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace actlab::app {

namespace fs = std::filesystem;

bool write_file_atomic(const std::string& path, const std::function<bool(const std::string&)>& fill,
                       std::string* error) {
    const fs::path target(path);
    if (target.filename().empty()) {
        *error = "cannot write '" + path + "': not a file name";
        return false;
    }
    std::error_code ec;
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) {
        *error = "cannot write '" + path + "': folder '" + folder.string() + "' does not exist";
        return false;
    }
    if (fs::is_directory(target, ec)) {
        *error = "cannot write '" + path + "': it is a folder";
        return false;
    }
    const std::string temp = path + ".tmp-" + std::to_string(getpid());
    if (!fill(temp)) {
        const int err = errno;
        std::remove(temp.c_str());
        *error = "cannot write '" + path + "': " + (err ? std::strerror(err) : "write failed");
        return false;
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        std::remove(temp.c_str());
        *error = "cannot write '" + path + "': " + std::strerror(err);
        return false;
    }
    return true;
}

bool write_text_atomic(const std::string& path, const std::string& text, std::string* error) {
    return write_file_atomic(
        path,
        [&](const std::string& temp) {
            errno = 0;
            FILE* f = std::fopen(temp.c_str(), "wb");
            if (!f) return false;
            const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
            return std::fclose(f) == 0 && ok;
        },
        error);
}

bool make_folders(const std::string& path, std::string* error) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return true;
    fs::create_directories(path, ec);
    if (ec) {
        *error = "cannot create folder '" + path + "': " + ec.message();
        return false;
    }
    return true;
}

std::string expand_home(const std::string& path) {
    if (path.size() >= 1 && path[0] == '~' && (path.size() == 1 || path[1] == '/')) {
        const char* home = std::getenv("HOME");
        if (home) return std::string(home) + path.substr(1);
    }
    return path;
}

}  // namespace actlab::app
