#include "app/cli/export_command.h"

#include "app/app_state.h"

#include "app/cli/export_plots.h"
#include "app/platform.h"
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
    return text + kSessionHelp;
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
    if (ext != ".png" && ext != ".csv")
        return bad_argument("--out '" + args.out + "' must end in .png or .csv");

    std::smatch m;
    static const std::regex size_re("^([0-9]{1,5})x([0-9]{1,5})$");
    if (!std::regex_match(args.size, m, size_re))
        return bad_argument("--size '" + args.size + "' must be WIDTHxHEIGHT, such as 1600x1000");
    const int width = std::stoi(m[1]), height = std::stoi(m[2]);
    if (width < ExportSettings::kMinSide || height < ExportSettings::kMinSide || width > kMaxImageSide ||
        height > kMaxImageSide)
        return bad_argument("--size '" + args.size + "': width and height must be from " +
                            std::to_string(ExportSettings::kMinSide) + " to " + std::to_string(kMaxImageSide));
    if (args.scale != 1 && args.scale != 2 && args.scale != 4) return bad_argument("--scale must be 1, 2 or 4");
    if (width * args.scale > kMaxImageSide || height * args.scale > kMaxImageSide)
        return bad_argument("--size " + args.size + " at --scale " + std::to_string(args.scale) +
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
    for (const std::string& set : args.sets) {
        KeyValue kv;
        if (!split_key_value(set, &kv, &error)) return bad_argument("--set " + error);
        if (kv.first == "data") start.training.given_data.reset();
        sets.push_back(kv);
    }
    const bool csv = ext == ".csv";
    Figure figure;
    if (!plot->prepare(sets, csv, &figure, &error, std::move(start)))
        return bad_argument(args.session.empty() ? error : error + " (with --session " + args.session + ")");

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
