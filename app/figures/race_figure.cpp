#include "app/figures/race_figure.h"

#include "app/figures/activation_figure.h"
#include "app/figures/loss_figure.h"
#include "app/plot/text_format.h"
#include "app/figures/series_looks.h"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace actlab::app {

namespace {

constexpr ImU32 kTargetColor = IM_COL32(70, 70, 70, 255);
constexpr ImU32 kWarnColor = IM_COL32(190, 30, 30, 255);

// Text broken into lines at its spaces only (ImGui would also break after a "." and cut "0.00285"),
// each line as wide as `width` at most unless one word is wider.
std::vector<std::string> word_lines(const std::string& text, float width) {
    std::vector<std::string> lines;
    std::string line;
    for (size_t from = 0; from <= text.size();) {
        const size_t space = text.find(' ', from);
        const std::string word = text.substr(from, space == std::string::npos ? std::string::npos : space - from);
        const std::string joined = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(joined.c_str()).x > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = joined;
        }
        if (space == std::string::npos) break;
        from = space + 1;
    }
    lines.push_back(line);
    return lines;
}

// The widest word of a text: the least its column can be.
float widest_word(const std::string& text) {
    float widest = 0;
    for (const std::string& w : word_lines(text, 0.0f)) widest = std::max(widest, ImGui::CalcTextSize(w.c_str()).x);
    return widest;
}

