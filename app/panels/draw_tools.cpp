#include "app/panels/draw_tools.h"

#include "app/files.h"
#include "app/model/playground_model.h"
#include "app/panels/lab_layout.h"
#include "app/panels/panel_widgets.h"
#include "app/plot/text_format.h"
#include "app/ui_items.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace actlab::app {

namespace {

constexpr ImU32 kInk = IM_COL32(30, 30, 30, 255);
constexpr ImU32 kProblemInk = IM_COL32(190, 30, 30, 255);
constexpr float kRadiusSlider = 6.0f;  // font heights
constexpr float kTargetSlider = 6.0f;
// A right-click removes the nearest point within this many font heights of the mouse.
constexpr float kRemoveReach = 0.6f;
// A drag drops a dab of points each time the mouse has gone this share of the spray radius from the last.
constexpr double kDabSpacing = 0.75;

// The kinds of empty plane "Clear: draw your own" makes.
struct PlaneKind {
    int classes;
    const char* label;
};
constexpr PlaneKind kPlaneKinds[] = {
    {2, "two classes"}, {3, "3 classes"}, {4, "4 classes"}, {5, "5 classes"}, {0, "regression"},
};

const char* draw_label(const DrawState& d) { return d.on ? "Drawing: on###draw" : "Draw###draw"; }
const char* kClear = "Clear: draw your own";
const char* kSave = "Save as CSV…";

const char* plane_label(int classes) {
    for (const PlaneKind& k : kPlaneKinds)
        if (k.classes == classes) return k.label;
    return kPlaneKinds[0].label;
}

// The classes the points have (2 until something is loaded or drawn), and the label a click adds.
int point_classes(const PlaygroundState& p) { return p.data.size() > 0 || p.drawn ? p.data.classes : 2; }
double click_label(const PlaygroundState& p) {
    const int classes = point_classes(p);
    return classes == 0 ? p.draw.target : std::clamp(p.draw.label, 0, classes - 1);
}
ImU32 click_color(const PlaygroundState& p) {
    const int classes = point_classes(p);
    return classes == 0 ? target_color(p.draw.target, DrawState::kMaxTarget)
                        : data_class_color(std::clamp(p.draw.label, 0, classes - 1));
}

// The widths of the row's items, in order, for wrapping and for its height.
std::vector<float> item_widths(const PlaygroundState& p) {
    const float fs = ImGui::GetFontSize();
    std::vector<float> w;
    w.push_back(button_width(draw_label(p.draw)));
    const int classes = point_classes(p);
    if (classes == 0) {
        w.push_back(kTargetSlider * fs);
    } else {
        for (int k = 0; k < classes; ++k) w.push_back(button_width(class_name(k, classes).c_str()) + 0.6f * fs);
    }
    w.push_back(kRadiusSlider * fs);
    w.push_back(button_width("Undo"));
    w.push_back(button_width(kClear));
    w.push_back(button_width("regression") + ImGui::GetFrameHeight());
    w.push_back(button_width(kSave));
    return w;
}

// The rows the items take in `width`, as same_line_or_wrap puts them.
int rows_for(const std::vector<float>& widths, float width) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    int rows = 1;
    float used = 0.0f;
    for (float w : widths) {
        if (used > 0.0f && used + gap + w > width) {
            ++rows;
            used = 0.0f;
        }
        used += (used > 0.0f ? gap : 0.0f) + w;
    }
    return rows;
}

// A class's button: filled with its colour, framed in ink when it is the one a click adds.
void class_button(PlaygroundState& p, int k, int classes, float width) {
    const std::string name = class_name(k, classes);
    const bool chosen = std::clamp(p.draw.label, 0, classes - 1) == k;
    const ImU32 color = data_class_color(k);
    ImGui::PushID(k);
    ImGui::PushStyleColor(ImGuiCol_Button, color);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, color);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_Border, kInk);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, chosen ? 0.2f * ImGui::GetFontSize() : 0.0f);
    if (ImGui::Button(name.c_str(), ImVec2(width, 0))) {
        p.draw.label = k;
        p.draw.on = true;  // picking what to draw means drawing
        p.picking_point = false;
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    record_item(("Class " + name).c_str());
    item_tip("A click on the plane adds a point of class %s; a drag sprays several", name.c_str());
    ImGui::PopID();
}

