// `actlab export PLOT --out FILE.gif` (and .mp4, .webm) with no display: the GIF decoded back with
// giflib (frames, size, delays, the loop, frames that move), the same bytes from the same keys, refused
// keys, and MP4 without ffmpeg (refused in one line) and with a stand-in ffmpeg (the raw frames piped).
#include "actlab_run.h"

#include <gif_lib.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <cstring>
#include <sys/stat.h>

namespace {

struct DecodedGif {
    int width = 0, height = 0, frames = 0;
    bool loops = false;                      // the Netscape extension with 0 repeats
    std::vector<int> delays;                 // hundredths of a second, per frame
    std::vector<std::vector<unsigned char>> canvases;  // each frame composited over the ones before (palette indices)
    std::string error;
};

DecodedGif decode(const std::string& path) {
    DecodedGif out;
    int code = 0;
    GifFileType* gif = DGifOpenFileName(path.c_str(), &code);
    if (!gif) {
        out.error = "cannot open";
        return out;
    }
    if (DGifSlurp(gif) != GIF_OK) {
        out.error = GifErrorString(gif->Error);
        DGifCloseFile(gif, &code);
        return out;
    }
    out.width = gif->SWidth;
    out.height = gif->SHeight;
    out.frames = gif->ImageCount;
    std::vector<unsigned char> canvas(static_cast<size_t>(out.width) * out.height, 0);
    for (int i = 0; i < gif->ImageCount; ++i) {
        const SavedImage& image = gif->SavedImages[i];
        GraphicsControlBlock gcb;
        int transparent = NO_TRANSPARENT_COLOR;
        if (DGifSavedExtensionToGCB(gif, i, &gcb) == GIF_OK) {
            out.delays.push_back(gcb.DelayTime);
            transparent = gcb.TransparentColor;
        } else {
            out.delays.push_back(-1);
        }
        for (int b = 0; b < image.ExtensionBlockCount; ++b) {
            const ExtensionBlock& e = image.ExtensionBlocks[b];
            if (e.Function == APPLICATION_EXT_FUNC_CODE && e.ByteCount == 11 && std::memcmp(e.Bytes, "NETSCAPE2.0", 11) == 0 &&
                b + 1 < image.ExtensionBlockCount && image.ExtensionBlocks[b + 1].ByteCount == 3 &&
                image.ExtensionBlocks[b + 1].Bytes[1] == 0 && image.ExtensionBlocks[b + 1].Bytes[2] == 0)
                out.loops = true;
        }
        const GifImageDesc& d = image.ImageDesc;
        for (int y = 0; y < d.Height; ++y)
            for (int x = 0; x < d.Width; ++x) {
                const unsigned char v = image.RasterBits[static_cast<size_t>(y) * d.Width + x];
                if (v != transparent) canvas[static_cast<size_t>(d.Top + y) * out.width + d.Left + x] = v;
            }
        out.canvases.push_back(canvas);
    }
    DGifCloseFile(gif, &code);
    return out;
}

// How many pixels differ between two composited frames.
long changed(const std::vector<unsigned char>& a, const std::vector<unsigned char>& b) {
    long n = 0;
    for (size_t i = 0; i < a.size(); ++i) n += a[i] != b[i];
    return n;
}

long file_size(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 ? static_cast<long>(st.st_size) : -1;
}

void expect_moving(const DecodedGif& gif, int frames, int width, int height, int delay) {
    ASSERT_TRUE(gif.error.empty()) << gif.error;
    EXPECT_EQ(gif.frames, frames);
    EXPECT_EQ(gif.width, width);
    EXPECT_EQ(gif.height, height);
    EXPECT_TRUE(gif.loops);
    if (delay > 0)
        for (int d : gif.delays) EXPECT_EQ(d, delay);
    else  // 15 fps in hundredths: 7, 6, 7, 7, 6, ... adding up to the right time
        EXPECT_EQ(std::accumulate(gif.delays.begin(), gif.delays.end(), 0), (frames * 100 + 7) / 15);
    for (size_t i = 1; i < gif.canvases.size(); ++i)
        EXPECT_GT(changed(gif.canvases[i - 1], gif.canvases[i]), 0) << "frame " << i << " is the same as frame " << i - 1;
}

}  // namespace

TEST(CliAnim, BoundaryTrainingGifDecodesAndIsTheSameTwice) {
    TempDir tmp;
    const std::vector<std::string> args = {"export", "boundary", "--set", "epochs=40", "--set", "frames=9", "--set", "fps=10",
                                           "--size", "480x300"};
    std::vector<std::string> first = args, second = args;
    first.insert(first.end(), {"--out", tmp / "a.gif"});
    second.insert(second.end(), {"--out", tmp / "b.gif"});
    const RunResult r = run_actlab(first);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("9 frames of 480×300 pixels at 10 fps"), std::string::npos) << r.out;
    expect_moving(decode(tmp / "a.gif"), 9, 480, 300, 10);
    ASSERT_EQ(run_actlab(second).exit_code, 0);
    EXPECT_EQ(read_text(tmp / "a.gif"), read_text(tmp / "b.gif")) << "the same keys must give the same bytes";
    EXPECT_GT(file_size(tmp / "a.gif"), 1000);
}

