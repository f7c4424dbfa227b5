#include "app/figures/race_figure.h"

#include "app/figures/activation_figure.h"
#include "app/figures/loss_figure.h"
#include "app/figures/series_looks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

constexpr ImU32 kTargetColor = IM_COL32(70, 70, 70, 255);
constexpr ImU32 kWarnColor = IM_COL32(190, 30, 30, 255);

ImVec4 to_vec4(ImU32 color) { return ImGui::ColorConvertU32ToFloat4(color); }

ImFont* title_font() {
    ImFont* font = plot::GetStyle().title_font;
    return font ? font : ImGui::GetFont();
}

std::string format(const char* fmt, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

// "test accuracy 97.6 %": how a runner ended (or stands, while it runs).
std::string final_accuracy(const RaceResult& race, const RaceEntry& e) {
    if (e.history.empty()) return "—";
    return race.classification ? format("%.1f %%", 100.0 * e.history.back().test_accuracy) : "—";
}

// Where a runner stands against the target: "123", "not within 500", "not yet (epoch 80)".
std::string epochs_text(const RaceResult& race, const RaceEntry& e) {
    const int reached = race_epochs_to_target(race, e);
    if (reached >= 0) return std::to_string(reached);
    const int last = e.history.empty() ? 0 : e.history.back().epoch;
    if (e.divergence.happened) return "blew up (epoch " + std::to_string(e.divergence.epoch) + ")";
    if (last < race.epochs) return "not yet (epoch " + std::to_string(last) + ")";
    return "not within " + std::to_string(race.epochs);
}

// The runner that reached the target first (ties: the lower final test loss), or -1 when none did.
int race_winner(const RaceResult& race) {
    int best = -1;
    for (int i = 0; i < static_cast<int>(race.entries.size()); ++i) {
        const int e = race_epochs_to_target(race, race.entries[i]);
        if (e < 0) continue;
        if (best < 0) {
            best = i;
            continue;
        }
        const int b = race_epochs_to_target(race, race.entries[best]);
        if (e < b || (e == b && race.entries[i].history.back().test_loss < race.entries[best].history.back().test_loss))
            best = i;
    }
    return best;
}

}  // namespace

core::TrainConfig race_config(const core::TrainConfig& base, int activation) {
    core::TrainConfig c = base;
    for (core::HiddenLayer& h : c.hidden) h = core::hidden_layer(h.units, activation);
    return c;
}

int race_epochs_to_target(const RaceResult& race, const RaceEntry& entry) {
    return core::first_epoch_reaching(entry.history, race.target_loss);
}

RaceResult train_race(const core::TrainConfig& base, const core::Dataset& data, const std::string& data_name,
                      const std::vector<int>& activations, int epochs, double target_loss, int grid_points) {
    RaceResult race;
    race.target_loss = target_loss;
    race.epochs = epochs;
    race.classification = data.classes > 0;
    race.subtitle = describe_training(base, data, data_name, false);
    core::DecisionGrid grid;
    for (int activation : activations) {
        RaceEntry entry;
        entry.activation = activation;
        const core::TrainConfig config = race_config(base, activation);
        core::Training run(config, data);
        for (int e = 0; e < epochs; ++e) {
            if (!run.run_epoch()) break;
            entry.history.push_back(run.evaluate());
        }
        entry.divergence = run.divergence();
        make_boundary_picture(config, data, data_name, run.network(),
                              entry.history.empty() ? nullptr : &entry.history.back(), grid_points, &entry.picture,
                              &grid);
        race.entries.push_back(std::move(entry));
    }
    return race;
}

