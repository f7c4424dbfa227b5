#include "app/gui.h"

#include "app/app_state.h"
#include "app/figures/figure.h"
#include "app/files.h"
#include "app/frame_stats.h"
#include "app/panels/activations_panel.h"
#include "app/panels/softmax_panel.h"
#include "app/panels/gradient_panel.h"
#include "app/panels/frame_times_panel.h"
#include "app/panels/gated_panel.h"
#include "app/panels/lab_layout.h"
#include "app/panels/panel_widgets.h"
#include "app/model/gated_model.h"
#include "app/model/lab_links.h"
#include "app/model/playground_model.h"
#include "app/model/session_model.h"
#include "app/panels/playground_panel.h"
#include "app/platform.h"
#include "app/recording.h"
#include "app/plot/plot.h"
#include "app/plot/plot_demo.h"
#include "app/render/offscreen.h"
#include "app/session.h"
#include "app/settings.h"
#include "app/ui_items.h"
#include "app/ui_style.h"

#include <imgui.h>
#include <imgui_internal.h>  // the popup stack and the focused window, for Esc
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes for the shortcuts

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace actlab::app {

namespace {

constexpr float kTextStep = 1.15f;  // one Ctrl+= or Ctrl+-

void rebuild_fonts(const Window& window, AppState& state) {
    build_fonts(state, window.content_scale);
    if (window.imgui_ready) reload_fonts_texture();
}

// The main figure of the tab shown: what Ctrl+E and Ctrl+Shift+E export.
Figure current_figure(const AppState& state) {
    switch (state.lab) {
        case Lab::Activations: break;
        case Lab::Softmax: return softmax_figure(state);
        case Lab::Gradients: return gradients_figure(state);
        case Lab::Playground: return playground_figure(state);
        case Lab::Gated: return gated_figure(state);
    }
    return activations_figure(state);
}

// Whether ImGui has more to show with no new input: a window, popup or tooltip that appears or fits
// itself to its contents a frame or two after it was asked for, or a tab bar scrolling to a tab.
bool imgui_settling() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (const ImGuiWindow* w : g.Windows)
        if (w->Active && (w->AutoFitFramesX > 0 || w->AutoFitFramesY > 0 || w->HiddenFramesCanSkipItems > 0 ||
                          w->HiddenFramesCannotSkipItems > 0))
            return true;
    for (int i = 0; i < g.TabBars.GetMapSize(); ++i) {
        const ImGuiTabBar* bar = g.TabBars.TryGetMapData(i);
        if (bar && bar->PrevFrameVisible >= g.FrameCount - 1 && bar->ScrollingAnim != bar->ScrollingTarget) return true;
    }
    return false;
}

// Writes an export the user asked for: the figure drawn again off screen (PNG) or its data (CSV).
void service_export(AppState& state, const ExportRequest& request) {
    std::string error;
    const std::string folder = expand_home(state.exports.folder);
    if (!make_folders(folder, &error)) {
        state.status = {"Export failed: " + error, true};
        return;
    }
    const bool png = request.format == ExportFormat::Png;
    const std::string path = unused_path(folder, request.figure.stem, png ? "png" : "csv");
    if (path.empty()) {
        state.status = {"Export failed: " + folder + " already holds 99999 exports of this view; clear some out", true};
        return;
    }
    const bool ok = png ? export_figure_png(request.figure, state.exports.width, state.exports.height,
                                            static_cast<float>(state.exports.scale), path, &error)
                        : export_figure_csv(request.figure, path, &error);
    state.status = ok ? StatusLine{"Wrote " + path, false} : StatusLine{"Export failed: " + error, true};
}

// The titles of the windows over the main one, which Esc closes when they are in front.
constexpr const char* kHelpTitle = "Using actlab";
constexpr const char* kAboutTitle = "About actlab";
constexpr const char* kPlotDemoTitle = "Plot widget demo";  // plot::ShowDemoWindow's

// Esc steps out of one thing a press, the innermost first: a text field being typed in (ImGui reverts
// the edit and lets go of the keys itself), then an open menu, combo or popup (the innermost closes),
// then the help, about or plot demo window in front, then full screen, and last the plot-only view (so
// the controls come back with the key everyone tries first). Keys are handled before the panels draw:
// what ImGui knows is as the previous frame left it, which is what the user saw when pressing the key.
void press_escape(AppState& state) {
    if (ImGui::GetIO().WantTextInput) return;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) {
        ImGui::ClosePopupToLevel(g.OpenPopupStack.Size - 1, true);
        return;
    }
    if (const ImGuiWindow* front = g.NavWindow ? g.NavWindow->RootWindow : nullptr) {
        const std::string name = front->Name;
        bool* open = name == kHelpTitle ? &state.ui.show_help : name == kAboutTitle ? &state.ui.show_about
                   : name == kPlotDemoTitle ? &state.ui.plot_demo.open : nullptr;
        if (open && *open) {
            *open = false;
            return;
        }
    }
    if (state.ui.fullscreen) state.ui.fullscreen = false;
    else if (state.ui.plot_only) state.ui.plot_only = false;
}