void save_popup(PlaygroundState& p) {
    DrawState& d = p.draw;
    const float fs = ImGui::GetFontSize();
    if (d.save_open) {
        ImGui::OpenPopup("##save-points");
        if (d.save_path.empty()) d.save_path = (p.csv_folder.empty() ? std::string("~") : p.csv_folder) + "/drawn.csv";
        d.save_open = false;
    }
    if (!ImGui::BeginPopup("##save-points")) return;
    ImGui::TextUnformatted("Save the points as CSV (x1,x2,label), as Load reads them back:");
    ImGui::SetNextItemWidth(24.0f * fs);
    const bool enter = ImGui::InputText("##save-path", &d.save_path, ImGuiInputTextFlags_EnterReturnsTrue);
    record_item("Save path");
    ImGui::SameLine();
    if (ImGui::Button("Save") || enter) d.save = d.save_path;
    record_item("Save");
    ImGui::SameLine();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    record_item("Close");
    if (!d.save_message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, d.save_failed ? kProblemInk : ImGui::GetColorU32(ImGuiCol_Text));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 30.0f * fs);
        ImGui::TextUnformatted(d.save_message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::EndPopup();
}

// Why the drawn points are not trained on, at the foot of the plane (over it, so that nothing moves
// while points are added): red on white, in a frame, wrapped to the plane's width.
void problem_note(const std::string& text, const PlotClick& at) {
    const float fs = ImGui::GetFontSize();
    const float wrap = std::max(4.0f * fs, at.area_max.x - at.area_min.x - 3.0f * fs);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    // above the mouse's readout in the bottom right corner
    const ImVec2 at_text(0.5f * (at.area_min.x + at.area_max.x - size.x), at.area_max.y - size.y - 2.6f * fs);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(at.area_min, at.area_max, true);
    const ImVec2 lo(at_text.x - 0.5f * fs, at_text.y - 0.3f * fs), hi(at_text.x + size.x + 0.5f * fs, at_text.y + size.y + 0.3f * fs);
    dl->AddRectFilled(lo, hi, IM_COL32(255, 255, 255, 240), 0.25f * fs);
    dl->AddRect(lo, hi, kProblemInk, 0.25f * fs, 0, 0.12f * fs);
    dl->AddText(ImGui::GetFont(), fs, at_text, kProblemInk, text.c_str(), nullptr, wrap);
    dl->PopClipRect();
    record_rect("Drawing problem", lo, hi);
}

}  // namespace

void toggle_drawing(PlaygroundState& p) {
    p.draw.on = !p.draw.on;
    p.draw.pressed = p.draw.spraying = false;
    if (p.draw.on) p.picking_point = false;  // a click draws now
}

float draw_tool_row_height(const PlaygroundState& p, float width) {
    if (!p.draw.on) return 0.0f;
    return ImGui::GetFrameHeightWithSpacing() * static_cast<float>(rows_for(item_widths(p), width));
}

