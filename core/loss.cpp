#include "core/loss.h"

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

bool find_output(const std::string& name, Output* output) {
    for (int i = 0; i < 4; ++i)
        if (name == kOutputNames[i]) {
            *output = static_cast<Output>(i);
            return true;
        }
    return false;
}

bool find_loss(const std::string& name, LossKind* loss) {
    for (int i = 0; i < 3; ++i)
        if (name == kLossNames[i]) {
            *loss = static_cast<LossKind>(i);
            return true;
        }
    return false;
}

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

BatchScore score_batch(Output output, const Matrix& logits, const double* targets, Matrix* dlogits, Matrix* scratch) {
    const int outputs = static_cast<int>(logits.rows()), batch = static_cast<int>(logits.cols());
    const double inv_batch = 1.0 / batch;
    BatchScore score;
    if (dlogits) dlogits->resize(outputs, batch);
    switch (output) {
        case Output::Tanh: {
            // o = tanh z, do/dz from the catalogue; L = ½(o − t)², dL/dz = (o − t) do/dz
            scratch->resize(2, batch);
            static const Activation& tanh_act = *find_activation("tanh");
            evaluate_block(tanh_act, nullptr, logits.data(), scratch->row(0).data(), scratch->row(1).data(), batch);
            for (int s = 0; s < batch; ++s) {
                const double o = (*scratch)(0, s), e = o - targets[s];
                score.loss_sum += 0.5 * e * e;
                score.correct += (o >= 0.0) == (targets[s] > 0.0);
                if (dlogits) (*dlogits)(0, s) = e * (*scratch)(1, s) * inv_batch;
            }
            break;
        }
        case Output::Sigmoid:
            // L = log(1 + e^z) − t z,  dL/dz = σ(z) − t
            for (int s = 0; s < batch; ++s) {
                const double z = logits(0, s), t = targets[s];
                score.loss_sum += softplus(z) - t * z;
                score.correct += (z >= 0.0) == (t > 0.5);
                if (dlogits) {
                    const double e = std::exp(-std::fabs(z));
                    const double sigma = z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
                    (*dlogits)(0, s) = (sigma - t) * inv_batch;
                }
            }
            break;
        case Output::Softmax:
            // L = log Σ_k e^(z_k) − z_t  (the maximum subtracted first), dL/dz = p − onehot(t)
            for (int s = 0; s < batch; ++s) {
                const int t = static_cast<int>(targets[s]);
                Eigen::Index best = 0;
                const double m = logits.col(s).maxCoeff(&best);
                double sum = 0.0;
                for (int k = 0; k < outputs; ++k) sum += std::exp(logits(k, s) - m);
                score.loss_sum += m + std::log(sum) - logits(t, s);
                score.correct += best == t;
                if (dlogits)
                    for (int k = 0; k < outputs; ++k)
                        (*dlogits)(k, s) = (std::exp(logits(k, s) - m) / sum - (k == t ? 1.0 : 0.0)) * inv_batch;
            }
            break;
        case Output::Identity:
            // L = ½(z − t)², dL/dz = z − t
            for (int s = 0; s < batch; ++s) {
                const double e = logits(0, s) - targets[s];
                score.loss_sum += 0.5 * e * e;
                if (dlogits) (*dlogits)(0, s) = e * inv_batch;
            }
            break;
    }
    return score;
}

void apply_output(Output output, const Matrix& logits, Matrix* out) {
    out->resize(logits.rows(), logits.cols());
    switch (output) {
        case Output::Tanh: out->array() = logits.array().tanh(); break;
        case Output::Sigmoid:
            for (Eigen::Index i = 0; i < logits.size(); ++i) {
                const double z = logits.data()[i], e = std::exp(-std::fabs(z));
                out->data()[i] = z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            }
            break;
        case Output::Softmax:
            for (Eigen::Index s = 0; s < logits.cols(); ++s) {
                const double m = logits.col(s).maxCoeff();
                out->col(s) = (logits.col(s).array() - m).exp().matrix();
                out->col(s) /= out->col(s).sum();
            }
            break;
        case Output::Identity: *out = logits; break;
    }
}

}  // namespace actlab::core
