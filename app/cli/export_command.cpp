#include "app/cli/export_command.h"

#include "app/figures/activation_figure.h"
#include "app/figures/figure_export.h"
#include "app/platform.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <regex>

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

}  // namespace

std::string export_help() {
    return std::string("Plots:\n  activations   activation functions and their derivatives\n\nKeys for --set (activations):\n") +
           activation_keys_help();
}

int run_export(const ExportArgs& args) {
    if (args.plot != "activations") return bad_argument("unknown plot '" + args.plot + "' (plots: activations)");

    const std::string ext = lower_extension(args.out);
    if (ext != ".png" && ext != ".csv")
        return bad_argument("--out '" + args.out + "' must end in .png or .csv");

    std::smatch m;
    static const std::regex size_re("^([0-9]{1,5})x([0-9]{1,5})$");
    if (!std::regex_match(args.size, m, size_re))
        return bad_argument("--size '" + args.size + "' must be WIDTHxHEIGHT, such as 1600x1000");
    const int width = std::stoi(m[1]), height = std::stoi(m[2]);
    if (width < 100 || height < 100 || width > 8192 || height > 8192)
        return bad_argument("--size '" + args.size + "': width and height must be from 100 to 8192");
    if (!(args.scale >= 0.5 && args.scale <= 8.0))
        return bad_argument("--scale must be from 0.5 to 8");
    if (width * args.scale > 8192 || height * args.scale > 8192)
        return bad_argument("--size " + args.size + " at --scale " + std::to_string(args.scale).substr(0, 4) +
                            " is larger than 8192 pixels on a side");

    ActivationView view;
    bool range_given = false;
    for (const std::string& set : args.sets) {
        const auto eq = set.find('=');
        if (eq == std::string::npos || eq == 0) return bad_argument("--set '" + set + "' must be KEY=VALUE");
        const std::string key = set.substr(0, eq), value = set.substr(eq + 1);
        std::string error;
        if (!apply_activation_key(&view, key, value, &error)) return bad_argument("--set " + error);
        if (key == "xmin" || key == "xmax") range_given = true;
    }
    if (!view.x_points.empty() && !range_given) {
        // Exact points and no range: plot over the points (widened when they all coincide).
        const auto [lo, hi] = std::minmax_element(view.x_points.begin(), view.x_points.end());
        view.x_min = *lo;
        view.x_max = *hi;
        if (!(view.x_min < view.x_max)) view.x_min -= 1.0, view.x_max += 1.0;
    }
    std::string error;
    if (!check_activation_view(view, &error)) return bad_argument(error);

    const std::filesystem::path folder = std::filesystem::path(args.out).parent_path();
    std::error_code ec;
    if (!folder.empty() && !std::filesystem::is_directory(folder, ec))
        return bad_argument("cannot write '" + args.out + "': folder '" + folder.string() + "' does not exist");

    if (ext == ".csv") {
        if (!export_activations_csv(view, args.out, &error)) return bad_argument(error);
        std::printf("wrote %s\n", args.out.c_str());
        return 0;
    }
    HeadlessGL gl;
    if (!gl.create(&error)) {
        std::fprintf(stderr, "actlab export: %s\n", error.c_str());
        return 1;
    }
    if (!export_activations_png(view, fit_limits(view), width, height, static_cast<float>(args.scale), args.out,
                                &error)) {
        // a path we cannot write is the user's to fix; anything else is ours
        const bool path_problem = error.rfind("cannot write", 0) == 0;
        std::fprintf(stderr, "actlab export: %s\n", error.c_str());
        return path_problem ? kExitBadArgument : 1;
    }
    std::printf("wrote %s (%d×%d pixels)\n", args.out.c_str(), static_cast<int>(width * args.scale + 0.5),
                static_cast<int>(height * args.scale + 0.5));
    return 0;
}

}  // namespace actlab::app
