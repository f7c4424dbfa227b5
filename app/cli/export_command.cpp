#include "app/cli/export_command.h"

#include "app/app_state.h"

#include "app/cli/export_animations.h"
#include "app/cli/export_plots.h"
#include "app/figures/playground_keys.h"
#include "app/figures/playground_link.h"
#include "app/platform.h"
#include "app/panels/file_browser.h"  // size_text
#include "app/render/animation_writer.h"
#include "app/files.h"
#include "app/session.h"
#include "app/render/offscreen.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <unistd.h>

namespace actlab::app {

namespace {

int bad_argument(const std::string& message) {
    std::fprintf(stderr, "actlab export: %s\n", message.c_str());
    return kExitBadArgument;
}

std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

// An animation: its keys checked (and ffmpeg looked for) before training, then every frame drawn.
int run_animation(const AnimatedPlot& plot, AnimationFormat format, std::vector<KeyValue> sets, const ExportArgs& args,
                  int width, int height) {
    int frames = kDefaultAnimationFrames, fps = kDefaultAnimationFps;
    std::string error;
    if (!take_animation_keys(&sets, &frames, &fps, &error)) return bad_argument(error);
    if (format != AnimationFormat::Gif && find_ffmpeg().empty()) return bad_argument(ffmpeg_missing_message(args.out));
    auto animation = std::make_shared<Animation>();
    if (!plot.make(sets, frames, nullptr, animation.get(), &error)) return bad_argument(error);
    HeadlessGL gl;
    if (!gl.create(&error)) {
        std::fprintf(stderr, "actlab export: %s\n", error.c_str());
        return 1;
    }
    AnimationSize size;
    size.width = width;
    size.height = height;
    size.scale = static_cast<float>(args.scale);
    size.fps = fps;
    if (!write_animation(animation, size, args.out, &error)) {
        const bool path_problem = error.rfind("cannot write", 0) == 0;
        std::fprintf(stderr, "actlab export: %s\n", error.c_str());
        return path_problem ? kExitBadArgument : 1;
    }
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(args.out, ec);
    std::printf("wrote %s (%d frames of %d×%d pixels at %d fps, %s)\n", args.out.c_str(), frames, width * args.scale,
                height * args.scale, fps, size_text(ec ? 0 : bytes).c_str());
    if (!animation->note.empty()) std::fprintf(stderr, "actlab export: %s\n", animation->note.c_str());
    return 0;
}

// `actlab export session --set ... --out F.actlab`: a session file from keys (and --session), trained
// headless for epochs= when weights=yes.
int export_session(const ExportArgs& args, const Session& base) {
    if (lower_extension(args.out) != kSessionExtension)
        return bad_argument("--out '" + args.out + "' must end in .actlab for a session");
    std::vector<KeyValue> sets;
    std::string error;
    for (const std::string& set : args.sets) {
        KeyValue kv;
        if (!split_key_value(set, &kv, &error)) return bad_argument("--set " + error);
        sets.push_back(kv);
    }
    Session session;
    if (!session_from_keys(base, sets, &session, &error)) return bad_argument("--set " + error);
    if (!write_file_atomic(args.out, session_json(session), &error)) return bad_argument(error);
    if (session.network) std::printf("wrote %s (the network at epoch %d)\n", args.out.c_str(), session.network->epoch);
    else std::printf("wrote %s\n", args.out.c_str());
    return 0;
}

const char* const kSessionHelp =
    "\nSessions:\n"
    "  actlab export session --set KEY=VALUE... --out FILE.actlab   writes a session file (File > Open session)\n"
    "    lab=playground            the lab in front (activations, softmax, gradients, playground, gated)\n"
    "    weights=yes               train the playground's network headless and keep its weights (default no)\n"
    "    epochs=200                how long, with weights=yes (default 500)\n"
    "    activations.functions=relu,gelu  a lab's key: activations., softmax., gradients., gated. in front\n"
    "    layers=4,2 view=network   any other key is the playground's (its training keys, as for loss, and\n"
    "                              its display keys); data=FILE.csv puts the file's points in the session\n"
    "  actlab export PLOT --session FILE.actlab [--set ...]  starts from the session: the plot's lab's keys\n"
    "    (the training plots: epochs= the session's epoch), then the --set pairs on top\n";

}  // namespace

std::string export_help() {
    std::string text = "Plots:\n";
    for (const ExportPlot& plot : export_plots()) {
        char line[160];
        std::snprintf(line, sizeof line, "  %-18s %s\n", plot.name, plot.summary);
        text += line;
    }
    for (const ExportPlot& plot : export_plots())
        text += std::string("\nKeys for --set (") + plot.name + "):\n" + plot.keys_help;
    return text + animation_help() + kSessionHelp;
}

int run_export(const ExportArgs& args) {
    Session session;
    if (!args.session.empty()) {
        std::string error;
        if (!read_session_file(args.session, &session, &error)) return bad_argument("--session " + error);
    }
    if (args.plot == "session") return export_session(args, session);
    const ExportPlot* plot = find_export_plot(args.plot);
    if (!plot) {
        std::string names;
        for (const ExportPlot& p : export_plots()) names += (names.empty() ? "" : ", ") + std::string(p.name);
        return bad_argument("unknown plot '" + args.plot + "' (plots: " + names + ")");
    }

    const std::string ext = lower_extension(args.out);
    const AnimationFormat format = animation_format(args.out);
    const bool animated = format != AnimationFormat::None;
    if (ext != ".png" && ext != ".csv" && !animated)
        return bad_argument("--out '" + args.out + "' must end in .png or .csv (or .gif, .mp4, .webm for an animation)");
    const AnimatedPlot* animation = animated ? find_animated_plot(args.plot) : nullptr;
    if (animated && !animation) {
        std::string names;
        for (const AnimatedPlot& p : animated_plots()) names += (names.empty() ? "" : ", ") + std::string(p.name);
        return bad_argument(args.plot + " has no animation (animations: " + names + ")");
    }

    std::smatch m;
    static const std::regex size_re("^([0-9]{1,5})x([0-9]{1,5})$");
    const std::string size = args.size.empty() ? (animated ? "960x540" : "1600x1000") : args.size;
    if (!std::regex_match(size, m, size_re))
        return bad_argument("--size '" + args.size + "' must be WIDTHxHEIGHT, such as 1600x1000");
    const int width = std::stoi(m[1]), height = std::stoi(m[2]);
    if (width < ExportSettings::kMinSide || height < ExportSettings::kMinSide || width > kMaxImageSide ||
        height > kMaxImageSide)
        return bad_argument("--size '" + size + "': width and height must be from " +
                            std::to_string(ExportSettings::kMinSide) + " to " + std::to_string(kMaxImageSide));
    if (args.scale != 1 && args.scale != 2 && args.scale != 4) return bad_argument("--scale must be 1, 2 or 4");
    if (width * args.scale > kMaxImageSide || height * args.scale > kMaxImageSide)
        return bad_argument("--size " + size + " at --scale " + std::to_string(args.scale) +
                            " is larger than 8192 pixels on a side");

    // The path is checked before any work (training, drawing), so a bad one is reported at once, even
    // without OpenGL.
    const std::filesystem::path folder = std::filesystem::path(args.out).parent_path();
    const std::string folder_text = folder.empty() ? "." : folder.string();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder_text, ec))
        return bad_argument("cannot write '" + args.out + "': folder '" + folder_text + "' does not exist");
    if (std::filesystem::is_directory(args.out, ec))
        return bad_argument("cannot write '" + args.out + "': it is a folder");
    if (access(folder_text.c_str(), W_OK) != 0)
        return bad_argument("cannot write '" + args.out + "': folder '" + folder_text + "' is not writable");

    // a session's keys first, then the --set pairs on top; the session's points unless data= is given
    std::vector<KeyValue> sets;
    ExportKeys start;
    if (!args.session.empty()) {
        sets = session_plot_sets(session, plot->name);
        start.training.given_data = session.points;
    }
    std::string error;
    // A Playground link's keys come first, so a --set after them changes what the link set. They are
    // checked as the window checks them, so a refusal names the link's field.
    std::vector<std::string> link_notes;
    if (!args.playground_link.empty()) {
        if (!export_plot_trains(args.plot))
            return bad_argument("--playground-link sets up a training run: it is for " + training_plot_names() + ", not " +
                                args.plot);
        PlaygroundLink link;
        PlaygroundView view;
        core::Dataset data;
        if (!parse_playground_link(args.playground_link, &link, &error) || !apply_playground_link(link, &view, &data, &error))
            return bad_argument("--playground-link: " + error);
        std::vector<std::string> display;
        link_notes = link.notes;
        for (const KeyValue& kv : link.keys) {
            if (is_playground_key(kv.first)) {
                display.push_back(kv.first + "=" + kv.second);  // the window's display keys
            } else if (args.plot == "race" && kv.first == "activation") {
                link_notes.push_back("Not used by race: " + kv.first + "=" + kv.second + " (race= names the runners).");
            } else {
                sets.push_back(kv);
            }
        }
        if (!display.empty())
            link_notes.push_back("Not used by " + args.plot + ": " + joined_names(display) + " (the window's display).");
    }
    for (const std::string& set : args.sets) {
        KeyValue kv;
        if (!split_key_value(set, &kv, &error)) return bad_argument("--set " + error);
        if (kv.first == "data") start.training.given_data.reset();
        sets.push_back(kv);
    }
    if (animated) return run_animation(*animation, format, sets, args, width, height);
    const bool csv = ext == ".csv";
    Figure figure;
    if (!plot->prepare(sets, csv, &figure, &error, std::move(start)))
        return bad_argument(args.session.empty() ? error : error + " (with --session " + args.session + ")");
    for (const std::string& note : link_notes) std::fprintf(stderr, "actlab export: from the Playground link: %s\n", note.c_str());

    if (csv) {
        if (!export_figure_csv(figure, args.out, &error)) return bad_argument(error);
        std::printf("wrote %s\n", args.out.c_str());
        if (!figure.note.empty()) std::fprintf(stderr, "actlab export: %s\n", figure.note.c_str());
        return 0;
    }
    HeadlessGL gl;
    if (!gl.create(&error)) {
        std::fprintf(stderr, "actlab export: %s\n", error.c_str());
        return 1;
    }
    if (!export_figure_png(figure, width, height, static_cast<float>(args.scale), args.out, &error)) {
        // a path we cannot write is the user's to fix; anything else is ours
        const bool path_problem = error.rfind("cannot write", 0) == 0;
        std::fprintf(stderr, "actlab export: %s\n", error.c_str());
        return path_problem ? kExitBadArgument : 1;
    }
    std::printf("wrote %s (%d×%d pixels)\n", args.out.c_str(), width * args.scale, height * args.scale);
    if (!figure.note.empty()) std::fprintf(stderr, "actlab export: %s\n", figure.note.c_str());
    return 0;
}

}  // namespace actlab::app
