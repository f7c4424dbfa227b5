#include "app/figures/activation_view.h"

#include <algorithm>

namespace actlab::app {

ActivationView::ActivationView() {
    params.resize(static_cast<size_t>(core::activation_count()));
    for (int i = 0; i < core::activation_count(); ++i) params[i] = core::default_params(core::activation(i));
    for (const char* id : {"relu", "tanh", "sigmoid", "gelu"}) functions.push_back(core::activation_index(id));
}

int ActivationView::focus_index() const {
    if (std::find(functions.begin(), functions.end(), focus) != functions.end()) return focus;
    return functions.empty() ? -1 : functions.front();
}

bool ActivationView::same_curves(const ActivationView& o) const {
    if (functions != o.functions) return false;
    for (int index : functions)
        for (int k = 0; k < core::kMaxParams; ++k)
            if (params[index].v[k] != o.params[index].v[k]) return false;
    return show_f == o.show_f && show_df == o.show_df && log_y == o.log_y && x_min == o.x_min && x_max == o.x_max &&
           samples == o.samples && saturation_threshold == o.saturation_threshold;
}

bool ActivationView::operator==(const ActivationView& o) const {
    if (functions != o.functions || params.size() != o.params.size()) return false;
    for (size_t i = 0; i < params.size(); ++i)
        for (int k = 0; k < core::kMaxParams; ++k)
            if (params[i].v[k] != o.params[i].v[k]) return false;
    return show_f == o.show_f && show_df == o.show_df && log_y == o.log_y && x_min == o.x_min && x_max == o.x_max &&
           samples == o.samples && x_points == o.x_points && shade_saturation == o.shade_saturation &&
           saturation_threshold == o.saturation_threshold && shade_dead == o.shade_dead && focus == o.focus &&
           show_probe == o.show_probe && probe_x == o.probe_x;
}

}  // namespace actlab::app
