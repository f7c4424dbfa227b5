#include "app/app_state.h"

#include <algorithm>

namespace actlab::app {

void ExportSettings::clamp() {
    if (scale != 1 && scale != 2 && scale != 4) scale = 2;
    const int largest = kMaxImageSide / scale;
    width = std::clamp(width, kMinSide, largest);
    height = std::clamp(height, kMinSide, largest);
}

void UiSettings::set_text_scale(float scale) {
    text_scale = std::clamp(scale, kMinTextScale, kMaxTextScale);
    fonts_dirty = true;
}

}  // namespace actlab::app
