#include "ecograph/analysis/eigenvector.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "ecograph/core/error.hpp"

namespace ecograph {
namespace {

// y_v = sum over arcs u -> v (u != v) of w(u, v) x_u.
void multiply_transpose(const AnalysisView& view, const std::vector<double>& x,
                        std::vector<double>& y) {
    for (EntityIndex v = 0; v < view.size(); ++v) {
        double sum = 0;
        auto in = view.in(v);
        for (const auto* u = in.begin; u != in.end; ++u)
            if (*u != v)
                sum +=
                    x[*u] * (view.weighted() ? view.in_strength(in.first + (u - in.begin)) : 1.0);
        y[v] = sum;
    }
}

}  // namespace

std::vector<double> eigenvector_centrality(const AnalysisView& view, double tolerance,
                                           std::size_t max_iterations) {
    const std::size_t n = view.size();
    if (n == 0) return {};
    bool any_arc = false;
    for (EntityIndex v = 0; v < n && !any_arc; ++v) {
        auto in = view.in(v);
        for (const auto* u = in.begin; u != in.end; ++u) any_arc = any_arc || *u != v;
    }
    if (!any_arc) throw Error("eigenvector centrality is undefined: the graph has no relations");
    std::vector<double> x(n, 1.0), y(n);
    for (std::size_t iter = 0; iter < max_iterations; ++iter) {
        multiply_transpose(view, x, y);
        for (std::size_t v = 0; v < n; ++v) y[v] += x[v];  // shift by I
        double top = *std::max_element(y.begin(), y.end());
        double change = 0;
        for (std::size_t v = 0; v < n; ++v) {
            y[v] /= top;
            change = std::max(change, std::abs(y[v] - x[v]));
        }
        x.swap(y);
        if (change < tolerance) return x;
    }
    throw Error(
        fmt::format("eigenvector centrality did not converge in {} iterations; it is "
                    "defined only on connected graphs",
                    max_iterations));
}

std::vector<double> katz_centrality(const AnalysisView& view, double alpha, double beta,
                                    double tolerance, std::size_t max_iterations) {
    const std::size_t n = view.size();
    if (n == 0) return {};
    std::vector<double> x(n, 0.0), y(n);
    for (std::size_t iter = 0; iter < max_iterations; ++iter) {
        multiply_transpose(view, x, y);
        double change = 0, size = 0;
        for (std::size_t v = 0; v < n; ++v) {
            y[v] = alpha * y[v] + beta;
            change += std::abs(y[v] - x[v]);
            size += std::abs(y[v]);
        }
        x.swap(y);
        if (!std::isfinite(size) || size > 1e100) break;  // diverging
        if (change < static_cast<double>(n) * tolerance) {
            double norm = 0, sum = 0;
            for (double v : x) {
                norm += v * v;
                sum += v;
            }
            norm = std::sqrt(norm) * (sum < 0 ? -1 : 1);
            for (double& v : x) v /= norm;
            return x;
        }
    }
    throw Error(
        fmt::format("Katz centrality did not converge with alpha {}; alpha must be below "
                    "1/lambda_max, the reciprocal of the adjacency matrix's largest "
                    "eigenvalue: try a smaller --alpha",
                    alpha));
}

}  // namespace ecograph
