#include "app/figures/gradient_view.h"

namespace actlab::app {

GradientView::GradientView() {
    params.resize(static_cast<size_t>(core::activation_count()));
    for (int i = 0; i < core::activation_count(); ++i) params[i] = core::default_params(core::activation(i));
    activation = core::activation_index("relu");
    init.kind = core::InitKind::He;
    const int relu = core::activation_index("relu"), sigmoid = core::activation_index("sigmoid"),
              tanh = core::activation_index("tanh");
    compare = {{relu, core::InitKind::He}, {relu, core::InitKind::Lecun}, {tanh, core::InitKind::Xavier},
               {sigmoid, core::InitKind::Xavier}};
}

core::FlowConfig GradientView::network() const {
    core::FlowConfig c;
    c.activation = activation;
    c.params = params[static_cast<size_t>(activation)];
    c.init = init;
    c.depth = depth;
    c.width = width;
    c.batch = batch;
    c.seed = seed;
    return c;
}

core::FlowConfig GradientView::pair_network(size_t i) const {
    GradientView v = *this;
    v.activation = compare[i].activation;
    v.init.kind = compare[i].init;
    return v.network();
}

bool GradientView::operator==(const GradientView& o) const {
    if (params.size() != o.params.size()) return false;
    for (size_t i = 0; i < params.size(); ++i)
        for (int k = 0; k < core::kMaxParams; ++k)
            if (params[i].v[k] != o.params[i].v[k]) return false;
    return activation == o.activation && init.kind == o.init.kind && init.sigma == o.init.sigma &&
           init.a == o.init.a && init.bias == o.init.bias && depth == o.depth && width == o.width &&
           batch == o.batch && seed == o.seed && z == o.z && compare == o.compare;
}

}  // namespace actlab::app
