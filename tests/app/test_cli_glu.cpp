// `actlab export glu-surface`, `glu-gradient`, `glu-slice` and `glu-ffn` with no display: CSVs checked
// value by value against the core (bit for bit) and against the 60-digit reference where the grid hits
// its points, the block's counts against the formulas, PNGs read back, and bad arguments refused with
// one line, exit code 2 and no file.
#include "core/activation.h"
#include "core/gated.h"
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>

namespace core = actlab::core;

namespace {

core::Gate gate_of(const char* id, double param = NAN) {
    core::Gate g;
    g.activation = core::activation_index(id);
    g.params = core::default_params(core::activation(g.activation));
    if (!std::isnan(param)) g.params.v[0] = param;
    return g;
}

// The reference rows of one gate: (a, b) → (g, dg_da, dg_db), as the 60-digit script wrote them.
std::map<std::pair<double, double>, std::tuple<double, double, double>> reference(const std::string& gate) {
    std::ifstream in(std::string(ACTLAB_REFERENCE_DIR) + "/gated.csv");
    std::map<std::pair<double, double>, std::tuple<double, double, double>> rows;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string f[7];
        for (std::string& s : f) std::getline(ss, s, ',');
        if (f[0] != gate) continue;
        auto num = [](const std::string& t) { return std::strtod(t.c_str(), nullptr); };  // subnormals too (stod refuses them)
        rows[{num(f[2]), num(f[3])}] = {num(f[4]), num(f[5]), num(f[6])};
    }
    return rows;
}

void expect_close(double got, double want, const std::string& what) {
    if (want == 0.0) EXPECT_EQ(got, 0.0) << what;
    else EXPECT_NEAR(got, want, 1e-13 * std::fabs(want)) << what;
}

}  // namespace

