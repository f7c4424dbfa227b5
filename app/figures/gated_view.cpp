#include "app/figures/gated_view.h"

#include "app/plot/text_format.h"

#include <string>

namespace actlab::app {

GatedView::GatedView() : gate(core::activation_index("silu")) {
    for (int i = 0; i < core::activation_count(); ++i) params.push_back(core::default_params(core::activation(i)));
}

core::Gate GatedView::gate_now() const {
    core::Gate g;
    g.activation = gate;
    g.params = params[static_cast<size_t>(gate)];
    return g;
}

bool GatedView::operator==(const GatedView& o) const {
    auto same_params = [&] {
        for (size_t i = 0; i < params.size(); ++i)
            for (int k = 0; k < core::kMaxParams; ++k)
                if (params[i].v[k] != o.params[i].v[k]) return false;
        return true;
    };
    return gate == o.gate && same_params() && a_min == o.a_min && a_max == o.a_max && b_min == o.b_min &&
           b_max == o.b_max && samples == o.samples && a_points == o.a_points && b_points == o.b_points &&
           show_ungated == o.show_ungated && slice == o.slice && slice_b == o.slice_b && slice_a == o.slice_a &&
           show_probe == o.show_probe && (!show_probe || probe == o.probe) && d_model == o.d_model && d_ff == o.d_ff &&
           multiple == o.multiple;
}

const core::GatedVariant* gated_variant_of(const GatedView& view) {
    const core::Activation& act = core::activation(view.gate);
    const core::ParamValues& p = view.params[static_cast<size_t>(view.gate)];
    for (int k = 0; k < act.param_count; ++k)
        if (p.v[k] != act.params[k].def) return nullptr;
    for (int i = 0; i < core::gated_variant_count(); ++i) {
        const core::GatedVariant& v = core::gated_variant(i);
        if (core::activation_index(v.gate) == view.gate) return &v;
    }
    return nullptr;
}

std::string gated_unit_name(const GatedView& view) {
    if (const core::GatedVariant* v = gated_variant_of(view)) return v->label;
    const core::Activation& act = core::activation(view.gate);
    std::string name = act.label;
    const core::ParamValues& p = view.params[static_cast<size_t>(view.gate)];
    for (int k = 0; k < act.param_count; ++k)
        name += std::string(k ? ", " : " (") + act.params[k].symbol + " = " + plot::format_significant(p.v[k], 4) +
                (k + 1 == act.param_count ? ")" : "");
    return name + " gate";
}

}  // namespace actlab::app
