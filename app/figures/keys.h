// Reading a figure's KEY=VALUE settings, as `actlab export --set` gives them and settings.json stores
// them. Each view has one table of keys (activation_keys.cpp, ...): every key's name, help, parser and
// writer in one entry. Parsing, writing, the --help lines and the list in an "unknown key" message are
// all made from the table here, so every view words its errors the same way: 'key=value': what is wrong.
#pragma once

#include <optional>
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
// *error is just the reason ("alpha of leaky_relu must be from 0 to 1"), for key_error to frame.
bool parse_activation_param(const std::string& key, const std::string& value, int* activation, int* slot,
                            double* number, std::string* error);
struct ParamKey {
    std::string key;  // "leaky_relu.alpha"
    int activation;   // catalogue index
    int slot;         // parameter slot
};
// Every parameter of the catalogue as its key, in catalogue order.
std::vector<ParamKey> activation_param_keys();

// A number written so that reading it back gives the same double, in as few digits as that takes
// (%.15g to %.17g): settings, error messages and CSV files.
std::string number_text(double v);

// A number as a range in a message: number_text's digits, the exponent as typed (1e-5, 1e6).
std::string range_text(double v);
// "must be a number from LO to HI": the message of in_range's check.
std::string range_message(double lo, double hi);
std::string whole_range_message(long lo, long hi);
// A finite number from lo to hi (both included); false with *why = range_message(lo, hi).
bool number_in_range(const std::string& value, double lo, double hi, double* out, std::string* why);
// A whole number from lo to hi; false with *why = whole_range_message(lo, hi).
bool whole_in_range(const std::string& value, long lo, long hi, long* out, std::string* why);
// The same, into an int (lo and hi within int's range).
bool int_in_range(const std::string& value, long lo, long hi, int* out, std::string* why);
// "a, b and c": names joined for a message.
std::string joined_names(const std::vector<std::string>& names);

// *why = text, and false: how a key's parser refuses a value.
inline bool refuse(std::string* why, const std::string& text) {
    *why = text;
    return false;
}

// One key of a view's table. `figures` says which of the view's figures read the key, one bit each
// (for a view with one figure, every bit): a command-line plot refuses a key it does not show.
constexpr unsigned kEveryFigure = ~0u;
template <class View>
struct Key {
    const char* name;     // as typed: "xmin"
    const char* example;  // a value for the help line: "-5" gives "xmin=-5"
    std::string help;     // what it sets and what it takes; a '\n' goes on in the help's next line
    // Applies the value to the view; false with *why (what is wrong and what is allowed).
    bool (*parse)(View& view, const std::string& value, std::string* why);
    // The value's text from the view, which parse reads back to the same view; nullopt: not written.
    std::optional<std::string> (*write)(const View& view);
    unsigned figures = kEveryFigure;
};

// Keys named by a pattern rather than one by one: <function>.<param> (leaky_relu.alpha). Read after the
// table's named keys, and written after them; every figure of the view reads them.
template <class View>
struct KeyPattern {
    const char* pattern;  // "<function>.<param>", as the help and the "unknown key" message show it
    const char* example;  // one such key and value, for the help: "leaky_relu.alpha=0.1"
    const char* help;
    // Applies the pair: false with *why empty when `key` is not of the pattern, *why set when it is wrong.
    bool (*parse)(View& view, const std::string& key, const std::string& value, std::string* why);
    void (*write)(const View& view, std::vector<KeyValue>* out);  // every key of the pattern
};

template <class View>
struct KeyTable {
    std::vector<Key<View>> keys;              // in the order they are written
    const KeyPattern<View>* pattern = nullptr;
};

// The table's help lines, aligned in two columns ("  name=example   help"); only the keys one of
// `figures` reads.
std::string format_key_help(const std::vector<std::pair<std::string, std::string>>& rows);
template <class View>
std::string key_help(const KeyTable<View>& table, unsigned figures = kEveryFigure) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const Key<View>& k : table.keys)
        if (k.figures & figures) rows.emplace_back(std::string(k.name) + "=" + k.example, k.help);
    if (table.pattern)
        rows.emplace_back(std::string(table.pattern->pattern) + "=value",
                          std::string(table.pattern->help) + ", such as " + table.pattern->example);
    return format_key_help(rows);
}

// "logits, labels and <function>.<param>": the keys one of `figures` reads, for a message.
template <class View>
std::string key_names(const KeyTable<View>& table, unsigned figures = kEveryFigure) {
    std::vector<std::string> names;
    for (const Key<View>& k : table.keys)
        if (k.figures & figures) names.push_back(k.name);
    if (table.pattern) names.push_back(table.pattern->pattern);
    return joined_names(names);
}

// "unknown key 'colour' (keys: functions, ..., and <function>.<param> such as leaky_relu.alpha=0.1)".
template <class View>
std::string unknown_key_message(const KeyTable<View>& table, const std::string& key) {
    std::string names;
    for (const Key<View>& k : table.keys) names += (names.empty() ? "" : ", ") + std::string(k.name);
    if (table.pattern)
        names += std::string(", and ") + table.pattern->pattern + " such as " + table.pattern->example;
    return "unknown key '" + quoted(key) + "' (keys: " + names + ")";
}

// The entry named `key`, or nullptr.
template <class View>
const Key<View>* find_key(const KeyTable<View>& table, const std::string& key) {
    for (const Key<View>& k : table.keys)
        if (key == k.name) return &k;
    return nullptr;
}

// Applies one key. False with *error ("'key=value': why", or "unknown key ..."); *view is then unchanged.
template <class View>
bool apply_key(const KeyTable<View>& table, View* view, const std::string& key, const std::string& value,
               std::string* error) {
    View trial = *view;
    std::string why;
    bool ok = false;
    if (const Key<View>* k = find_key(table, key)) ok = k->parse(trial, value, &why);
    else if (table.pattern) ok = table.pattern->parse(trial, key, value, &why);
    if (ok) {
        *view = std::move(trial);
        return true;
    }
    *error = why.empty() ? unknown_key_message(table, key) : key_error(key, value, why);
    return false;
}

// The view as KEY=VALUE pairs, in the table's order, that apply_key reads back to the same view.
template <class View>
std::vector<KeyValue> write_keys(const KeyTable<View>& table, const View& view) {
    std::vector<KeyValue> out;
    for (const Key<View>& k : table.keys)
        if (std::optional<std::string> value = k.write(view)) out.emplace_back(k.name, std::move(*value));
    if (table.pattern) table.pattern->write(view, &out);
    return out;
}

// The pattern <function>.<param> of a view with `params` indexed like the catalogue (activation and
// gradient views): parse_activation_param's names and ranges.
template <class View>
const KeyPattern<View>* activation_param_pattern() {
    static const KeyPattern<View> pattern = {
        "<function>.<param>", "leaky_relu.alpha=0.1", "a parameter of a function (the catalogue's names and ranges)",
        [](View& view, const std::string& key, const std::string& value, std::string* why) {
            int index = 0, slot = 0;
            double number = 0.0;
            if (!parse_activation_param(key, value, &index, &slot, &number, why)) return false;
            view.params[static_cast<size_t>(index)].v[slot] = number;
            return true;
        },
        [](const View& view, std::vector<KeyValue>* out) {
            for (const auto& [key, index, slot] : activation_param_keys())
                out->emplace_back(key, number_text(view.params[static_cast<size_t>(index)].v[slot]));
        }};
    return &pattern;
}

}  // namespace actlab::app