TEST(CliGlu, HelpListsThePlotsTheirKeysAndColumns) {
    const RunResult r = run_actlab({"export", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    for (const char* s : {"glu-surface", "glu-gradient", "glu-slice", "glu-ffn", "gate=silu", "amin=-4", "samples=161",
                          "slice=diagonal", "slice_b=1", "d_model=4096", "d_ff=11008", "multiple=256",
                          "<function>.<param>=value", "a,b,g,dg_da,dg_db", "x,g,dg_dx",
                          "block,matrices,d_ff,parameters,flops_per_token"})
        EXPECT_NE(r.out.find(s), std::string::npos) << s;
}

// The grid of the a= and b= points, b outer and a fastest, every value the core's bit for bit and the
// reference's to 1e-13 relative.
TEST(CliGlu, SurfaceCsvIsTheCoresValuesAndMatchesTheReference) {
    TempDir tmp;
    const std::vector<double> as = {-3, -1, -0.5, 0, 0.5, 1, 2.5, 3}, bs = {-7, -2.5, -1, 0, 0.3, 1, 2.5, 7};
    struct Case {
        const char* set;       // gate= as typed
        const char* id;        // the reference's gate
        double param;
        std::vector<std::string> more;
    };
    for (const Case& c : {Case{"swiglu", "silu", NAN, {}}, Case{"silu", "silu", NAN, {}}, Case{"reglu", "relu", NAN, {}},
                          Case{"geglu", "gelu", NAN, {}}, Case{"glu", "sigmoid", NAN, {}},
                          Case{"geglu_tanh", "gelu_tanh", NAN, {}}, Case{"bilinear", "identity", NAN, {}},
                          Case{"swish", "swish", 1.7, {"--set", "swish.beta=1.7"}}}) {
        for (const char* plot : {"glu-surface", "glu-gradient"}) {
            const std::string out = tmp / (std::string(plot) + c.set + ".csv");
            std::vector<std::string> args = {"export", plot, "--set", std::string("gate=") + c.set, "--set",
                                             "a=-3,-1,-0.5,0,0.5,1,2.5,3", "--set", "b=-7,-2.5,-1,0,0.3,1,2.5,7"};
            args.insert(args.end(), c.more.begin(), c.more.end());
            args.insert(args.end(), {"--out", out});
            const RunResult r = run_actlab(args);
            ASSERT_EQ(r.exit_code, 0) << r.err;
            const auto rows = read_csv(read_text(out));
            ASSERT_EQ(rows.size(), 1u + as.size() * bs.size());
            EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b", "g", "dg_da", "dg_db"}));
            const core::Gate gate = gate_of(c.id, c.param);
            const auto ref = reference(c.id);
            size_t k = 1, matched = 0;
            for (double b : bs)
                for (double a : as) {
                    const auto& row = rows[k++];
                    ASSERT_EQ(row.size(), 5u);
                    EXPECT_EQ(number(row[0]), a);
                    EXPECT_EQ(number(row[1]), b);
                    EXPECT_EQ(number(row[2]), core::gated_g(gate, a, b)) << c.set << " " << a << ", " << b;
                    EXPECT_EQ(number(row[3]), core::gated_dg_da(gate, a, b));
                    EXPECT_EQ(number(row[4]), core::gated_dg_db(gate, a, b));
                    const auto it = ref.find({a, b});
                    if (it == ref.end()) continue;
                    ++matched;
                    const auto& [g, da, db] = it->second;
                    const std::string at = std::string(c.id) + " at " + row[0] + ", " + row[1];
                    expect_close(number(row[2]), g, at + ": g");
                    expect_close(number(row[3]), da, at + ": dg_da");
                    expect_close(number(row[4]), db, at + ": dg_db");
                }
            EXPECT_GE(matched, 20u) << c.id << ": the grid should hit the reference's points";
        }
    }
}

// The sweep: samples² rows over the ranges, both ends exactly, and the partials against central
// differences of g along a and along b.
TEST(CliGlu, TheSweepCoversTheSquareAndThePartialsAreTheSlopesOfG) {
    TempDir tmp;
    const std::string out = tmp / "sweep.csv";
    const RunResult r = run_actlab({"export", "glu-surface", "--set", "gate=gelu", "--set", "amin=-3", "--set", "amax=2",
                                    "--set", "bmin=-1", "--set", "bmax=4", "--set", "samples=11", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(out));
    ASSERT_EQ(rows.size(), 1u + 11 * 11);
    EXPECT_EQ(rows[1][0], "-3");
    EXPECT_EQ(rows[1][1], "-1");
    EXPECT_EQ(rows[11][0], "2");
    EXPECT_EQ(rows.back()[0], "2");
    EXPECT_EQ(rows.back()[1], "4");
    const core::Gate gate = gate_of("gelu");
    const double h = 1e-5;
    for (size_t k = 1; k < rows.size(); ++k) {
        const double a = number(rows[k][0]), b = number(rows[k][1]);
        const double da = (core::gated_g(gate, a + h, b) - core::gated_g(gate, a - h, b)) / (2 * h);
        const double db = (core::gated_g(gate, a, b + h) - core::gated_g(gate, a, b - h)) / (2 * h);
        EXPECT_NEAR(number(rows[k][3]), da, 1e-8 * (1 + std::fabs(da))) << a << ", " << b;
        EXPECT_NEAR(number(rows[k][4]), db, 1e-8 * (1 + std::fabs(db))) << a << ", " << b;
    }
}

TEST(CliGlu, SlicesWriteTheirVariableGAndTheDerivativeAlongThem) {
    TempDir tmp;
    const core::Gate silu = gate_of("silu");
    // b = a: g = silu(x)·x, d/dx = silu'(x)·x + silu(x)
    RunResult r = run_actlab({"export", "glu-slice", "--set", "a=-2,0,1,3", "--out", tmp / "d.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto rows = read_csv(read_text(tmp / "d.csv"));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"x", "g", "dg_dx"}));
    for (size_t k = 1; k < rows.size(); ++k) {
        const double x = number(rows[k][0]);
        EXPECT_EQ(number(rows[k][1]), core::gated_g(silu, x, x));
        EXPECT_EQ(number(rows[k][2]), core::gated_dg_da(silu, x, x) + core::gated_dg_db(silu, x, x));
        const double fd = (core::gated_g(silu, x + 1e-5, x + 1e-5) - core::gated_g(silu, x - 1e-5, x - 1e-5)) / 2e-5;
        EXPECT_NEAR(number(rows[k][2]), fd, 1e-8 * (1 + std::fabs(fd)));
    }
    // b held: the default sweep of a, 161 points
    r = run_actlab({"export", "glu-slice", "--set", "slice=b", "--set", "slice_b=-2.5", "--out", tmp / "b.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rows = read_csv(read_text(tmp / "b.csv"));
    ASSERT_EQ(rows.size(), 1u + 161);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b", "g", "dg_da"}));
    for (size_t k = 1; k < rows.size(); ++k) {
        const double a = number(rows[k][0]);
        EXPECT_EQ(rows[k][1], "-2.5");
        EXPECT_EQ(number(rows[k][2]), core::gated_g(silu, a, -2.5));
        EXPECT_EQ(number(rows[k][3]), core::gated_dg_da(silu, a, -2.5));
    }
    EXPECT_EQ(rows[1][0], "-4");
    EXPECT_EQ(rows.back()[0], "4");
    // a held: a line in b of slope act(a)
    r = run_actlab({"export", "glu-slice", "--set", "gate=reglu", "--set", "slice=a", "--set", "slice_a=1.5", "--set",
                    "b=-1,0,2", "--out", tmp / "a.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_text(tmp / "a.csv"), "a,b,g,dg_db\n1.5,-1,-1.5,1.5\n1.5,0,0,1.5\n1.5,2,3,1.5\n");
}

// The counts are the formulas: 2·d·d_ff and 4·d·d_ff standard, 3·d·d_ff and 6·d·d_ff + d_ff gated, and
// the 2/3 rule's width LLaMA's 11008 at d = 4096.
TEST(CliGlu, FfnRowsAreTheFormulasWithLlamasWidth) {
    TempDir tmp;
    const std::string out = tmp / "ffn.csv";
    const RunResult r = run_actlab({"export", "glu-ffn", "--set", "d_model=4096", "--set", "d_ff=16384", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(out));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"block", "matrices", "d_ff", "parameters", "flops_per_token"}));
    const std::int64_t d = 4096, ff = 16384, w = 11008;
    EXPECT_EQ(rows[1], (std::vector<std::string>{"standard", "2", "16384", std::to_string(2 * d * ff), std::to_string(4 * d * ff)}));
    EXPECT_EQ(rows[2], (std::vector<std::string>{"gated", "3", "16384", std::to_string(3 * d * ff), std::to_string(6 * d * ff + ff)}));
    EXPECT_EQ(rows[3], (std::vector<std::string>{"gated_two_thirds", "3", "11008", std::to_string(3 * d * w),
                                                 std::to_string(6 * d * w + w)}));
    // at d = 768 (3 divides it, 256 divides 2048) the 2/3 rule keeps 8d² exactly
    const RunResult t5 = run_actlab({"export", "glu-ffn", "--set", "d_model=768", "--set", "d_ff=3072", "--out", tmp / "t5.csv"});
    ASSERT_EQ(t5.exit_code, 0) << t5.err;
    const auto t = read_csv(read_text(tmp / "t5.csv"));
    ASSERT_EQ(t.size(), 4u);
    EXPECT_EQ(t[3][2], "2048");
    EXPECT_EQ(t[3][3], std::to_string(8 * 768 * 768));
    EXPECT_EQ(t[1][3], t[3][3]);
    // Mistral-7B's gated block, 14336 = 3.5 · 4096, and a multiple of 1: ⌈8·4096/3⌉ = 10923
    const RunResult m = run_actlab({"export", "glu-ffn", "--set", "d_model=4096", "--set", "d_ff=14336", "--set", "multiple=1",
                                    "--out", tmp / "m.csv"});
    ASSERT_EQ(m.exit_code, 0) << m.err;
    const auto mr = read_csv(read_text(tmp / "m.csv"));
    EXPECT_EQ(mr[2][3], std::to_string(3 * d * 14336));
    EXPECT_EQ(mr[3][2], "10923");
}

TEST(CliGlu, PngsShowTheMapsInTheirColours) {
    TempDir tmp;
    for (const char* plot : {"glu-surface", "glu-gradient"}) {
        const std::string out = tmp / (std::string(plot) + ".png");
        const RunResult r = run_actlab({"export", plot, "--set", "gate=reglu", "--size", "1000x700", "--out", out});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const Png png = read_png(out);
        ASSERT_TRUE(png.ok);
        EXPECT_EQ(png.width, 1000);
        EXPECT_EQ(png.height, 700);
        // the diverging map's strong ends, as the playground colours signs: blue above 0 (a > 0, b > 0),
        // orange below
        EXPECT_GT(count_color(png, 0, 114, 178, 60), 200) << plot;
        EXPECT_GT(count_color(png, 230, 159, 0, 60), 200) << plot;
    }
    for (const char* plot : {"glu-slice", "glu-ffn"}) {
        const RunResult r = run_actlab({"export", plot, "--out", tmp / (std::string(plot) + ".png")});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const Png png = read_png(tmp / (std::string(plot) + ".png"));
        ASSERT_TRUE(png.ok);
        EXPECT_GT(count_color(png, 0, 114, 178, 20), 500) << plot;  // g's curve, the gated block's bar
    }
    EXPECT_EQ(list_dir(tmp.path).size(), 4u);
}

TEST(CliGlu, BadArgumentsGetOneClearLineExitCodeTwoAndNoFile) {
    struct BadCase {
        std::vector<std::string> args;
        std::string says;
    };
    const std::vector<BadCase> cases = {
        {{"glu-surface", "--set", "gate=sofmax", "--out", "OUT.csv"}, "'gate=sofmax': unknown gate (known: identity, sigmoid"},
        {{"glu-surface", "--set", "amin=5", "--out", "OUT.png"}, "amin (5) must be less than amax (4)"},
        {{"glu-gradient", "--set", "bmin=-1", "--set", "bmax=-2", "--out", "OUT.csv"}, "bmin (-1) must be less than bmax (-2)"},
        {{"glu-surface", "--set", "amax=2000", "--out", "OUT.csv"}, "'amax=2000': must be a number from -1000 to 1000"},
        {{"glu-surface", "--set", "samples=1", "--out", "OUT.csv"}, "'samples=1': must be a whole number from 2 to 1001"},
        {{"glu-surface", "--set", "a=1,x", "--out", "OUT.csv"}, "'a=1,x': 'x' is not a finite number"},
        {{"glu-surface", "--set", "b=", "--out", "OUT.csv"}, "'b=': give one or more numbers"},
        {{"glu-surface", "--set", "swish.beta=99", "--out", "OUT.csv"}, "beta of swish must be from"},
        {{"glu-surface", "--set", "slice=b", "--out", "OUT.csv"}, "unknown key 'slice' for glu-surface"},
        {{"glu-gradient", "--set", "ungated=true", "--out", "OUT.csv"}, "unknown key 'ungated' for glu-gradient"},
        {{"glu-slice", "--set", "slice=up", "--out", "OUT.csv"}, "'slice=up': must be diagonal, b or a"},
        {{"glu-slice", "--set", "slice_b=1e9", "--out", "OUT.csv"}, "'slice_b=1e9': must be a number from -1000 to 1000"},
        {{"glu-slice", "--set", "d_ff=10", "--out", "OUT.csv"}, "unknown key 'd_ff' for glu-slice"},
        {{"glu-ffn", "--set", "d_ff=0", "--out", "OUT.csv"}, "'d_ff=0': must be a whole number from 1 to 16777216"},
        {{"glu-ffn", "--set", "d_model=16777217", "--out", "OUT.csv"}, "'d_model=16777217': must be a whole number from 1 to 16777216"},
        {{"glu-ffn", "--set", "d_model=2.5", "--out", "OUT.csv"}, "'d_model=2.5': must be a whole number"},
        {{"glu-ffn", "--set", "multiple=0", "--out", "OUT.png"}, "'multiple=0': must be a whole number from 1 to 16777216"},
        {{"glu-ffn", "--set", "d_model=16777216", "--out", "OUT.csv"}, "past 2^24"},
        {{"glu-ffn", "--set", "gate=relu", "--out", "OUT.csv"}, "unknown key 'gate' for glu-ffn (keys: d_model, d_ff and multiple)"},
        {{"glu-ffn", "--set", "swish.beta=2", "--out", "OUT.csv"}, "unknown key 'swish.beta' for glu-ffn"},
    };
    for (const BadCase& c : cases) expect_refused(c.args, c.says);
}
