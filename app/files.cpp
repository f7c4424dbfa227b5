#include "app/files.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace actlab::app {

namespace fs = std::filesystem;

bool write_file_atomic(const std::string& path, std::string_view bytes, std::string* error) {
    auto fail = [&](const std::string& why) {
        *error = "cannot write '" + path + "': " + why;
        return false;
    };
    std::error_code ec;
    fs::path target(path);
    if (fs::is_symlink(target, ec)) target = fs::weakly_canonical(target, ec);  // write where the link points
    if (target.filename().empty()) return fail("not a file name");
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) return fail("folder '" + folder.string() + "' does not exist");
    if (fs::is_directory(target, ec)) return fail("it is a folder");
    // rename() would replace a read-only file without asking; refuse as writing into it would
    if (fs::exists(target, ec) && access(target.c_str(), W_OK) != 0) return fail("the file is read-only");

    std::string temp = (folder / ".actlab-XXXXXX").string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) return fail(std::strerror(errno));
    // the permissions a new file would get (mkstemp makes it private), or those of the file replaced
    struct stat existing {};
    mode_t mode = 0666;
    if (stat(target.c_str(), &existing) == 0) {
        mode = existing.st_mode & 07777;
    } else {
        const mode_t mask = umask(0);
        umask(mask);
        mode &= ~mask;
    }
    fchmod(fd, mode);
    const char* data = bytes.data();
    size_t left = bytes.size();
    int err = 0;
    while (left > 0) {
        const ssize_t n = write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            break;
        }
        data += n;
        left -= static_cast<size_t>(n);
    }
    if (!err && fsync(fd) != 0) err = errno;
    if (close(fd) != 0 && !err) err = errno;
    if (!err && std::rename(temp.c_str(), target.c_str()) != 0) err = errno;
    if (err) {
        std::remove(temp.c_str());
        return fail(std::strerror(err));
    }
    return true;
}

std::string read_file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "";
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
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