void handle_shortcuts(AppState& state, const std::vector<KeyPress>& presses) {
    for (const KeyPress& k : presses) {
        if (k.key == GLFW_KEY_F11) state.ui.fullscreen = !state.ui.fullscreen;
        if (k.key == GLFW_KEY_F12) state.ui.screenshot = true;
        if (k.key == GLFW_KEY_ESCAPE && !(k.mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SHIFT))) press_escape(state);
        // The labs' own keys, unless a text field has them or a menu, list or popup window is open over
        // the lab: the keys are its own then (a file browser's arrows, say).
        const bool lab_keys = !ImGui::GetIO().WantTextInput &&
                              !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
        // The softmax lab's temperature on the arrow keys.
        if (state.lab == Lab::Softmax && !(k.mods & GLFW_MOD_CONTROL) && lab_keys) {
            if (k.key == GLFW_KEY_UP || k.key == GLFW_KEY_RIGHT) step_temperature(state.softmax, 1);
            if (k.key == GLFW_KEY_DOWN || k.key == GLFW_KEY_LEFT) step_temperature(state.softmax, -1);
        }
        if (state.lab == Lab::Playground && !(k.mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT)) && lab_keys)
            playground_key(state, k.key);
        if (!(k.mods & GLFW_MOD_CONTROL)) continue;
        const bool shift = k.mods & GLFW_MOD_SHIFT;
        switch (k.key) {
            case GLFW_KEY_E: request_export(state, shift ? ExportFormat::Csv : ExportFormat::Png, current_figure(state)); break;
            case GLFW_KEY_Q: state.quit = true; break;
            case GLFW_KEY_S:
                if (!shift) save_session_browser(state);
                break;
            case GLFW_KEY_O:
                if (!shift) open_session_browser(state);
                break;
            case GLFW_KEY_1: select_lab(state, Lab::Activations); break;
            case GLFW_KEY_2: select_lab(state, Lab::Softmax); break;
            case GLFW_KEY_3: select_lab(state, Lab::Gradients); break;
            case GLFW_KEY_4: select_lab(state, Lab::Playground); break;
            case GLFW_KEY_5: select_lab(state, Lab::Gated); break;
            case GLFW_KEY_H: state.ui.plot_only = !state.ui.plot_only; break;
            case GLFW_KEY_Z:  // the last change to the drawn points back (a text field's own undo otherwise)
                if (state.lab == Lab::Playground && lab_keys && !state.playground.draw.undo.empty())
                    request_draw(state.playground, {DrawEdit::Kind::Undo});
                break;
            case GLFW_KEY_EQUAL:
            case GLFW_KEY_KP_ADD: state.ui.set_text_scale(state.ui.text_scale * kTextStep); break;
            case GLFW_KEY_MINUS:
            case GLFW_KEY_KP_SUBTRACT: state.ui.set_text_scale(state.ui.text_scale / kTextStep); break;
            case GLFW_KEY_0: state.ui.set_text_scale(1.0f); break;
            default: break;
        }
    }
}

