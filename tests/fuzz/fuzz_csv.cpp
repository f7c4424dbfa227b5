// libFuzzer harness: the dataset CSV reader (core/csv.h), as the playground's Load CSV and
// `--set data=FILE.csv` use it. The input is the file's text.
//
// A file that is refused leaves the dataset untouched and says why in one short sentence that names
// the line (or says the file is empty). A file that is read gives 2 to 100,000 finite points whose
// labels suit the task, and writing it with dataset_csv reads back to the same points.
#include "core/csv.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string>

using actlab::core::Dataset;

namespace {

bool same_dataset(const Dataset& a, const Dataset& b) {
    return a.classes == b.classes && a.x.rows() == b.x.rows() && a.x == b.x && a.target == b.target;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(bytes), size);
    Dataset data;
    data.x.setConstant(1, 2, 42.0);  // a sentinel that a refused file must leave as it is
    data.target.setConstant(1, 7.0);
    data.classes = 5;
    const Dataset before = data;
    std::string error;
    if (!actlab::core::parse_dataset_csv(text, &data, &error)) {
        FUZZ_CHECK(same_dataset(data, before), "a refused file changed the dataset");
        FUZZ_CHECK(!error.empty(), "a refused file gave no message");
        FUZZ_CHECK(error.rfind("line ", 0) == 0 || error.rfind("the file ", 0) == 0,
                   "the message names neither a line nor the file: " + error);
        FUZZ_CHECK(error.size() <= 240, "the message is not one short sentence (" + std::to_string(error.size()) +
                                            " characters): " + error.substr(0, 200));
        return 0;
    }
    FUZZ_CHECK(error.empty(), "a file that was read left a message: " + error);
    const int n = data.size();
    FUZZ_CHECK(n >= 2 && n <= actlab::core::kMaxCsvRows, "points read: " + std::to_string(n));
    FUZZ_CHECK(data.target.size() == n, "one label per point");
    FUZZ_CHECK(data.classes == 0 || (data.classes >= 2 && data.classes <= actlab::core::kMaxClasses),
               "classes: " + std::to_string(data.classes));
    for (int i = 0; i < n; ++i) {
        FUZZ_CHECK_FINITE(data.x(i, 0), "x1 of point " + std::to_string(i));
        FUZZ_CHECK_FINITE(data.x(i, 1), "x2 of point " + std::to_string(i));
        FUZZ_CHECK_FINITE(data.target(i), "the label of point " + std::to_string(i));
        if (data.classes > 0) {
            const double c = data.target(i);
            FUZZ_CHECK(c == std::floor(c) && c >= 0 && c < data.classes,
                       "class " + std::to_string(c) + " of point " + std::to_string(i));
        }
    }
    // what dataset_csv writes reads back to the same points
    Dataset back;
    FUZZ_CHECK(actlab::core::parse_dataset_csv(actlab::core::dataset_csv(data), &back, &error),
               "dataset_csv's text is refused: " + error);
    FUZZ_CHECK(same_dataset(back, data), "dataset_csv's text reads back to other points");
    return 0;
}