void draw_tool_row(PlaygroundState& p) {
    DrawState& d = p.draw;
    if (!d.on) return;
    const float fs = ImGui::GetFontSize();
    const std::vector<float> widths = item_widths(p);
    size_t item = 0;
    const auto next = [&] { same_line_or_wrap(widths[std::min(item++, widths.size() - 1)]); };
    ImGui::PushID("draw-tools");
    // Draw: in ink when on, so the mode reads from afar
    const bool on = d.on;  // the colours pushed are popped, whatever the click does
    if (on) {
        ImGui::PushStyleColor(ImGuiCol_Button, kInk);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(70, 70, 70, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    }
    if (ImGui::Button(draw_label(d))) toggle_drawing(p);
    if (on) ImGui::PopStyleColor(3);
    record_item("Draw");
    item_tip("Draw points on the plane (D): a click adds one of the chosen class, a drag sprays several, a right-click "
             "removes the nearest, Ctrl+Z undoes. Each change trains again from the start on the points.");
    ++item;
    const int classes = point_classes(p);
    if (classes == 0) {
        next();
        ImGui::SetNextItemWidth(kTargetSlider * fs);
        if (value_slider("##target", &d.target, -DrawState::kMaxTarget, DrawState::kMaxTarget, "target %.2f")) d.on = true;
        record_item("Target");
        item_tip("The value a click adds (blue above 0, orange below)");
    } else {
        for (int k = 0; k < classes; ++k) {
            next();
            class_button(p, k, classes, widths[item - 1]);
        }
    }
    next();
    ImGui::SetNextItemWidth(kRadiusSlider * fs);
    value_slider("##spray", &d.radius, DrawState::kMinRadius, DrawState::kMaxRadius, "spray %.1f");
    record_item("Spray radius");
    item_tip("How far from the mouse a drag scatters its points (in the plane's units)");
    next();
    ImGui::BeginDisabled(d.undo.empty());
    if (ImGui::Button("Undo")) request_draw(p, {DrawEdit::Kind::Undo});
    ImGui::EndDisabled();
    record_item("Undo");
    item_tip("Take the last change to the points back (Ctrl+Z); up to %d steps", DrawState::kMaxUndo);
    next();
    if (ImGui::Button(kClear)) {
        DrawEdit clear{DrawEdit::Kind::Clear};
        clear.classes = d.clear_classes;
        request_draw(p, clear);
        d.on = true;
        p.picking_point = false;
    }
    record_item(kClear);
    item_tip("An empty plane of the kind beside, to draw on (Undo brings the points back)");
    next();
    ImGui::SetNextItemWidth(widths[item - 1]);
    if (ImGui::BeginCombo("##plane-kind", plane_label(d.clear_classes))) {
        for (const PlaneKind& k : kPlaneKinds)
            if (ImGui::Selectable(k.label, k.classes == d.clear_classes)) d.clear_classes = k.classes;
        ImGui::EndCombo();
    }
    record_item("Plane kind");
    item_tip("What Clear makes: points of two classes (−1, +1), of 3 to 5 classes, or with a value each (regression)");
    next();
    if (ImGui::Button(kSave)) d.save_open = true;
    record_item(kSave);
    item_tip("Write the points to a CSV file (x1,x2,label) that Load reads back");
    save_popup(p);
    ImGui::PopID();
}

void draw_on_boundary(PlaygroundState& p, const PlotClick& at) {
    DrawState& d = p.draw;
    if (drawing_blocked(p)) problem_note(d.problem, at);
    if (!d.on) {
        d.pressed = d.spraying = false;
        // the way in, in the plane's top right corner (empty in every generated dataset), taking no room
        const float pad = 0.4f * ImGui::GetFontSize();
        const char* label = "Draw points";
        const ImVec2 back = ImGui::GetCursorScreenPos();
        if (at.area_max.x - at.area_min.x > 2 * (button_width(label) + pad)) {
            ImGui::SetCursorScreenPos(ImVec2(at.area_max.x - button_width(label) - pad, at.area_min.y + pad));
            if (ImGui::Button(label)) toggle_drawing(p);
            record_item("Draw");
            item_tip("Draw points on the plane (D): a click adds one, a drag sprays several, a right-click removes one");
            ImGui::SetCursorScreenPos(back);
        }
        return;
    }
    const double label = click_label(p);
    // a press on the plane: a click when let go where it went down, a drag (a spray) once it moves
    if (at.hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        d.pressed = true;
        d.spraying = false;
        d.press_x1 = at.mouse_x;
        d.press_x2 = at.mouse_y;
    }
    if (d.pressed && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        if (!d.spraying && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            d.spraying = true;
            DrawEdit dab{DrawEdit::Kind::Spray, d.press_x1, d.press_x2, label, d.radius, true};
            request_draw(p, dab);
            d.dab_x1 = d.press_x1;
            d.dab_x2 = d.press_x2;
        }
        if (d.spraying && std::hypot(at.mouse_x - d.dab_x1, at.mouse_y - d.dab_x2) >= kDabSpacing * d.radius) {
            DrawEdit dab{DrawEdit::Kind::Spray, at.mouse_x, at.mouse_y, label, d.radius, false};
            request_draw(p, dab);
            d.dab_x1 = at.mouse_x;
            d.dab_x2 = at.mouse_y;
        }
    }
    if (d.pressed && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        if (!d.spraying) request_draw(p, {DrawEdit::Kind::Add, d.press_x1, d.press_x2, label, 0.0, true});
        d.pressed = d.spraying = false;
    }
    if (at.hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right))
        request_draw(p, {DrawEdit::Kind::Remove, at.mouse_x, at.mouse_y, 0.0, kRemoveReach * ImGui::GetFontSize() * at.per_pixel});

    // The mode, plain from the back of the room: the data area framed in the colour a click adds, a
    // dark tag saying what the mouse does, and the spray's reach around the mouse.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fs = ImGui::GetFontSize();
    const ImU32 color = click_color(p);
    dl->PushClipRect(at.area_min, at.area_max, true);
    const float frame = 0.3f * fs;
    dl->AddRect(ImVec2(at.area_min.x + 0.5f * frame, at.area_min.y + 0.5f * frame),
                ImVec2(at.area_max.x - 0.5f * frame, at.area_max.y - 0.5f * frame), color, 0.0f, 0, frame);
    const int classes = point_classes(p);
    const std::string what = classes == 0 ? "target " + plot::format_decimals(d.target, 2)
                                          : "class " + class_name(std::clamp(d.label, 0, classes - 1), classes);
    // the whole of what the mouse does when the plane is wide enough, else the mode and the class
    const float room = at.area_max.x - at.area_min.x - 2 * frame - 3.2f * fs;
    std::string tag = "DRAWING " + what + ":  click adds · drag sprays · right-click removes · Ctrl+Z undoes";
    if (ImGui::CalcTextSize(tag.c_str()).x > room) tag = "DRAWING " + what + ":  right-click removes";
    if (ImGui::CalcTextSize(tag.c_str()).x > room) tag = "DRAWING " + what;
    const ImVec2 size = ImGui::CalcTextSize(tag.c_str());
    const ImVec2 at_text(at.area_min.x + frame + 0.5f * fs + 1.2f * fs, at.area_min.y + frame + 0.35f * fs);
    dl->AddRectFilled(ImVec2(at_text.x - 1.4f * fs, at_text.y - 0.25f * fs),
                      ImVec2(at_text.x + size.x + 0.5f * fs, at_text.y + size.y + 0.25f * fs), IM_COL32(30, 30, 30, 225),
                      0.25f * fs);
    dl->AddCircleFilled(ImVec2(at_text.x - 0.7f * fs, at_text.y + 0.5f * size.y), 0.4f * fs, color);
    dl->AddCircle(ImVec2(at_text.x - 0.7f * fs, at_text.y + 0.5f * size.y), 0.4f * fs, IM_COL32(255, 255, 255, 255), 16,
                  0.08f * fs);
    dl->AddText(at_text, IM_COL32(255, 255, 255, 255), tag.c_str());
    if (at.hovered && at.per_pixel > 0) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const float reach = static_cast<float>(d.radius / at.per_pixel);
        dl->AddCircle(mouse, reach, IM_COL32(255, 255, 255, 200), 48, 0.25f * fs);
        dl->AddCircle(mouse, reach, color, 48, 0.12f * fs);
        dl->AddCircleFilled(mouse, 0.25f * fs, color);
    }
    dl->PopClipRect();
}

}  // namespace actlab::app
