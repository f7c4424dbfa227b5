#include "app/panels/typed_field.h"

#include "app/figures/keys.h"
#include "app/ui_items.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace actlab::app {

namespace {

// The one field being typed into (ImGui has one active item at a time) and its text as typed so far:
// on the frame it is let go, ImGui no longer hands the text back, so it is kept here.
struct Typing {
    ImGuiContext* context = nullptr;
    ImGuiID id = 0;
    std::string text;
};
Typing g_typing;

std::string shown(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

// Draws the field showing `current` when not typed in. When typing is confirmed, `apply` gets the
// text and returns "" when it took it, or the refusal. True when applied.
bool field(const char* label, const std::string& current, const char* hint, ImGuiInputTextFlags flags,
           std::string* message, const std::function<std::string(const std::string&)>& apply) {
    const ImGuiID id = ImGui::GetID(label);
    std::string text = current;
    const ImGuiInputTextFlags all = flags | ImGuiInputTextFlags_AutoSelectAll;
    if (hint) ImGui::InputTextWithHint(label, hint, &text, all);
    else ImGui::InputText(label, &text, all);
    record_item(std::strncmp(label, "##", 2) == 0 ? label + 2 : label);
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (ImGui::IsItemActive()) {
        g_typing = {context, id, text};
        return false;
    }
    if (!ImGui::IsItemDeactivated() || g_typing.context != context || g_typing.id != id) return false;
    const std::string typed = g_typing.text;
    g_typing = {};
    // Esc gives up: ImGui has put the old text back
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) || typed == current) return false;
    const std::string refused = apply(typed);
    if (message) *message = refused;
    return refused.empty();
}

}  // namespace

bool parse_typed_number(const std::string& text, double* out) { return parse_finite(text, out); }

bool typed_double(const char* label, double* value, const char* format, std::string* message, const Check& check) {
    const std::string current = shown(format, *value);
    return field(label, current, nullptr, ImGuiInputTextFlags_CharsScientific, message, [&](const std::string& typed) {
        double v = 0;
        if (trimmed(typed).empty()) return "An empty field changes nothing; it stays " + current + ".";
        if (!parse_typed_number(typed, &v))
            return "'" + trimmed(typed) + "' is not a finite number; it stays " + current + ".";
        if (check) {
            std::string why = check(v);
            if (!why.empty()) return why;
        }
        *value = v;
        return std::string();
    });
}

bool typed_int(const char* label, int* value, int lo, int hi, std::string* message) {
    const std::string current = std::to_string(*value);
    return field(label, current, nullptr, ImGuiInputTextFlags_CharsScientific, message, [&](const std::string& typed) {
        long v = 0;
        if (!parse_whole(typed, lo, hi, &v))
            return "'" + trimmed(typed) + "' is not a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                   "; it stays " + current + ".";
        *value = static_cast<int>(v);
        return std::string();
    });
}

template <typename Unsigned>
bool typed_unsigned(const char* label, Unsigned* value, std::string* message, unsigned long long max) {
    const std::string current = std::to_string(*value);
    return field(label, current, nullptr, ImGuiInputTextFlags_CharsDecimal, message, [&](const std::string& typed) {
        const std::string t = trimmed(typed);
        char* end = nullptr;
        errno = 0;
        const unsigned long long v = t.empty() || t[0] == '-' ? 0 : std::strtoull(t.c_str(), &end, 10);
        if (t.empty() || t[0] == '-' || !end || *end != '\0' || errno == ERANGE || v > max)
            return "'" + t + "' is not a whole number from 0 to " + std::to_string(max) + "; it stays " + current + ".";
        *value = static_cast<Unsigned>(v);
        return std::string();
    });
}

bool typed_u64(const char* label, unsigned long long* value, std::string* message, unsigned long long max) {
    return typed_unsigned(label, value, message, max);
}
bool typed_u64(const char* label, unsigned long* value, std::string* message, unsigned long long max) {
    static_assert(sizeof(unsigned long) == sizeof(unsigned long long), "a seed has 64 bits");
    return typed_unsigned(label, value, message, max);
}

bool typed_text(const char* label, std::string* value, const char* hint, std::string* message,
                const std::function<std::string(const std::string&)>& check) {
    return field(label, *value, hint, 0, message, [&](const std::string& typed) {
        if (check) {
            std::string why = check(typed);
            if (!why.empty()) return why;
        }
        *value = typed;
        return std::string();
    });
}

}  // namespace actlab::app