std::string race_csv(const RaceResult& race) {
    std::string text = "activation,epoch,train_loss,test_loss,train_accuracy,test_accuracy\n";
    char line[200];
    for (const RaceEntry& e : race.entries) {
        const char* id = core::activation(e.activation).id;
        for (const core::EpochRecord& r : e.history) {
            if (race.classification)
                std::snprintf(line, sizeof line, "%s,%d,%.17g,%.17g,%.17g,%.17g\n", id, r.epoch, r.train_loss,
                              r.test_loss, r.train_accuracy, r.test_accuracy);
            else
                std::snprintf(line, sizeof line, "%s,%d,%.17g,%.17g,,\n", id, r.epoch, r.train_loss, r.test_loss);
            text += line;
        }
    }
    return text;
}

void draw_race_boundaries(const RaceResult& race, const std::vector<const HeatmapTexture*>& textures,
                          HeatmapPainter* painter, ImVec2 size, plot::PlotFlags flags, bool refit) {
    const int k = static_cast<int>(race.entries.size());
    if (k == 0) return;
    const float fs = ImGui::GetFontSize();
    ImFont* big = title_font();
    const float gap = 1.2f * fs;
    const float name_h = big->FontSize + 0.5f * fs;          // the activation's name and its colour bar
    const float status_h = ImGui::GetTextLineHeightWithSpacing();
    const float cell_w = (size.x - gap * (k - 1)) / k;
    const float side = std::max(4.0f * fs, std::min(cell_w, size.y - name_h - status_h));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* wl = ImGui::GetWindowDrawList();
    for (int i = 0; i < k; ++i) {
        const RaceEntry& e = race.entries[i];
        const ImU32 color = series_look(i).color;  // runners in the order of the race, a colour each
        // each cell centred in its share of the width
        const float x0 = origin.x + i * (cell_w + gap) + 0.5f * (cell_w - side);
        const std::string name = core::activation(e.activation).label;
        wl->AddText(big, big->FontSize, ImVec2(x0, origin.y), color, name.c_str());
        // the epoch it has reached, at the right of its name
        if (!e.history.empty()) {
            const std::string epoch = "epoch " + std::to_string(e.history.back().epoch);
            const float w = ImGui::CalcTextSize(epoch.c_str()).x;
            wl->AddText(ImVec2(x0 + side - w, origin.y + big->FontSize - ImGui::GetFontSize()), IM_COL32(90, 90, 90, 255),
                        epoch.c_str());
        }
        wl->AddRectFilled(ImVec2(x0, origin.y + big->FontSize + 0.12f * fs),
                          ImVec2(x0 + side, origin.y + big->FontSize + 0.38f * fs), color);
        ImGui::SetCursorScreenPos(ImVec2(x0, origin.y + name_h));
        ImGui::PushID(i);
        const bool has_texture = i < static_cast<int>(textures.size()) && textures[i] && !textures[i]->empty();
        if (plot::BeginPlot("##race boundary", ImVec2(side, side),
                            flags | plot::PlotFlags_NoTitle | plot::PlotFlags_NoLegend)) {
            plot::SetupAxes("", "");
            const core::GridSpec& g = e.picture.spec;
            plot::SetupAxesLimits({g.x_min, g.x_max, g.y_min, g.y_max}, refit ? plot::Cond_Always : plot::Cond_Once);
            if (has_texture) draw_boundary_items(e.picture, *textures[i], painter);
            plot::EndPlot();
        }
        ImGui::PopID();
        // under it: where the runner stands
        std::string status;
        ImU32 status_color = plot::GetStyle().text;
        if (e.divergence.happened) {
            status = "blew up in epoch " + std::to_string(e.divergence.epoch);
            status_color = kWarnColor;
        } else if (!e.history.empty()) {
            const core::EpochRecord& r = e.history.back();
            status = race.classification ? format("test accuracy %.1f %%", 100.0 * r.test_accuracy) +
                                               format(" · loss %.3g", r.test_loss)
                                         : format("test loss %.3g", r.test_loss);
        }
        wl->AddText(ImVec2(x0, origin.y + name_h + side + 0.2f * fs), status_color, status.c_str());
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(size.x, name_h + side + status_h));
}

