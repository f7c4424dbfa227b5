// Fields a value is typed into. Every one follows the same rule: what is typed applies when it is
// confirmed (Enter, Tab, or a click elsewhere; Esc gives up), never at each keystroke, so typing 0.05
// does not pass through 0 on the way. A value that cannot be used is refused with a sentence saying
// what and why (in *message, which the panel shows in red), and the field shows the value in force
// again. Applying a good value clears *message.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>

namespace actlab::app {

// Why a typed value is refused, as a whole sentence ("A logit must be within ±10000; class A keeps 2."),
// or "" to take it.
using Check = std::function<std::string(double)>;

// A number (any finite double the check takes), shown with `format` ("%.6g") when not being typed in.
// True when *value changed.
bool typed_double(const char* label, double* value, const char* format, std::string* message, const Check& check = {});
// A whole number from lo to hi ("3", "3.0" and "3e0" are all 3).
bool typed_int(const char* label, int* value, int lo, int hi, std::string* message);
// An unsigned whole number from 0 to `max` (a seed).
bool typed_u64(const char* label, unsigned long long* value, std::string* message, unsigned long long max = ~0ull);
bool typed_u64(const char* label, unsigned long* value, std::string* message, unsigned long long max = ~0ull);
// Text, with a hint shown while the field is empty; `check` takes the text instead of a number.
bool typed_text(const char* label, std::string* value, const char* hint, std::string* message,
                const std::function<std::string(const std::string&)>& check = {});

// The text actually typed, as the field would parse it: for tests and for the messages.
// "  2.5 " → 2.5; "1e999", "inf", "nan", "2x" and "" are not numbers.
bool parse_typed_number(const std::string& text, double* out);

}  // namespace actlab::app