// ImGui::BeginMenu, with the menu's name recorded (ui_items.h) while it is closed: open, ImGui's last
// item is inside the menu's own window.
bool menu(const char* label) {
    const bool open = ImGui::BeginMenu(label);
    if (!open) record_item(label);
    return open;
}

void draw_menu(AppState& state) {
    if (!ImGui::BeginMenuBar()) return;
    if (menu("File")) {
        if (ImGui::MenuItem("Save session…", "Ctrl+S")) save_session_browser(state);
        if (ImGui::MenuItem("Open session…", "Ctrl+O")) open_session_browser(state);
        if (ImGui::BeginMenu("Open recent", !state.session.recent.empty())) {
            for (size_t i = 0; i < state.session.recent.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                const std::string& path = state.session.recent[i];
                if (ImGui::MenuItem(path.c_str())) state.session.open = path;
                ImGui::PopID();
            }
            ImGui::EndMenu();
        } else {
            record_item("Open recent");
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Export plot as PNG", "Ctrl+E")) request_export(state, ExportFormat::Png, current_figure(state));
        if (ImGui::MenuItem("Export data as CSV", "Ctrl+Shift+E")) request_export(state, ExportFormat::Csv, current_figure(state));
        if (ImGui::MenuItem("Save the window as PNG", "F12")) state.ui.screenshot = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) state.quit = true;
        ImGui::EndMenu();
    }
    if (menu("View")) {
        if (ImGui::MenuItem("Larger text", "Ctrl+=")) state.ui.set_text_scale(state.ui.text_scale * kTextStep);
        if (ImGui::MenuItem("Smaller text", "Ctrl+-")) state.ui.set_text_scale(state.ui.text_scale / kTextStep);
        if (ImGui::MenuItem("Normal text", "Ctrl+0")) state.ui.set_text_scale(1.0f);
        ImGui::Separator();
        if (ImGui::MenuItem("Activation functions", "Ctrl+1")) select_lab(state, Lab::Activations);
        if (ImGui::MenuItem("Softmax and temperature", "Ctrl+2")) select_lab(state, Lab::Softmax);
        if (ImGui::MenuItem("Gradients", "Ctrl+3")) select_lab(state, Lab::Gradients);
        if (ImGui::MenuItem("Playground", "Ctrl+4")) select_lab(state, Lab::Playground);
        if (ImGui::MenuItem("Gated units", "Ctrl+5")) select_lab(state, Lab::Gated);
        ImGui::Separator();
        ImGui::MenuItem("Plot only", "Ctrl+H", &state.ui.plot_only);
        ImGui::MenuItem("Full screen", "F11", &state.ui.fullscreen);
        ImGui::Separator();
        ImGui::MenuItem("Frame times", nullptr, &state.ui.show_frame_times);
        ImGui::EndMenu();
    }
    if (menu("Help")) {
        if (ImGui::MenuItem("Using actlab")) state.ui.show_help = true;
        if (ImGui::MenuItem("Plot widget demo")) state.ui.plot_demo.open = true;
        ImGui::Separator();
        if (ImGui::MenuItem("About actlab")) state.ui.show_about = true;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void draw_help(bool* open) {
    if (!*open) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, 0), ImGuiCond_Appearing);
    if (ImGui::Begin(kHelpTitle, open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped(
            "Plots: drag to pan, scroll to zoom (over an axis: that axis only), double-click to return to the "
            "home view. Hover for exact values. Drag the grey probe line to move the probe.\n\n"
            "Sliders: drag (they land on round values; hold Shift for values in between), or Ctrl+click to type a value. "
            "Typed values, in sliders and fields, apply on Enter or when you click elsewhere (Esc gives up); a value "
            "outside the range is refused with a message and the old value stays.\n\n"
            "Keys: Ctrl+S save the session (every lab's set-up, the points and the trained weights) to a .actlab file, "
            "Ctrl+O open one (dropping a .actlab or a .csv on the window opens it too), Ctrl+E export the plot as PNG, Ctrl+Shift+E its data as CSV, Ctrl+= / Ctrl+- / Ctrl+0 text "
            "size, Ctrl+1 / Ctrl+2 / Ctrl+3 / Ctrl+4 / Ctrl+5 the activation, softmax and gradient labs, the playground "
            "and the gated units, "
            "Ctrl+H plot only (hide the controls), F11 full screen, Ctrl+Q quit. Esc closes a menu or a window, "
            "then leaves full screen, then brings the controls back. In the "
            "playground: Space play or pause, S one epoch, R start again; N, U, G and L bring the network, the units on "
            "their curves, the gradient across layers or the layers bending the plane to the front; each view's Alone button shows it alone (Ctrl+H "
            "again: everything). D draws points on the boundary (a click adds one, a drag sprays, a right-click removes one, "
            "Ctrl+Z undoes). While paused, click a link or a bias square of the network and drag sideways (or "
            "type its value) to set it by hand: everything follows, and training carries on from there.\n\n"
            "Exports are drawn again at the size and scale chosen with the Settings… button beside Export PNG, "
            "into the export folder; an existing file is never overwritten. From a terminal: actlab export --help.");
    }
    ImGui::End();
}

void draw_about(bool* open) {
    if (!*open) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
    if (ImGui::Begin(kAboutTitle, open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::Text("actlab %s — Activation Lab", ACTLAB_VERSION);
        ImGui::Separator();
        ImGui::TextWrapped(
            "See how the activation functions of neural networks behave: their shapes, their slopes, and "
            "where learning stalls. Every value is computed in double precision and checked against a "
            "60-digit reference.\n\n"
            "Built on Dear ImGui %s, GLFW, Eigen and stb; text in DejaVu Sans; colours from Okabe and Ito's "
            "palette for colour-blind readers.",
            IMGUI_VERSION);
        ImGui::TextDisabled("Settings: %s", config_dir().c_str());
    }
    ImGui::End();
}

// File ▸ Open session… and Save session…: what is chosen is opened or saved by the next session step.
void draw_session_browsers(AppState& state) {
    SessionState& s = state.session;
    std::string chosen;
    if (draw_file_browser(s.open_browser, "Open a session", kSessionExtension, &chosen)) s.open = chosen;
    if (draw_file_browser(s.save_browser, "Save the session", kSessionExtension, &chosen)) {
        s.save = chosen;
        s.save_weights = s.save_browser.option;
    }
}

void draw_main_window(AppState& state) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    // No background: the frame is cleared to the window's colour (run_gui), so painting it would
    // only cover every pixel a second time.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground;
    ImGui::Begin("actlab", nullptr, flags);
    draw_menu(state);
    const float status_height = ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("##labs", ImVec2(0, -status_height), false);
    if (begin_tab_bar("##lab-tabs")) {
        // The lab in front is state.lab; the tab bar follows it. A tab brought forward by a key (Ctrl+1,
        // Ctrl+2, ...) is asked for until ImGui shows it (it does so a frame later); a click on a tab
        // makes its lab the one in front.
        struct Tab {
            Lab lab;
            const char* name;
            void (*draw)(AppState&);
        };
        static const Tab tabs[] = {{Lab::Activations, "Activation functions", draw_activations_panel},
                                   {Lab::Softmax, "Softmax and temperature", draw_softmax_panel},
                                   {Lab::Gradients, "Gradients", draw_gradient_panel},
                                   {Lab::Playground, "Playground", draw_playground_panel},
                                   {Lab::Gated, "Gated units", draw_gated_panel}};
        for (const Tab& tab : tabs) {
            const bool wanted = state.ui.select_lab == static_cast<int>(tab.lab);
            if (!tab_item(tab.name, wanted ? ImGuiTabItemFlags_SetSelected : 0)) continue;
            if (wanted) state.ui.select_lab = -1;
            if (state.ui.select_lab < 0) state.lab = tab.lab;
            tab.draw(state);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    ImGui::Separator();
    if (state.status.error) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
    ImGui::TextUnformatted(state.status.text.empty() ? "Ready." : state.status.text.c_str());
    if (state.status.error) ImGui::PopStyleColor();
    if (!state.status.text.empty() && ImGui::IsItemHovered()) {  // the whole message, however long
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
        ImGui::TextUnformatted(state.status.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    draw_session_browsers(state);  // inside the main window, as the playground's CSV browser is
    ImGui::End();
    draw_help(&state.ui.show_help);
    draw_about(&state.ui.show_about);
    plot::ShowDemoWindow(&state.ui.plot_demo);
    if (state.ui.show_frame_times) draw_frame_times(state.frame_times);
}

// The window as it is on screen, read back from its framebuffer before the swap: F12, or a test that
// needs to see what the user sees. Written into the export folder like any export.
void save_screenshot(AppState& state, const Window& window) {
    state.ui.screenshot = false;
    std::string error;
    const std::string folder = expand_home(state.exports.folder);
    if (!make_folders(folder, &error)) {
        state.status = {"Screenshot failed: " + error, true};
        return;
    }
    static const char* const names[] = {"window_activations", "window_softmax", "window_gradients", "window_playground",
                                         "window_gated"};
    const std::string path = unused_path(folder, names[static_cast<int>(state.lab)], "png");
    Image image;
    if (path.empty() || !read_window_pixels(window, &image) || !write_png(path, image, &error)) {
        state.status = {"Screenshot failed: " + (error.empty() ? std::string("cannot read the window's pixels") : error), true};
        return;
    }
    state.status = {"Wrote " + path, false};
}

}  // namespace

void build_fonts(AppState& state, float content_scale) {
    const float scale = content_scale * state.ui.text_scale;
    ImGui::GetIO().Fonts->Clear();
    std::string problem;
    plot::GetStyle().title_font = load_fonts(kBaseFontPixels * scale, &problem).title;
    if (!problem.empty()) state.status = {problem, true};
    apply_theme(scale);
    ImGui::GetIO().Fonts->Build();
    state.ui.fonts_dirty = false;
}

void select_lab(AppState& state, Lab lab) {
    state.lab = lab;
    state.ui.select_lab = static_cast<int>(lab);
}

void ui_frame(AppState& state, const std::vector<KeyPress>& presses) {
    // Each key sees the lab it was pressed in: a lab brought forward by one key has its model ready
    // for the next (Ctrl+4 then Space in one frame trains).
    for (const KeyPress& k : presses) {
        if (state.lab == Lab::Playground) playground_step(state);
        handle_shortcuts(state, {k});
    }
    session_step(state);  // before the labs' steps: an opened session's run starts again in this frame
    follow_lab_links(state);
    if (state.lab == Lab::Playground) playground_step(state);
    if (state.lab == Lab::Gated) gated_step(state);
    draw_main_window(state);
    if (std::string refused = take_slider_refusal(); !refused.empty()) state.status = {refused, true};
}

void service_exports(AppState& state) {
    for (const ExportRequest& request : state.export_requests) service_export(state, request);
    state.export_requests.clear();
    service_recording(state);
}

int run_gui(const GuiOptions& options) {
    AppState state;
    const std::string dir = config_dir();
    state.settings_path = dir + "/settings.json";
    std::vector<std::string> problems;
    load_settings(state.settings_path, &state, &problems);
    if (state.exports.folder.empty()) state.exports.folder = default_export_folder();
    const std::string saved_folder = state.exports.folder;
    if (!options.export_folder.empty()) state.exports.folder = options.export_folder;
    for (const std::string& p : problems) std::fprintf(stderr, "actlab: %s\n", p.c_str());
    if (!problems.empty())
        state.status = {problems.front() + (problems.size() > 1 ? " (+" + std::to_string(problems.size() - 1) +
                                                                      " more: see the terminal)"
                                                                : ""),
                        true};

    std::string error;
    if (!make_folders(dir, &error)) std::fprintf(stderr, "actlab: %s; settings will not be saved\n", error.c_str());
    Window window;
    if (!open_window(&window, "actlab", 1600, 1000, dir + "/imgui.ini", &error)) {
        std::fprintf(stderr, "actlab: %s; without a window, 'actlab export' writes figures (see actlab export --help)\n",
                     error.c_str());
        return 1;
    }
    plot::Context* plots = plot::CreateContext();
    rebuild_fonts(window, state);

    // Settings are written when they change (looked at once a second while frames are drawn), not
    // only on the way out: a crash or a power cut keeps the lesson as it was set up. A folder given on
    // the command line is for this run only and is never written.
    auto settings_now = [&] {
        const std::string folder = state.exports.folder;
        if (!options.export_folder.empty() && folder == options.export_folder) state.exports.folder = saved_folder;
        std::string text = settings_json(state);
        state.exports.folder = folder;
        return text;
    };
    std::string saved_text = read_file_text(state.settings_path);
    bool save_failed = false;
    auto save_if_changed = [&] {
        std::string text = settings_now();
        if (text == saved_text) return;
        std::string problem;
        if (make_folders(dir, &problem) && write_file_atomic(state.settings_path, text, &problem)) {
            saved_text = std::move(text);
            save_failed = false;
        } else if (!save_failed) {  // said once, not every second
            std::fprintf(stderr, "actlab: %s\n", problem.c_str());
            state.status = {"Settings not saved: " + problem, true};
            save_failed = true;
        }
    };

    // A run of N frames (--frames) draws them back to back, whatever waiting would do: a benchmark of
    // the lab shown, its times written with --frame-stats. It leaves the saved settings as they were.
    const bool counted = options.frames > 0;
    if (!options.session.empty()) {
        // opened before the first frame, so --lab can still choose the lab in front; a refusal is said
        // in the status line and on stderr
        state.session.open = options.session;
        session_step(state);
        if (state.status.error) std::fprintf(stderr, "actlab: %s\n", state.status.text.c_str());
    }
    if (!options.lab.empty()) {
        Lab lab = Lab::Activations;
        if (lab_from_name(options.lab, &lab)) select_lab(state, lab);
    }
    if (options.train) {
        select_lab(state, Lab::Playground);
        state.playground.view.speed = 0.0;  // as fast as it goes
        request_run(state.playground, RunRequest::Play);
    }
    std::vector<FrameTimes> recorded;
    if (!options.frame_stats.empty()) recorded.reserve(static_cast<size_t>(options.frames));

    using Clock = std::chrono::steady_clock;
    auto ms_since = [](Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); };
    Clock::time_point frame_start = Clock::now();
    Clock::time_point last_save_check = frame_start;
    bool drawn_since_save_check = false;
    constexpr int kSettleFrames = 3;
    int settle_frames = kSettleFrames;
    bool was_moving = false;  // a job or a run under way when the last frame was drawn
    for (int frame = 0; !state.quit && !window_should_close(window); ++frame) {
        if (state.ui.fonts_dirty) rebuild_fonts(window, state);
        // Draw only when something moves. With nothing to show the loop waits for input for as long as
        // it takes (input, a resize, focus or the window shown again wake it), so an idle window costs
        // nothing. While a network is computed, wake often enough for its progress bar and to show the
        // result as soon as it is there. While the playground trains, draw at 60 frames per second: wait
        // out the rest of each 1/60 s (input still wakes the loop at once), so the window never takes a
        // core from training by spinning. After input, a few frames follow at once: ImGui shows a popup
        // or a resized window a frame or two after the click that asked for it.
        double wait = kWaitForInput;
        // a recording trains on a worker (wake for its progress bar), then draws its frames a few at a
        // time after each frame (draw the next frame at once)
        const bool computing = gradient_panel_busy(state) || recording_busy(state);
        const bool animating = state.lab == Lab::Playground && playground_animating(state);
        if (computing) wait = 0.05;
        if (recording_drawing(state)) wait = 0.0;
        if (animating) wait = std::max(0.0, 1.0 / 60.0 - ms_since(frame_start) / 1000.0);
        // the last result or snapshot in, a plot may still fit its view to it in the next frame
        if (was_moving && !computing && !animating) settle_frames = std::max(settle_frames, 2);
        was_moving = computing || animating;
        if (settle_frames > 0) {
            wait = 0.0;
            --settle_frames;
        }
        if (imgui_settling()) wait = 0.0;
        if (counted) wait = 0.0;
        // Settings are looked at once a second while frames are drawn; before waiting for input, the
        // frames since the last look are looked at when that second is up.
        if (wait == kWaitForInput && drawn_since_save_check && !counted) {
            const double due = 1.0 - std::chrono::duration<double>(Clock::now() - last_save_check).count();
            if (due > 0.0) {
                wait = due;
            } else {
                last_save_check = Clock::now();
                drawn_since_save_check = false;
                save_if_changed();
            }
        }
        wait_events(window, wait);
        if (take_input_seen(window)) settle_frames = kSettleFrames;
        frame_start = Clock::now();
        // The frame's parts (app/frame_stats.h); GL finishing is timed only while someone looks at it.
        const bool timing = state.ui.show_frame_times || !options.frame_stats.empty();
        FrameTimes times;
        take_gl_work();  // what came before this frame (fonts, exports) is not its own
        const std::string status_before = state.status.text;
        begin_frame(window);
        set_fullscreen(window, state.ui.fullscreen);
        state.session.dropped = take_dropped_paths(window);
        ui_frame(state, take_key_presses(window));
        ImGui::Render();
        const double gl_in_build = take_gl_work();
        times.cpu = ms_since(frame_start) - gl_in_build;
        Clock::time_point t = Clock::now();
        render_frame(window, ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);  // the main window's colour
        times.submit = ms_since(t) + gl_in_build;
        if (timing) {
            t = Clock::now();
            finish_gl();
            times.finish = ms_since(t);
        }
        if (state.ui.screenshot) save_screenshot(state, window);
        service_exports(state);
        // a message set after the status line was drawn (an export written) shows in the next frame
        if (state.status.text != status_before) settle_frames = std::max(settle_frames, 1);
        t = Clock::now();
        present(window);
        times.swap = ms_since(t);
        times.total = ms_since(frame_start);
        playground_frame_presented(state);
        state.frame_times.add(times);
        if (!options.frame_stats.empty()) recorded.push_back(times);
        drawn_since_save_check = true;
        if (!counted && frame_start - last_save_check >= std::chrono::seconds(1)) {
            last_save_check = frame_start;
            drawn_since_save_check = false;
            save_if_changed();
        }
        if (counted && frame + 1 >= options.frames) break;
    }

    int code = 0;
    if (!options.frame_stats.empty()) {
        std::string problem;
        if (!write_file_atomic(options.frame_stats, frame_csv(recorded), &problem)) {
            std::fprintf(stderr, "actlab: --frame-stats: %s\n", problem.c_str());
            code = 1;
        }
    }
    if (!counted) save_if_changed();
    plot::DestroyContext(plots);
    release_playground_gl(state);
    release_gated_gl(state);
    close_window(&window);
    return code;
}

}  // namespace actlab::app
