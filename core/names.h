// Looking up an enum by the name the command line and settings use for it.
#pragma once

#include <string>

namespace actlab::core {

// The index of `name` in `names` as the enum, or false when it is none of them.
template <class Enum, int N>
bool find_name(const char* const (&names)[N], const std::string& name, Enum* out) {
    for (int i = 0; i < N; ++i)
        if (name == names[i]) {
            *out = static_cast<Enum>(i);
            return true;
        }
    return false;
}

}  // namespace actlab::core
