#include "core/loss.h"

#include "core/names.h"

#include <algorithm>
#include <cmath>

namespace actlab::core {

namespace {
const char* const kOutputNames[] = {"tanh", "sigmoid", "softmax", "identity"};
const char* const kLossNames[] = {"mse", "bce", "ce"};

// log(1 + e^z) without overflow or cancellation
double softplus(double z) { return std::fmax(z, 0.0) + std::log1p(std::exp(-std::fabs(z))); }
}  // namespace

const char* output_name(Output output) { return kOutputNames[static_cast<int>(output)]; }
const char* loss_name(LossKind loss) { return kLossNames[static_cast<int>(loss)]; }

bool find_output(const std::string& name, Output* output) { return find_name(kOutputNames, name, output); }
bool find_loss(const std::string& name, LossKind* loss) { return find_name(kLossNames, name, loss); }

LossKind matching_loss(Output output) {
    switch (output) {
        case Output::Sigmoid: return LossKind::Bce;
        case Output::Softmax: return LossKind::Ce;
        default: return LossKind::Mse;
    }
}

Output matching_output(LossKind loss) {
    switch (loss) {
        case LossKind::Bce: return Output::Sigmoid;
        case LossKind::Ce: return Output::Softmax;
        default: return Output::Tanh;
    }
}

double encode_target(Output output, int classes, double label) {
    if (output == Output::Tanh && classes == 2) return label > 0.5 ? 1.0 : -1.0;
    return label;
}

namespace {
// tanh and its derivative for the output, through the catalogue's block kernel
void tanh_lanes(const double* z, double* o, double* dodz) {
    static const Activation& tanh_act = *find_activation("tanh");
    static const ActivationBlockFn kernel = block_function(tanh_act);
    kernel(tanh_act, nullptr, z, o, dodz, kBlock);
}
}  // namespace

BatchScore score_block(Output output, const Block& logits, const double* targets, int count, double scale,
                       Block* dlogits) {
    const int outputs = static_cast<int>(logits.rows());
    BatchScore score;
    if (dlogits) dlogits->setZero();
    switch (output) {
        case Output::Tanh: {
            // o = tanh z;  L = ½(o − t)²,  dL/dz = (o − t) do/dz
            double o[kBlock], dodz[kBlock];
            tanh_lanes(logits.data(), o, dodz);
            for (int s = 0; s < count; ++s) {
                const double e = o[s] - targets[s];
                score.loss_sum += 0.5 * e * e;
                score.correct += (o[s] >= 0.0) == (targets[s] > 0.0);
                if (dlogits) (*dlogits)(0, s) = e * dodz[s] * scale;
            }
            break;
        }
        case Output::Sigmoid:
            // L = log(1 + e^z) − t z,  dL/dz = σ(z) − t
            for (int s = 0; s < count; ++s) {
                const double z = logits(0, s), t = targets[s];
                score.loss_sum += softplus(z) - t * z;
                score.correct += (z >= 0.0) == (t > 0.5);
                if (dlogits) {
                    const double e = std::exp(-std::fabs(z));
                    const double sigma = z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
                    (*dlogits)(0, s) = (sigma - t) * scale;
                }
            }
            break;
        case Output::Softmax:
            // L = log Σ_k e^(z_k) − z_t  (the largest z subtracted first),  dL/dz = softmax(z) − onehot(t)
            for (int s = 0; s < count; ++s) {
                const int t = static_cast<int>(targets[s]);
                Eigen::Index best = 0;
                const double m = logits.col(s).maxCoeff(&best);
                double sum = 0.0;
                for (int k = 0; k < outputs; ++k) sum += std::exp(logits(k, s) - m);
                score.loss_sum += m + std::log(sum) - logits(t, s);
                score.correct += best == t;
                if (dlogits)
                    for (int k = 0; k < outputs; ++k)
                        (*dlogits)(k, s) = (std::exp(logits(k, s) - m) / sum - (k == t ? 1.0 : 0.0)) * scale;
            }
            break;
        case Output::Identity:
            // L = ½(z − t)²,  dL/dz = z − t
            for (int s = 0; s < count; ++s) {
                const double e = logits(0, s) - targets[s];
                score.loss_sum += 0.5 * e * e;
                if (dlogits) (*dlogits)(0, s) = e * scale;
            }
            break;
    }
    return score;
}

void output_block(Output output, const Block& logits, Block* out) {
    out->resize(logits.rows(), kBlock);
    switch (output) {
        case Output::Tanh: {
            double dodz[kBlock];
            tanh_lanes(logits.data(), out->data(), dodz);
            break;
        }
        case Output::Sigmoid:
            for (int s = 0; s < kBlock; ++s) {
                const double z = logits(0, s), e = std::exp(-std::fabs(z));
                (*out)(0, s) = z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            }
            break;
        case Output::Softmax:
            for (int s = 0; s < kBlock; ++s) {
                const double m = logits.col(s).maxCoeff();
                out->col(s) = (logits.col(s).array() - m).exp().matrix();
                out->col(s) /= out->col(s).sum();
            }
            break;
        case Output::Identity: *out = logits; break;
    }
}

int gather_block(const Eigen::Ref<const Matrix>& x, const int* order, int first, int count, Block* input) {
    const int lanes = std::min(kBlock, count - first);
    for (int k = 0; k < lanes; ++k) input->col(k) = x.col(order ? order[first + k] : first + k);
    for (int k = lanes; k < kBlock; ++k) input->col(k).setZero();
    return lanes;
}

BatchScore batch_loss(const Mlp& net, Output output, const Eigen::Ref<const Matrix>& x, const double* t,
                      const int* order, int count, Eigen::VectorXd* grad, BlockPass* pass) {
    prepare_pass(net, pass);
    if (grad) pass->grad_lanes.setZero();
    BatchScore total;
    double targets[kBlock];
    for (int first = 0; first < count; first += kBlock) {
        const int lanes = gather_block(x, order, first, count, &pass->input);
        for (int k = 0; k < lanes; ++k) targets[k] = t[order ? order[first + k] : first + k];
        forward_block(net, pass);
        const BatchScore s =
            score_block(output, pass->z.back(), targets, lanes, 1.0 / count, grad ? &pass->dlogits : nullptr);
        total.loss_sum += s.loss_sum;
        total.correct += s.correct;
        if (grad) backward_block(net, pass);
    }
    if (grad) *grad = pass->grad_lanes.rowwise().sum();
    return total;
}

}  // namespace actlab::core
