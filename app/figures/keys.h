// Reading a figure's KEY=VALUE settings, as `actlab export --set` gives them and settings.json stores
// them. Each figure has its own keys (activation_keys.h, ...); these are the pieces they share, so
// every figure words its errors the same way: 'key=value': what is wrong.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace actlab::app {

using KeyValue = std::pair<std::string, std::string>;

// Splits "key=value" at the first '='. False (with *error) when there is no '=' or no key.
bool split_key_value(const std::string& text, KeyValue* out, std::string* error);

// The text without spaces or tabs at either end.
std::string trimmed(const std::string& text);
// "a, b,c" → {"a", "b", "c"}; a trailing comma gives an empty last item (so it can be refused).
std::vector<std::string> split_list(const std::string& text);

// A finite number, spaces around it allowed. Values too small for a normal double (4.9e-324, 1e-999)
// are fine (they round to subnormals or 0); values too large (1e999) are not.
bool parse_finite(const std::string& text, double* out);
// A comma-separated list of finite numbers; on failure *bad_item is the item at fault.
bool parse_finite_list(const std::string& text, std::vector<double>* out, std::string* bad_item);
// A whole number from lo to hi ("3", "3.0" and "3e0" are all 3).
bool parse_whole(const std::string& text, long lo, long hi, long* out);

// A value (or key) as quoted in an error: long lists are cut and control characters written as
// escapes (\n, \x01), so the message stays one readable line.
std::string quoted(const std::string& value);
// The text with its control characters written as escapes, as quoted() does, and not cut.
std::string one_line(const std::string& text);
// "'key=value': why": how every refused key is reported.
std::string key_error(const std::string& key, const std::string& value, const std::string& why);
// The catalogue's ids, "identity, sigmoid, ...", for "unknown activation" messages.
std::string known_activation_ids();

// An activation parameter key, "<id>.<param>" (leaky_relu.alpha=0.1), checked against the catalogue's
// names and ranges. Returns false when the key has no '.' (not such a key; *error untouched) or when it
// is wrong (*error set); otherwise true with the catalogue index, parameter slot and value.
bool parse_activation_param(const std::string& key, const std::string& value, int* activation, int* slot,
                            double* number, std::string* error);

// A number written so that reading it back gives the same double, in as few digits as that takes
// (%.15g to %.17g): settings, error messages and CSV files.
std::string number_text(double v);

}  // namespace actlab::app
