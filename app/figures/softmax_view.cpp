#include "app/figures/softmax_view.h"

namespace actlab::app {

Eigen::ArrayXd SoftmaxView::logit_array() const {
    return Eigen::Map<const Eigen::ArrayXd>(logits.data(), static_cast<Eigen::Index>(logits.size()));
}

bool SoftmaxView::operator==(const SoftmaxView& o) const {
    return logits == o.logits && labels == o.labels && temperatures == o.temperatures && t_min == o.t_min &&
           t_max == o.t_max && sweep_samples == o.sweep_samples && top_k == o.top_k && top_p == o.top_p &&
           draws == o.draws && seed == o.seed;
}

}  // namespace actlab::app