TEST(CliAnim, DelaysFollowFps) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "softmax", "--set", "frames=4", "--set", "fps=4", "--set", "tmin=0.2",
                                    "--set", "tmax=5", "--size", "400x300", "--out", tmp / "t.gif"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_moving(decode(tmp / "t.gif"), 4, 400, 300, 25);
}

TEST(CliAnim, ActivationSweepRaceAndWarpMove) {
    TempDir tmp;
    RunResult r = run_actlab({"export", "activations", "--set", "sweep=leaky_relu.alpha:0:0.5", "--set", "frames=5",
                              "--size", "400x300", "--out", tmp / "a.gif"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_moving(decode(tmp / "a.gif"), 5, 400, 300, 0);
    r = run_actlab({"export", "race", "--set", "race=tanh,relu", "--set", "epochs=20", "--set", "frames=4", "--size",
                    "600x400", "--out", tmp / "r.gif"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_moving(decode(tmp / "r.gif"), 4, 600, 400, 0);
    r = run_actlab({"export", "warp", "--set", "epochs=20", "--set", "frames=6", "--size", "400x400", "--out",
                    tmp / "w.gif"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_moving(decode(tmp / "w.gif"), 6, 400, 400, 0);
}

TEST(CliAnim, BadKeysAreRefusedAndNothingIsWritten) {
    expect_refused({"boundary", "--set", "frames=1", "--out", "OUT.gif"}, "'frames=1': frames must be");
    expect_refused({"boundary", "--set", "frames=601", "--out", "OUT.gif"}, "600");
    expect_refused({"boundary", "--set", "fps=0", "--out", "OUT.gif"}, "'fps=0'");
    expect_refused({"boundary", "--set", "fps=61", "--out", "OUT.gif"}, "60");
    expect_refused({"boundary", "--set", "epochs=0", "--out", "OUT.gif"}, "epochs");
    expect_refused({"loss", "--out", "OUT.gif"}, "loss has no animation");
    expect_refused({"boundary", "--out", "OUT.avi"}, "must end in .png or .csv (or .gif, .mp4, .webm");
    expect_refused({"activations", "--out", "OUT.gif"}, "sweep=");
    expect_refused({"activations", "--set", "sweep=leaky_relu.alpha:0:9", "--out", "OUT.gif"}, "TO:");
    expect_refused({"activations", "--set", "sweep=leaky_relu.alpha:0", "--out", "OUT.gif"}, "FUNCTION.PARAMETER:FROM:TO");
    expect_refused({"activations", "--set", "sweep=elu.alpha:0.5:1", "--set", "functions=relu", "--out", "OUT.gif"},
                   "add it to functions=");
    expect_refused({"softmax", "--set", "temperature=2", "--out", "OUT.gif"}, "tmin= and tmax=");
    expect_refused({"softmax", "--set", "tmin=5", "--set", "tmax=1", "--out", "OUT.gif"}, "below tmax");
    expect_refused({"warp", "--set", "stage=linear", "--out", "OUT.gif"}, "every stage");
    // frames= is an animation's: a PNG refuses it like any key it does not know
    expect_refused({"boundary", "--set", "frames=10", "--out", "OUT.png"}, "frames");
}

TEST(CliAnim, Mp4WithoutFfmpegSaysSoAndWritesNothing) {
    TempDir tmp, empty_path;
    for (const char* ext : {"mp4", "webm"}) {
        const std::string out = tmp / (std::string("train.") + ext);
        const RunResult r = run_program(ACTLAB_BINARY, {"export", "boundary", "--set", "frames=3", "--out", out},
                                        {"PATH=" + empty_path.path, "-DISPLAY", "-WAYLAND_DISPLAY"});
        EXPECT_EQ(r.exit_code, 2) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_NE(r.err.find("ffmpeg command, which is not installed"), std::string::npos) << r.err;
        EXPECT_TRUE(list_dir(tmp.path).empty());
    }
}

TEST(CliAnim, Mp4PipesRawRgbFramesToFfmpeg) {
    // a stand-in for ffmpeg: it keeps its arguments and writes what it is sent to its last argument
    TempDir tmp, bin;
    const std::string fake = bin / "ffmpeg";
    FILE* f = std::fopen(fake.c_str(), "w");
    ASSERT_TRUE(f);
    std::fprintf(f, "#!/bin/sh\necho \"$@\" > '%s'\nfor last; do :; done\ncat > \"$last\"\n", (tmp / "args").c_str());
    std::fclose(f);
    chmod(fake.c_str(), 0755);
    const std::string out = tmp / "train.mp4";
    const RunResult r = run_program(ACTLAB_BINARY,
                                    {"export", "softmax", "--set", "frames=3", "--set", "fps=12", "--size", "401x301", "--out", out},
                                    {"PATH=" + bin.path + ":/usr/bin:/bin", "-DISPLAY", "-WAYLAND_DISPLAY"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string args = read_text(tmp / "args");
    EXPECT_NE(args.find("-f rawvideo -pix_fmt rgb24 -s 400x300 -r 12 -i -"), std::string::npos) << args;
    EXPECT_NE(args.find("libx264"), std::string::npos) << args;
    EXPECT_NE(args.find("yuv420p"), std::string::npos) << args;
    EXPECT_EQ(file_size(out), 3L * 400 * 300 * 3) << "three frames of 400×300 RGB, cut to even sides";
    EXPECT_EQ(file_size(out + ".part"), -1);
}