// A runner's status in lines of `width`: broken between its " · " parts, and inside a part only at
// its spaces.
std::vector<std::string> status_lines(const std::string& status, float width) {
    std::vector<std::string> lines;
    std::string line;
    for (size_t from = 0; from <= status.size();) {
        const size_t dot = status.find(" · ", from);
        const std::string part = status.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
        const std::string joined = line.empty() ? part : line + " · " + part;
        if (ImGui::CalcTextSize(joined.c_str()).x <= width) {
            line = joined;
        } else {
            if (!line.empty()) lines.push_back(line);
            std::vector<std::string> words = word_lines(part, width);
            line = words.back();
            words.pop_back();
            lines.insert(lines.end(), words.begin(), words.end());
        }
        if (dot == std::string::npos) break;
        from = dot + std::string(" · ").size();
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

// How many of k boundaries go side by side in `width`: all, or fewer (half, then one) where a cell
// would be narrower than 8 font heights.
int race_boundary_columns(int k, float width, float fs) {
    const float gap = 1.2f * fs;
    for (int columns : {k, (k + 1) / 2, 1})
        if (columns >= 1 && (width - gap * (columns - 1)) / columns >= 8.0f * fs) return columns;
    return 1;
}

ImFont* title_font() {
    ImFont* font = plot::GetStyle().title_font;
    return font ? font : ImGui::GetFont();
}

// a no-break space keeps the number with its sign
std::string percent(double share) { return plot::format_decimals(100.0 * share, 1) + "\u00A0%"; }

// "97.6 %": how a runner ended (or stands, while it runs).
std::string final_accuracy(const RaceResult& race, const RaceEntry& e) {
    if (e.history.empty()) return "—";
    return race.classification ? percent(e.history.back().test_accuracy) : "—";
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

}  // namespace

std::vector<int> race_leaders(const RaceResult& race) {
    int fewest = -1;
    for (const RaceEntry& e : race.entries) {
        const int reached = race_epochs_to_target(race, e);
        if (reached >= 0 && (fewest < 0 || reached < fewest)) fewest = reached;
    }
    if (fewest < 0) return {};
    std::vector<int> leaders;
    for (int i = 0; i < static_cast<int>(race.entries.size()); ++i) {
        const RaceEntry& e = race.entries[i];
        const int reached = race_epochs_to_target(race, e);
        if (reached == fewest) {
            leaders.push_back(i);
            continue;
        }
        if (reached >= 0) continue;  // later
        // not there yet: settled only if it has passed `fewest` epochs or stopped (blew up, or finished)
        const int last = e.history.empty() ? 0 : e.history.back().epoch;
        if (last < fewest && !e.divergence.happened && last < race.epochs) return {};
    }
    return leaders;
}

std::string runner_id(const RunnerKind& r) {
    const core::HiddenLayer layer = core::hidden_layer(1, r.activation, r.gated);
    return hidden_layer_id(layer) + (r.units > 0 ? ":" + std::to_string(r.units) : "");
}

std::string runner_label(const RunnerKind& r) {
    const core::HiddenLayer layer = core::hidden_layer(1, r.activation, r.gated);
    if (r.units <= 0) return hidden_layer_label(layer);
    return hidden_layer_label(layer) + " · " + std::to_string(r.units) + (r.gated ? " gated" : "") +
           (r.units == 1 ? " unit" : " units");
}

bool parse_runner(const std::string& text, RunnerKind* runner, std::string* why) {
    RunnerKind r;
    std::string name = text;
    const size_t colon = text.find(':');
    if (colon != std::string::npos) {
        name = text.substr(0, colon);
        const std::string units = text.substr(colon + 1);
        char* end = nullptr;
        const long n = units.empty() ? 0 : std::strtol(units.c_str(), &end, 10);
        if (units.empty() || *end != '\0' || n < 1 || n > core::kMaxUnits) {
            *why = "'" + text + "': units after ':' are 1 to " + std::to_string(core::kMaxUnits);
            return false;
        }
        r.units = static_cast<int>(n);
    }
    const core::GatedVariant* v = core::find_gated_variant(name);
    std::string id = v ? v->gate : name;
    r.gated = v != nullptr;
    if (!v && id.rfind("gated_", 0) == 0) {
        id = id.substr(6);
        r.gated = true;
    }
    r.activation = core::activation_index(id);
    if (r.activation < 0) {
        *why = "'" + name + "' is not an activation (known: " + known_activation_ids() + "; gated: glu, swiglu, geglu, "
               "geglu_tanh, reglu, bilinear, or gated_<activation>)";
        return false;
    }
    *runner = r;
    return true;
}

core::TrainConfig race_config(const core::TrainConfig& base, const RunnerKind& runner) {
    core::TrainConfig c = base;
    for (core::HiddenLayer& h : c.hidden)
        h = core::hidden_layer(runner.units > 0 ? runner.units : h.units, runner.activation, runner.gated);
    return c;
}

int race_epochs_to_target(const RaceResult& race, const RaceEntry& entry) {
    return core::first_epoch_reaching(entry.history, race.target_loss);
}

RaceResult train_race(const core::TrainConfig& base, const core::Dataset& data, const std::string& data_name,
                      const std::vector<RunnerKind>& runners, int epochs, double target_loss, int grid_points) {
    RaceResult race;
    race.target_loss = target_loss;
    race.epochs = epochs;
    race.classification = data.classes > 0;
    race.subtitle = describe_training(base, data, data_name, false);
    core::DecisionGrid grid;
    for (const RunnerKind& runner : runners) {
        RaceEntry entry;
        entry.runner = runner;
        const core::TrainConfig config = race_config(base, runner);
        entry.parameters = core::parameter_count(core::network_spec(config, data.classes));
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
    std::string text = "runner,parameters,epoch,train_loss,test_loss,train_accuracy,test_accuracy\n";
    char line[240];
    for (const RaceEntry& e : race.entries) {
        const std::string name = runner_id(e.runner);
        const char* id = name.c_str();
        for (const core::EpochRecord& r : e.history) {
            if (race.classification)
                std::snprintf(line, sizeof line, "%s,%d,%d,%.17g,%.17g,%.17g,%.17g\n", id, e.parameters, r.epoch,
                              r.train_loss, r.test_loss, r.train_accuracy, r.test_accuracy);
            else
                std::snprintf(line, sizeof line, "%s,%d,%d,%.17g,%.17g,,\n", id, e.parameters, r.epoch, r.train_loss,
                              r.test_loss);
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
    // all in one row, or in rows of fewer where a cell would be narrower than 8 font heights
    const int columns = race_boundary_columns(k, size.x, fs);
    const int rows = (k + columns - 1) / columns;
    const float cell_w = std::floor((size.x - gap * (columns - 1)) / columns);
    // Where each runner stands, under its boundary, in lines as wide as its cell; the epoch it has
    // reached goes beside its name when both fit, else first in the status.
    std::vector<std::string> epochs(static_cast<size_t>(k));
    std::vector<std::vector<std::string>> statuses(static_cast<size_t>(k));
    std::vector<bool> epoch_beside(static_cast<size_t>(k));
    size_t most_lines = 1;
    const float side_guess = std::min(cell_w, size.y / rows - name_h - ImGui::GetTextLineHeightWithSpacing());
    for (int i = 0; i < k; ++i) {
        const RaceEntry& e = race.entries[i];
        const std::string name = runner_label(e.runner);
        std::string& epoch = epochs[static_cast<size_t>(i)];
        epoch = e.history.empty() ? "" : "epoch " + std::to_string(e.history.back().epoch);
        epoch_beside[static_cast<size_t>(i)] = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0.0f, name.c_str()).x + 0.5f * fs +
                                                   ImGui::CalcTextSize(epoch.c_str()).x <= std::max(side_guess, 4.0f * fs);
        std::string status;
        if (e.divergence.happened) {
            status = "blew up in epoch " + std::to_string(e.divergence.epoch);
        } else if (!e.history.empty()) {
            const core::EpochRecord& r = e.history.back();
            status = race.classification ? "test accuracy " + percent(r.test_accuracy) + " · loss " +
                                               plot::format_significant(r.test_loss, 3)
                                         : "test loss " + plot::format_significant(r.test_loss, 3);
        }
        if (!epoch_beside[static_cast<size_t>(i)] && !epoch.empty()) status = epoch + " · " + status;
        statuses[static_cast<size_t>(i)] = status_lines(status, cell_w);
        most_lines = std::max(most_lines, statuses[static_cast<size_t>(i)].size());
    }
    const float status_h = static_cast<float>(most_lines) * ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.y + 0.2f * fs;
    const float side = std::max(4.0f * fs, std::min(cell_w, size.y / rows - name_h - status_h));
    const float row_h = name_h + side + status_h;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImDrawList* wl = ImGui::GetWindowDrawList();
    for (int i = 0; i < k; ++i) {
        const RaceEntry& e = race.entries[i];
        const ImU32 color = series_look(i).color;  // runners in the order of the race, a colour each
        // each boundary centred in its cell, the status under it from the cell's left
        const ImVec2 origin(top.x, top.y + (i / columns) * row_h);
        const float cell_x = origin.x + (i % columns) * (cell_w + gap);
        const float x0 = cell_x + 0.5f * (cell_w - side);
        const std::string name = runner_label(e.runner);
        wl->AddText(big, big->FontSize, ImVec2(x0, origin.y), color, name.c_str());
        const std::string& epoch = epochs[static_cast<size_t>(i)];
        if (!epoch.empty() && epoch_beside[static_cast<size_t>(i)]) {
            const float epoch_w = ImGui::CalcTextSize(epoch.c_str()).x;
            wl->AddText(ImVec2(x0 + side - epoch_w, origin.y + big->FontSize - ImGui::GetFontSize()), IM_COL32(90, 90, 90, 255),
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
        const ImU32 status_color = e.divergence.happened ? kWarnColor : plot::GetStyle().text;
        float y = origin.y + name_h + side + 0.2f * fs;
        for (const std::string& line : statuses[static_cast<size_t>(i)]) {
            wl->AddText(ImVec2(cell_x, y), status_color, line.c_str());
            y += ImGui::GetTextLineHeight();
        }
    }
    ImGui::SetCursorScreenPos(top);
    ImGui::Dummy(ImVec2(size.x, rows * row_h));
}

// The least height of the boundaries at `width`: rows of boundaries of 8 font heights (or the
// cell's width), each with its name and three lines of status.
float race_boundaries_min_height(const RaceResult& race, float width) {
    const float fs = ImGui::GetFontSize();
    const int k = std::max(1, static_cast<int>(race.entries.size()));
    const int columns = race_boundary_columns(k, width, fs);
    const int rows = (k + columns - 1) / columns;
    const float cell_w = (width - 1.2f * fs * (columns - 1)) / columns;
    return rows * (title_font()->FontSize + 0.5f * fs + std::min(cell_w, 8.0f * fs) + 3 * ImGui::GetTextLineHeight() +
                   ImGui::GetStyle().ItemSpacing.y + 0.2f * fs);
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
    const std::string target = "target " + plot::format_significant(race.target_loss);
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
        plot::PlotLine(runner_label(e.runner).c_str(), xs.data(), ys.data(), n, {s.color, 2.5f, s.line, s.marker});
        // where it crossed the target: a dot on the dashed line
        const int reached = race_epochs_to_target(race, e);
        if (reached >= 0) plot::PlotMarker(reached, race.target_loss, s.color, 6.0f);
    }
    plot::EndPlot();
}

namespace {

// Text that wraps at its table column's edge instead of running past it.
void cell_text(ImU32 color, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    for (const std::string& line : word_lines(text, ImGui::GetContentRegionAvail().x)) ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
}

}  // namespace

namespace {

constexpr int kTableColumns = 5;

// The race table's texts: its headers and a row per runner, and each column's text on one line
// (ideal) and its widest word (the least it can be).
struct RaceTableText {
    std::string headers[kTableColumns];
    std::vector<std::array<std::string, kTableColumns>> rows;
    float ideal[kTableColumns], least[kTableColumns];
};

RaceTableText race_table_text(const RaceResult& race) {
    RaceTableText t;
    const std::vector<int> leaders = race_leaders(race);
    const char* mark = leaders.size() > 1 ? "  (tied first)" : "  (first)";
    auto leading = [&](int i) { return std::find(leaders.begin(), leaders.end(), i) != leaders.end(); };
    const std::string reach = "epochs to reach " + plot::format_significant(race.target_loss);
    const std::string headers[kTableColumns] = {"runner", "parameters", reach, "test loss", "test accuracy"};
    for (int c = 0; c < kTableColumns; ++c) t.headers[c] = headers[c];
    for (int i = 0; i < static_cast<int>(race.entries.size()); ++i) {
        const RaceEntry& e = race.entries[i];
        t.rows.push_back({runner_label(e.runner) + (leading(i) ? mark : ""), std::to_string(e.parameters),
                          epochs_text(race, e), e.history.empty() ? "—" : plot::format_significant(e.history.back().test_loss, 3),
                          final_accuracy(race, e)});
    }
    for (int c = 0; c < kTableColumns; ++c) {
        t.ideal[c] = ImGui::CalcTextSize(t.headers[c].c_str()).x;
        t.least[c] = widest_word(t.headers[c]);
        for (const auto& row : t.rows) {
            t.ideal[c] = std::max(t.ideal[c], ImGui::CalcTextSize(row[static_cast<size_t>(c)].c_str()).x);
            t.least[c] = std::max(t.least[c], widest_word(row[static_cast<size_t>(c)]));
        }
    }
    return t;
}

// The narrowest the table can be with every word whole in its column (at its narrower padding).
float race_table_least_width(const RaceResult& race) {
    const RaceTableText t = race_table_text(race);
    float sum = kTableColumns * (0.5f * ImGui::GetFontSize() + 1);
    for (float w : t.least) sum += w;
    return sum;
}

}  // namespace

void draw_race_table(const RaceResult& race, float width) {
    const std::vector<int> leaders = race_leaders(race);
    auto leading = [&](int i) { return std::find(leaders.begin(), leaders.end(), i) != leaders.end(); };
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    const float fs = ImGui::GetFontSize();
    const ImU32 ink = plot::GetStyle().text;
    constexpr int kColumns = kTableColumns;
    const RaceTableText text = race_table_text(race);
    const std::string* headers = text.headers;
    const auto& rows = text.rows;
    const float* ideal = text.ideal;
    const float* least = text.least;
    // The width shared in proportion to what the columns hold; where that is less than they hold, each
    // keeps its widest word and the rest is shared by what they still lack (their text wraps at spaces).
    float sum_ideal = 0, sum_least = 0;
    for (int c = 0; c < kColumns; ++c) sum_ideal += ideal[c], sum_least += least[c];
    // half a font height each side of a cell's text, a quarter where the words would not fit so
    const float roomy = 0.5f * fs;
    const float cell_pad = width - kColumns * (2 * roomy + 1) >= sum_least ? roomy : 0.25f * fs;
    const float inner = width - kColumns * (2 * cell_pad + 1);
    float column[kColumns];
    for (int c = 0; c < kColumns; ++c)
        column[c] = inner >= sum_ideal ? inner * ideal[c] / sum_ideal
                                       : least[c] + std::max(0.0f, inner - sum_least) * (ideal[c] - least[c]) /
                                                        std::max(sum_ideal - sum_least, 1.0f);
    // roomy rows: the table is read from the back of a room
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(cell_pad, 0.35f * fs));
    const bool open = ImGui::BeginTable("##race table", kColumns, flags, ImVec2(width, 0));
    ImGui::PopStyleVar();
    if (!open) return;
    for (int c = 0; c < kColumns; ++c) ImGui::TableSetupColumn(headers[c].c_str(), ImGuiTableColumnFlags_WidthFixed, std::floor(column[c]));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < kColumns; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        cell_text(ink, headers[c]);
    }
    for (int i = 0; i < static_cast<int>(race.entries.size()); ++i) {
        const RaceEntry& e = race.entries[i];
        const auto& row = rows[static_cast<size_t>(i)];
        ImGui::TableNextRow();
        if (leading(i)) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(255, 244, 200, 255));
        ImGui::TableNextColumn();
        cell_text(series_look(i).color, row[0]);
        ImGui::TableNextColumn();
        cell_text(ink, row[1]);
        ImGui::TableNextColumn();
        if (race_epochs_to_target(race, e) < 0)
            cell_text(e.divergence.happened ? kWarnColor : IM_COL32(110, 110, 110, 255), row[2]);
        else
            cell_text(ink, row[2]);
        ImGui::TableNextColumn();
        cell_text(ink, row[3]);
        ImGui::TableNextColumn();
        cell_text(ink, row[4]);
    }
    ImGui::EndTable();
}

namespace {

// Whether every runner starts from the same weights: all of one shape (none has a width of its own
// or a gate the others lack).
bool race_same_start(const RaceResult& race) {
    for (const RaceEntry& e : race.entries)
        if (e.runner.units > 0 || e.runner.gated != race.entries.front().runner.gated) return false;
    return true;
}

}  // namespace

float race_figure_min_height() {
    const float fs = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    // a title and its note on two lines each, boundaries of 6 font heights with their names and
    // status, a readable loss plot
    return 2 * (title_font()->FontSize + line) + 0.4f * fs + (title_font()->FontSize + 0.5f * fs + 6 * fs + 2 * line) +
           0.6f * fs + plot::kReadableHeight * fs;
}

void draw_race_figure(const RaceResult& race, const std::vector<const HeatmapTexture*>& textures,
                      HeatmapPainter* painter, ImVec2 size, plot::PlotFlags flags, bool refit) {
    const float fs = ImGui::GetFontSize();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    // the title and its note wrap at the figure's right edge
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x - 0.5f * fs);
    ImGui::PushFont(title_font());
    const std::string title = "Activation race: " + race.subtitle + " · " + std::to_string(race.epochs) + " epochs";
    ImGui::SetCursorScreenPos(ImVec2(start.x + 0.5f * fs, start.y + 0.3f * fs));
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(90, 90, 90, 255));
    ImGui::SetCursorScreenPos(ImVec2(start.x + 0.5f * fs, ImGui::GetCursorScreenPos().y));
    ImGui::TextWrapped("%s", race_same_start(race) ? "The same network from the same initial weights on the same data; "
                                                     "only the hidden activation differs."
                                                   : "The same data and seed; the runners differ in their hidden "
                                                     "activation, and some in their width or gating, so in their "
                                                     "parameters (the table counts them) and initial weights.");
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    const float used = ImGui::GetCursorScreenPos().y - start.y + 0.4f * fs;
    const float rest = size.y - used;
    const float pad = 0.5f * fs;
    // The losses, and the table and its note beside them; under them where the table would be
    // squeezed or the plot too narrow to read.
    const float readable_h = plot::kReadableHeight * fs;
    float table_needed = 0;  // the table's width with no cell wrapped
    {
        const float cell = 2 * 0.5f * fs + 1;
        table_needed = 5 * cell + ImGui::CalcTextSize("Leaky ReLU  (first)").x + ImGui::CalcTextSize("parameters").x +
                       ImGui::CalcTextSize("epochs to reach 0.05").x + ImGui::CalcTextSize("test loss").x +
                       ImGui::CalcTextSize("test accuracy").x;
    }
    const float beside_w = 0.58f * size.x;
    // beside while its headers need wrap no more than a little (they wrap in their columns)
    const bool beside = beside_w >= plot::kReadableWidth * fs &&
                        size.x - beside_w - 2 * fs >= std::max({16.0f * fs, 0.75f * table_needed, race_table_least_width(race)});
    const float loss_w = beside ? beside_w : size.x;
    const float table_w = beside ? size.x - loss_w - 2 * fs : size.x - fs - pad;
    const int classes = race.entries.empty() ? 2 : race.entries[0].picture.train.classes;
    const char* colours = classes == 2   ? "orange and blue are the two classes"
                          : classes == 0 ? "the colour is the target, orange below 0 and blue above"
                                         : "each class has its colour";
    const size_t leader_count = race_leaders(race).size();
    const std::string note = std::string(leader_count == 1  ? "The row marked first reached the target in the fewest epochs. "
                                         : leader_count > 1 ? "The rows marked tied first reached the target in the same, fewest epochs. "
                                                            : "") +
                             "Boundaries: " + colours + "; points ringed in white were trained on, points ringed in black are the "
                             "test points. Curves: the test loss per epoch; each dot marks where a runner first reached the dashed target.";
    // the table (its header and a row on up to two lines) and the note, measured at their width
    const float row_h = ImGui::GetTextLineHeight() + 0.7f * fs;
    const float table_h = (static_cast<float>(race.entries.size()) + 3) * row_h + ImGui::GetStyle().ItemSpacing.y +
                          ImGui::CalcTextSize(note.c_str(), nullptr, false, table_w).y;
    const float rest_needed = 0.6f * fs + (beside ? std::max(readable_h, table_h + 2.2f * fs) : readable_h + table_h + 0.4f * fs);
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + used));
    // the boundaries take what the rest leaves them, at most half, but never less than their least
    // (on screen the tab then scrolls)
    const float boundaries_h = std::max(race_boundaries_min_height(race, size.x - 2 * pad), std::min(0.5f * rest, rest - rest_needed));
    draw_race_boundaries(race, textures, painter, ImVec2(size.x - 2 * pad, boundaries_h), flags, refit);
    const float below = std::max(start.y + size.y - ImGui::GetCursorScreenPos().y - 0.6f * fs, readable_h);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(start.x, at.y + 0.6f * fs));
    draw_race_losses(race, ImVec2(loss_w, beside ? below : std::max(readable_h, below - table_h - 0.4f * fs)), flags, refit);
    if (beside) ImGui::SetCursorScreenPos(ImVec2(start.x + loss_w + fs, at.y + 2.2f * fs));
    else ImGui::SetCursorScreenPos(ImVec2(start.x + pad, ImGui::GetCursorScreenPos().y + 0.4f * fs));
    ImGui::BeginGroup();
    draw_race_table(race, table_w);
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(90, 90, 90, 255));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + table_w);
    ImGui::TextWrapped("%s", note.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::EndGroup();
}

const char* race_keys_help() {
    static const std::string help =
        std::string("  race=sigmoid,tanh,relu,gelu   the runners: 2 to 4 activations, each used in every hidden layer;\n"
                    "                            a gated variant (swiglu, geglu, reglu, ...) or gated_<activation> gates\n"
                    "                            them, and ':N' gives a runner N units in every layer (relu:8,swiglu:6)\n"
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
            note += std::string(note.empty() ? "" : " ") + runner_label(e.runner) + ": " +
                    e.divergence.message();
    figure.note = note;
    return figure;
}

}  // namespace actlab::app
