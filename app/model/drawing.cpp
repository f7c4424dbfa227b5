#include "app/model/drawing.h"

#include "core/csv.h"
#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

namespace actlab::app {

namespace {

std::uint64_t bits(double v) {
    std::uint64_t b = 0;
    std::memcpy(&b, &v, sizeof b);
    return b;
}

bool inside_plane(const Eigen::Vector2d& at) {
    return std::isfinite(at.x()) && std::isfinite(at.y()) && std::fabs(at.x()) <= core::kDataExtent &&
           std::fabs(at.y()) <= core::kDataExtent;
}

bool label_fits(double label, int classes) {
    if (!std::isfinite(label)) return false;
    if (classes == 0) return true;
    return label == std::floor(label) && label >= 0 && label < classes;
}

void append(core::Dataset* d, const Eigen::Vector2d& at, double label) {
    const int n = d->size();
    d->x.conservativeResize(n + 1, Eigen::NoChange);
    d->target.conservativeResize(n + 1);
    d->x.row(n) = at.transpose();
    d->target[n] = label;
}

void erase(core::Dataset* d, int i) {
    const int n = d->size();
    for (int r = i; r + 1 < n; ++r) {
        d->x.row(r) = d->x.row(r + 1);
        d->target[r] = d->target[r + 1];
    }
    d->x.conservativeResize(n - 1, Eigen::NoChange);
    d->target.conservativeResize(n - 1);
}

void insert(core::Dataset* d, int i, double x1, double x2, double label) {
    append(d, Eigen::Vector2d(x1, x2), label);
    for (int r = d->size() - 1; r > i; --r) {
        d->x.row(r) = d->x.row(r - 1);
        d->target[r] = d->target[r - 1];
    }
    d->x(i, 0) = x1;
    d->x(i, 1) = x2;
    d->target[i] = label;
}

void push_step(DrawState& s, DrawStep step) {
    s.undo.push_back(std::move(step));
    if (s.undo.size() > static_cast<size_t>(DrawState::kMaxUndo)) s.undo.erase(s.undo.begin());
}

void undo_step(const DrawStep& step, core::Dataset* d) {
    if (step.cleared) {
        *d = step.before;
        return;
    }
    const int keep = std::max(0, d->size() - step.added);
    d->x.conservativeResize(keep, Eigen::NoChange);
    d->target.conservativeResize(keep);
    // removed points go back in the reverse order they went, each to the index it had
    for (size_t k = step.removed_at.size(); k-- > 0;)
        insert(d, std::min(step.removed_at[k], d->size()), step.removed[3 * k], step.removed[3 * k + 1],
               step.removed[3 * k + 2]);
}

}  // namespace

std::vector<Eigen::Vector2d> spray_points(double x1, double x2, double radius, int count) {
    core::Rng rng(bits(x1) * 0x9E3779B97F4A7C15ull ^ bits(x2));
    std::vector<Eigen::Vector2d> out;
    for (int i = 0; i < count; ++i) {
        // uniform over the disc: the radius goes as the square root of a uniform draw
        const double r = radius * std::sqrt(rng.uniform()), angle = rng.uniform(0.0, 2.0 * M_PI);
        out.emplace_back(x1 + r * std::cos(angle), x2 + r * std::sin(angle));
    }
    return out;
}

std::string class_name(int k, int classes) {
    if (classes == 2) return k == 0 ? "−1" : "+1";
    return std::to_string(k);
}

std::string drawing_problem(const core::Dataset& d) {
    const int n = d.size();
    const std::string what = d.classes == 0 ? "" : ", of another class,";
    if (n == 0)
        return d.classes == 0 ? "Nothing to train on yet: click to add two points or more."
                              : "Nothing to train on yet: click to add points of two classes.";
    if (n == 1) return "1 point: add one more" + what + " to train (one to train on, one to test).";
    if (d.classes == 0) return "";
    std::set<int> present;
    for (int i = 0; i < n; ++i) present.insert(static_cast<int>(d.target[i]));
    if (present.size() < 2)
        return "All " + std::to_string(n) + " points are of class " + class_name(*present.begin(), d.classes) +
               ": add one of another class to train.";
    return "";
}

bool apply_draw_edits(DrawState& s, core::Dataset* d, const std::vector<DrawEdit>& edits) {
    bool changed = false;
    bool& joinable = s.stroke_open;
    for (const DrawEdit& e : edits) {
        switch (e.kind) {
            case DrawEdit::Kind::Add:
            case DrawEdit::Kind::Spray: {
                if (e.new_stroke) joinable = false;
                if (!label_fits(e.label, d->classes)) break;
                const std::vector<Eigen::Vector2d> at =
                    e.kind == DrawEdit::Kind::Add
                        ? std::vector<Eigen::Vector2d>{Eigen::Vector2d(e.x1, e.x2)}
                        : spray_points(e.x1, e.x2, std::clamp(e.radius, DrawState::kMinRadius, DrawState::kMaxRadius),
                                       DrawState::kSprayPoints);
                int added = 0;
                for (const Eigen::Vector2d& p : at)
                    if (inside_plane(p) && d->size() < core::kMaxPoints) append(d, p, e.label), ++added;
                if (added == 0) break;
                const bool join = joinable && !e.new_stroke && !s.undo.empty() && !s.undo.back().cleared &&
                                  s.undo.back().removed_at.empty();
                if (join) {
                    s.undo.back().added += added;
                } else {
                    DrawStep step;
                    step.added = added;
                    push_step(s, std::move(step));
                }
                joinable = true;
                changed = true;
                break;
            }
            case DrawEdit::Kind::Remove: {
                joinable = false;
                int nearest = -1;
                double best = e.radius * e.radius;
                for (int i = 0; i < d->size(); ++i) {
                    const double dx = d->x(i, 0) - e.x1, dy = d->x(i, 1) - e.x2, dist = dx * dx + dy * dy;
                    if (dist <= best) best = dist, nearest = i;
                }
                if (nearest < 0) break;
                DrawStep step;
                step.removed_at.push_back(nearest);
                step.removed = {d->x(nearest, 0), d->x(nearest, 1), d->target[nearest]};
                erase(d, nearest);
                push_step(s, std::move(step));
                changed = true;
                break;
            }
            case DrawEdit::Kind::Undo:
                joinable = false;
                if (s.undo.empty()) break;
                undo_step(s.undo.back(), d);
                s.undo.pop_back();
                changed = true;
                break;
            case DrawEdit::Kind::Clear: {
                joinable = false;
                DrawStep step;
                step.cleared = true;
                step.before = *d;
                push_step(s, std::move(step));
                *d = core::Dataset{};
                d->classes = e.classes == 0 ? 0 : std::clamp(e.classes, 2, core::kMaxClasses);
                changed = true;
                break;
            }
        }
    }
    return changed;
}

}  // namespace actlab::app
