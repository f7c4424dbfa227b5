// A headless ImGui context for the plot widget's tests: a display of the given size with a built font
// atlas, the plot widget's own context, and one frame at a time drawing into a window over the display.
#pragma once

#include "app/plot/plot.h"

#include <imgui.h>

#include <functional>

struct PlotHarness {
    ImGuiContext* imgui;
    actlab::plot::Context* plots;
    explicit PlotHarness(ImVec2 display) {
        imgui = ImGui::CreateContext();
        plots = actlab::plot::CreateContext();
        actlab::plot::SetCurrentContext(plots);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as the OpenGL 3 renderer has
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~PlotHarness() {
        actlab::plot::DestroyContext(plots);
        ImGui::DestroyContext(imgui);
    }
    PlotHarness(const PlotHarness&) = delete;
    PlotHarness& operator=(const PlotHarness&) = delete;
    // One frame with the mouse at `mouse`, the left button up or down; `body` runs inside the window and
    // `before_end` just before the window ends (to read what the frame drew).
    void frame(ImVec2 mouse, bool down, const std::function<void()>& body, const std::function<void()>& before_end = {}) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        body();
        if (before_end) before_end();
        ImGui::End();
        ImGui::Render();
    }
};
