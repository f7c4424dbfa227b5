// Numbers and lines of text as every label, table cell, tooltip and note shows them. Pure (no ImGui),
// so it is unit-tested on its own (tests/app/test_text_format.cpp). The CSV writers do not use it:
// they keep %.17g, which reads back to the same double.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace actlab::plot {

// `digits` significant digits (printf's %g, which gives 6), as a reader wants them: a value that is not
// 0 never shows as 0 (0.00042 → "0.00042", 1.5e-43 → "1.5e−43"), ±0 is "0", the minus is U+2212, the
// exponent has no padding or '+' (1e-05 → "1e−5", 1.5e+20 → "1.5e20"), and ±inf and NaN are "∞",
// "−∞", "NaN".
std::string format_significant(double value, int digits = 6);

// `decimals` places (%.*f), for a column of comparable values such as probabilities ("0.250"), except
// that a value with fewer than two significant digits in them shows `digits` significant digits
// instead (0.0042 → "0.0042", 4.2e-5 → "4.2e−5", never "0.000" or "0.004"). 0 and −0 are "0.000".
std::string format_decimals(double value, int decimals, int digits = 2);

// A count with its thousands grouped: 12345 → "12,345".
std::string format_thousands(long value);

// A message clause as a sentence: a capital first letter (unless the first word is a name such as x1)
// and a full stop at the end, unless it ends in one already (or in '?', '!'):
// "the data have two classes: use softmax" → "The data have two classes: use softmax.".
std::string sentence(const std::string& clause);

// Splits `text` into lines no wider than `width` (as `measure` gives the width of a piece of text), breaking
// only at spaces and at '\n': never inside a number ("1.5e−43", which Dear ImGui breaks after the
// point) or a word, and never at a no-break space (U+00A0), which keeps a number with its unit
// ("30 %"). A word wider than `width` gets a line of its own. The space at a break is dropped.
std::vector<std::string> wrap_text(const std::string& text, float width,
                                   const std::function<float(const std::string&)>& measure);

}  // namespace actlab::plot