void draw_race_losses(const RaceResult& race, ImVec2 size, plot::PlotFlags flags, bool refit) {
    // a log axis over every finite test loss and the target, in whole decades
    double lo = race.target_loss, hi = race.target_loss;
    for (const RaceEntry& e : race.entries)
        for (const core::EpochRecord& r : e.history)
            if (r.test_loss > 0 && std::isfinite(r.test_loss)) {
                lo = std::min(lo, r.test_loss);
                hi = std::max(hi, r.test_loss);
            }
    plot::Limits home;
    home.x_min = 0;
    home.x_max = std::max(1, race.epochs);
    home.y_min = std::pow(10.0, std::floor(std::log10(lo)));
    home.y_max = std::pow(10.0, std::ceil(std::log10(hi)));
    if (home.y_max <= home.y_min) home.y_max = home.y_min * 10;
    if (!plot::BeginPlot("Test loss over training##race losses", size, flags)) return;
    plot::SetupAxes("epoch", "test loss (log scale)");
    plot::SetupAxisScale(plot::Axis_Y, plot::Scale_Log10);
    plot::SetupAxesLimits(home, refit ? plot::Cond_Always : plot::Cond_Once);
    plot::SetupLegend(plot::Location_Best);  // where the curves leave room: that depends on who is winning
    const std::string target = "target " + format("%g", race.target_loss);
    plot::PlotHLine(target.c_str(), race.target_loss, {kTargetColor, 1.5f, true});
    std::vector<double> xs, ys;
    for (int i = 0; i < static_cast<int>(race.entries.size()); ++i) {
        const RaceEntry& e = race.entries[i];
        const SeriesLook s = series_look(i);
        const int n = static_cast<int>(e.history.size());
        xs.resize(n);
        ys.resize(n);
        for (int j = 0; j < n; ++j) {
            xs[j] = e.history[j].epoch;
            ys[j] = e.history[j].test_loss;
        }
        plot::PlotLine(core::activation(e.activation).label, xs.data(), ys.data(), n, {s.color, 2.5f, s.line, s.marker});
        // where it crossed the target: a dot on the dashed line
        const int reached = race_epochs_to_target(race, e);
        if (reached >= 0) plot::PlotMarker(reached, race.target_loss, s.color, 6.0f);
    }
    plot::EndPlot();
}

