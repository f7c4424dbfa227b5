// Datasets from CSV files: a header `x1,x2,label`, then one point per line.
//
// The labels decide the task: all ±1 → two classes (Playground's convention; −1 is class 0);
// whole numbers 0 … K−1 → K classes (K ≤ kMaxClasses; 0/1 is two); −1 beside 0 (two conventions
// mixed) is refused; anything else (a fraction, or whole numbers outside those) → regression on the
// value. So a regression whose targets are all whole numbers from 0 to 9 reads back as classes.
// Every problem is reported with its line.
#pragma once

#include "core/dataset.h"

#include <cstddef>
#include <string>

namespace actlab::core {

constexpr int kMaxCsvRows = 100000;
constexpr int kMaxClasses = 10;
// The largest file load_dataset_csv reads: 100,000 points of three 17-digit numbers (with signs and
// exponents, about 75 bytes a line) take 8 MB; 64 MB leaves room for wide spacing.
constexpr std::size_t kMaxCsvBytes = std::size_t{64} << 20;


// Parses CSV text. On any problem: false, *error one sentence naming the line, *out untouched.
bool parse_dataset_csv(const std::string& text, Dataset* out, std::string* error);
// Reads and parses a file; a file that cannot be read, a folder, a device (/dev/zero) or a file
// larger than kMaxCsvBytes is reported by name.
bool load_dataset_csv(const std::string& path, Dataset* out, std::string* error);
// The dataset as CSV text that parse_dataset_csv reads back (labels as class ids or values, %.17g).
std::string dataset_csv(const Dataset& data);

}  // namespace actlab::core
