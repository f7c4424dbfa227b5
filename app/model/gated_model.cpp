#include "app/model/gated_model.h"

#include <memory>

namespace actlab::app {

namespace {

// The view's parts the maps are made of: a change elsewhere (the slice, the block) keeps the maps.
bool same_maps(const GatedView& x, const GatedView& y) {
    const auto& p = x.params[static_cast<size_t>(x.gate)].v;
    const auto& q = y.params[static_cast<size_t>(y.gate)].v;
    return x.gate == y.gate && p[0] == q[0] && p[1] == q[1] && x.a_min == y.a_min && x.a_max == y.a_max &&
           x.b_min == y.b_min && x.b_max == y.b_max && x.samples == y.samples;
}

}  // namespace

void gated_step(AppState& state) {
    GatedState& s = state.gated;
    if (!s.pictures || !same_maps(s.view, s.cached_view)) {
        s.pictures = std::make_shared<const GatedPictures>(compute_gated_pictures(s.view));
        s.cached_view = s.view;
        s.uploaded = false;
    }
    if (!s.texture) s.texture = std::make_unique<HeatmapTexture>();
    if (!s.uploaded) {
        s.texture->upload(s.pictures->field);
        s.uploaded = true;
    }
}

}  // namespace actlab::app
