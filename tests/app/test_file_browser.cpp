// The file browser's listing (app/panels/file_browser.h): what a folder shows and in which order,
// hidden entries hidden, other kinds of file only when asked, the parent of /, a folder that cannot be
// read, and long names shortened in the middle so their extension stays.
#include "app/panels/file_browser.h"

#include "process.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace app = actlab::app;
namespace fs = std::filesystem;

namespace {

void touch(const std::string& path, const std::string& text = "x1,x2,label\n") { std::ofstream(path) << text; }

std::vector<std::string> names(const app::FolderListing& l) {
    std::vector<std::string> out;
    for (const app::FolderEntry& e : l.entries) out.push_back(e.folder ? e.name + "/" : e.name);
    return out;
}

// A folder of the kinds a user's has.
void fill(const TempDir& tmp) {
    fs::create_directory(tmp / "Zeta");
    fs::create_directory(tmp / "alpha");
    fs::create_directory(tmp / ".git");
    touch(tmp / "b10.csv");
    touch(tmp / "B2.csv");
    touch(tmp / "a.CSV");
    touch(tmp / "notes.txt");
    touch(tmp / ".hidden.csv");
    fs::create_directory_symlink(tmp / "alpha", tmp / "link");
}

// The length of a UTF-8 string in characters: the test's way of measuring text.
float chars(const std::string& s) {
    float n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool valid_utf8(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (int k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

}  // namespace

TEST(FileBrowser, FoldersFirstThenCsvFilesByNameNumbersByValueHiddenOnesLeftOut) {
    TempDir tmp;
    fill(tmp);
    const app::FolderListing l = app::list_folder(tmp.path, ".csv", false);
    EXPECT_EQ(l.error, "");
    EXPECT_EQ(names(l), (std::vector<std::string>{"alpha/", "link/", "Zeta/", "a.CSV", "B2.csv", "b10.csv"}));
    ASSERT_EQ(mkfifo((tmp / "pipe.csv").c_str(), 0644), 0);  // not a file anyone's data is in
    const app::FolderListing all = app::list_folder(tmp.path + "/", ".csv", true);
    EXPECT_EQ(names(all), (std::vector<std::string>{"alpha/", "link/", "Zeta/", "a.CSV", "B2.csv", "b10.csv", "notes.txt"}));
    EXPECT_EQ(all.folder, tmp.path) << "the folder is named without a trailing slash";
}

TEST(FileBrowser, FilesCarryTheirSizeAndDate) {
    TempDir tmp;
    touch(tmp / "points.csv", std::string(1234, 'x'));
    const app::FolderListing l = app::list_folder(tmp.path, ".csv", false);
    ASSERT_EQ(l.entries.size(), 1u);
    EXPECT_EQ(l.entries[0].size, 1234u);
    struct stat st {};
    ASSERT_EQ(stat((tmp / "points.csv").c_str(), &st), 0);
    EXPECT_EQ(l.entries[0].modified, st.st_mtime);
    EXPECT_EQ(app::size_text(0), "0 bytes");
    EXPECT_EQ(app::size_text(1), "1 byte");
    EXPECT_EQ(app::size_text(999), "999 bytes");
    EXPECT_EQ(app::size_text(1234), "1.2 kB");
    EXPECT_EQ(app::size_text(12345), "12 kB");
    EXPECT_EQ(app::size_text(999999), "1.0 MB");
    EXPECT_EQ(app::size_text(45000000000ull), "45 GB");
}

TEST(FileBrowser, TheParentOfTheRootIsTheRoot) {
    EXPECT_EQ(app::parent_folder("/"), "/");
    EXPECT_EQ(app::parent_folder("/home"), "/");
    EXPECT_EQ(app::parent_folder("/home/ada/"), "/home");
    EXPECT_EQ(app::clean_folder("/home/./ada/../grace/"), "/home/grace");
    EXPECT_EQ(app::clean_folder("//"), "/");
    const app::FolderListing root = app::list_folder("/", ".csv", false);
    EXPECT_EQ(root.error, "");
    EXPECT_EQ(root.folder, "/");
    EXPECT_FALSE(root.entries.empty());
}

TEST(FileBrowser, AFolderThatCannotBeReadSaysWhy) {
    TempDir tmp;
    touch(tmp / "file.csv");
    EXPECT_EQ(app::list_folder(tmp / "gone", ".csv", false).error, "No such file or directory");
    EXPECT_EQ(app::list_folder(tmp / "file.csv", ".csv", false).error, "Not a directory");
    // A folder without read permission. Root reads every folder, so as root the listing is made by a
    // child process that has become nobody.
    fs::create_directory(tmp / "locked");
    touch(tmp / "locked/secret.csv");
    ASSERT_EQ(chmod(tmp.path.c_str(), 0755), 0);
    ASSERT_EQ(chmod((tmp / "locked").c_str(), 0), 0);
    if (geteuid() != 0) {
        const app::FolderListing l = app::list_folder(tmp / "locked", ".csv", false);
        EXPECT_EQ(l.error, "Permission denied");
        EXPECT_TRUE(l.entries.empty());
    } else {
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            if (setgid(65534) != 0 || setuid(65534) != 0) _exit(3);
            const app::FolderListing l = app::list_folder(tmp / "locked", ".csv", false);
            _exit(l.error == "Permission denied" && l.entries.empty() ? 0 : 1);
        }
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFEXITED(status));
        EXPECT_NE(WEXITSTATUS(status), 3) << "could not become nobody to test a folder without permission";
        EXPECT_EQ(WEXITSTATUS(status), 0) << "a folder without read permission was not reported as such";
    }
    chmod((tmp / "locked").c_str(), 0755);  // so the temporary folder can be removed
}

TEST(FileBrowser, NamesAreOrderedAsPeopleCount) {
    EXPECT_TRUE(app::name_before("run2", "run10"));
    EXPECT_FALSE(app::name_before("run10", "run2"));
    EXPECT_TRUE(app::name_before("a", "B"));
    EXPECT_TRUE(app::name_before("B", "c"));
    EXPECT_TRUE(app::name_before("week", "week1"));
    EXPECT_TRUE(app::name_before("x99999999999999999999", "x100000000000000000000")) << "digits beyond 64 bits";
    // names equal but for case or leading zeros still have an order, one way only
    EXPECT_NE(app::name_before("run02", "run2"), app::name_before("run2", "run02"));
    EXPECT_NE(app::name_before("Data", "data"), app::name_before("data", "Data"));
}

TEST(FileBrowser, ALongNameLosesItsMiddleAndKeepsItsExtension) {
    const std::string name = "measurements_from_the_lab_week_12_final.csv";
    EXPECT_EQ(app::fit_file_name(name, 100, chars), name) << "a name that fits is left alone";
    for (float width : {30.0f, 20.0f, 14.0f, 9.0f}) {
        const std::string s = app::fit_file_name(name, width, chars);
        EXPECT_LE(chars(s), width) << s;
        EXPECT_NE(s.find("…"), std::string::npos) << s;
        EXPECT_EQ(s.substr(s.size() - 4), ".csv") << s;
        EXPECT_EQ(s.rfind("me", 0), 0u) << "the start of the name went: " << s;
    }
    // cuts near a word's edge are made there
    EXPECT_EQ(app::fit_file_name(name, 24, chars), "measurements_…final.csv");
    // characters of several bytes are never split
    const std::string french = "données_été_près_de_la_forêt_numéro_12.csv";
    for (float width : {25.0f, 15.0f, 8.0f}) {
        const std::string f = app::fit_file_name(french, width, chars);
        EXPECT_TRUE(valid_utf8(f)) << f;
        EXPECT_LE(chars(f), width) << f;
        EXPECT_EQ(f.substr(f.size() - 4), ".csv") << f;
    }
    // too narrow for even "…" and the extension: as much of the end as fits
    const std::string tiny = app::fit_file_name(name, 4, chars);
    EXPECT_LE(chars(tiny), 4.0f) << tiny;
    EXPECT_EQ(tiny.substr(tiny.size() - 3), "csv") << tiny;
}