void draw_race_table(const RaceResult& race, float width) {
    const int winner = race_winner(race);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    const float fs = ImGui::GetFontSize();
    // roomy rows: the table is read from the back of a room
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(0.5f * fs, 0.35f * fs));
    const bool open = ImGui::BeginTable("##race table", 4, flags, ImVec2(width, 0));
    ImGui::PopStyleVar();
    if (!open) return;
    const std::string reach = "epochs to reach " + format("%g", race.target_loss);
    ImGui::TableSetupColumn("activation", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(reach.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("test loss", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("test accuracy", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (int i = 0; i < static_cast<int>(race.entries.size()); ++i) {
        const RaceEntry& e = race.entries[i];
        ImGui::TableNextRow();
        if (i == winner) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(255, 244, 200, 255));
        ImGui::TableNextColumn();
        ImGui::TextColored(to_vec4(series_look(i).color), "%s%s", core::activation(e.activation).label,
                           i == winner ? "  (first)" : "");
        ImGui::TableNextColumn();
        const std::string reached = epochs_text(race, e);
        if (race_epochs_to_target(race, e) < 0)
            ImGui::TextColored(to_vec4(e.divergence.happened ? kWarnColor : IM_COL32(110, 110, 110, 255)), "%s",
                               reached.c_str());
        else
            ImGui::TextUnformatted(reached.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.history.empty() ? "—" : format("%.3g", e.history.back().test_loss).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(final_accuracy(race, e).c_str());
    }
    ImGui::EndTable();
}

void draw_race_figure(const RaceResult& race, const std::vector<const HeatmapTexture*>& textures,
                      HeatmapPainter* painter, ImVec2 size, plot::PlotFlags flags, bool refit) {
    const float fs = ImGui::GetFontSize();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::PushFont(title_font());
    const std::string title = "Activation race: " + race.subtitle + " · " + std::to_string(race.epochs) + " epochs";
    ImGui::SetCursorScreenPos(ImVec2(start.x + 0.5f * fs, start.y + 0.3f * fs));
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(90, 90, 90, 255));
    ImGui::SetCursorScreenPos(ImVec2(start.x + 0.5f * fs, ImGui::GetCursorScreenPos().y));
    ImGui::TextUnformatted("The same network from the same initial weights on the same data; only the hidden "
                           "activation differs.");
    ImGui::PopStyleColor();
    const float used = ImGui::GetCursorScreenPos().y - start.y + 0.4f * fs;
    const float rest = size.y - used;
    const float pad = 0.5f * fs;
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + used));
    draw_race_boundaries(race, textures, painter, ImVec2(size.x - 2 * pad, 0.5f * rest), flags, refit);
    const float below = start.y + size.y - ImGui::GetCursorScreenPos().y - 0.6f * fs;
    const float loss_w = 0.58f * size.x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(start.x, at.y + 0.6f * fs));
    draw_race_losses(race, ImVec2(loss_w, below), flags, refit);
    ImGui::SetCursorScreenPos(ImVec2(start.x + loss_w + fs, at.y + 2.2f * fs));
    ImGui::BeginGroup();
    draw_race_table(race, size.x - loss_w - 2 * fs);
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(90, 90, 90, 255));
    ImGui::PushTextWrapPos(start.x + size.x - fs);
    const int classes = race.entries.empty() ? 2 : race.entries[0].picture.train.classes;
    const char* colours = classes == 2   ? "orange and blue are the two classes"
                          : classes == 0 ? "the colour is the target, orange below 0 and blue above"
                                         : "each class has its colour";
    ImGui::TextWrapped("%sBoundaries: %s; points ringed in white were trained on, points ringed in black are "
                       "the test points. Curves: the test "
                       "loss per epoch; each dot marks where a runner first reached the dashed target.",
                       race_winner(race) >= 0 ? "The row marked first reached the target in the fewest epochs. " : "",
                       colours);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::EndGroup();
}

const char* race_keys_help() {
    static const std::string help =
        std::string("  race=sigmoid,tanh,relu,gelu   the runners: 2 to 4 activations, each used in every hidden layer\n"
                    "  race_loss=0.05            the test loss to race to (the table counts the epochs to reach it)\n") +
        training_keys_help() + "  (activation= is not read: race= names the runners; epochs= is the race's length)\n";
    return help.c_str();
}

Figure race_export_figure(std::shared_ptr<const RaceResult> race, const std::string& stem) {
    Figure figure;
    figure.stem = stem;
    figure.csv = [race] { return race_csv(*race); };
    // The textures and the painter's records belong to the export: made in its GL context when drawn.
    auto textures = std::make_shared<std::vector<std::unique_ptr<HeatmapTexture>>>();
    auto painter = std::make_shared<HeatmapPainter>();
    figure.draw = [race, textures, painter](ImVec2 size) {
        if (textures->empty())
            for (const RaceEntry& e : race->entries) {
                textures->push_back(std::make_unique<HeatmapTexture>());
                textures->back()->upload(e.picture.field);
            }
        std::vector<const HeatmapTexture*> shown;
        for (const auto& t : *textures) shown.push_back(t.get());
        painter->begin();
        draw_race_figure(*race, shown, painter.get(), size, plot::PlotFlags_NoInputs, true);
    };
    std::string note;
    for (const RaceEntry& e : race->entries)
        if (e.divergence.happened)
            note += std::string(note.empty() ? "" : " ") + core::activation(e.activation).label + ": " +
                    e.divergence.message();
    figure.note = note;
    return figure;
}

}  // namespace actlab::app
