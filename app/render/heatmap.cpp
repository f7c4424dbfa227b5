#include "app/render/heatmap.h"

#include "app/frame_stats.h"

#include "app/render/shaders.h"  // generated from shaders/ at build time

#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace actlab::app {

namespace {

// A program per number of layers (1 … kMaxLayers), each made the first time a field of that many
// layers is drawn, once per process, in the first GL context that draws a heatmap (actlab has one:
// the window's, or the headless one of `actlab export`).
constexpr int kMaxLayers = 10;
struct Program {
    GLuint id = 0;
    bool failed = false;
    GLint projection = -1, field = -1, first_layer = -1, colors = -1, strength = -1, discrete = -1, contour_width = -1,
          contour_color = -1, outline_width = -1, outline_color = -1, value_layer = -1, ramp = -1;
    GLint position = -1, uv = -1, color = -1;
};
Program g_programs[kMaxLayers + 1];  // [layers]; [0] unused

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "actlab: the heatmap shader does not compile: %s\n", log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

// The fragment shader's source with `#define LAYERS n` after its #version line.
std::string fragment_source(int layers) {
    std::string source = kHeatmapFragmentShader;
    const size_t version = source.find("#version");
    const size_t line_end = version == std::string::npos ? std::string::npos : source.find('\n', version);
    const std::string define = "#define LAYERS " + std::to_string(layers) + "\n";
    if (line_end == std::string::npos) return define + source;
    return source.insert(line_end + 1, define);
}

const Program* ensure_program(int layers) {
    Program& p = g_programs[layers];
    if (p.id || p.failed) return p.id ? &p : nullptr;
    const GLuint vs = compile(GL_VERTEX_SHADER, kHeatmapVertexShader);
    const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_source(layers).c_str());
    if (!vs || !fs) {
        if (vs) glDeleteShader(vs);
        if (fs) glDeleteShader(fs);
        p.failed = true;
        return nullptr;
    }
    p.id = glCreateProgram();
    glAttachShader(p.id, vs);
    glAttachShader(p.id, fs);
    glLinkProgram(p.id);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p.id, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetProgramInfoLog(p.id, sizeof log, nullptr, log);
        std::fprintf(stderr, "actlab: the heatmap shaders do not link: %s\n", log);
        glDeleteProgram(p.id);
        p.id = 0;
        p.failed = true;
        return nullptr;
    }
    p.projection = glGetUniformLocation(p.id, "u_projection");
    p.field = glGetUniformLocation(p.id, "u_field");
    p.first_layer = glGetUniformLocation(p.id, "u_first_layer");
    p.colors = glGetUniformLocation(p.id, "u_colors");
    p.strength = glGetUniformLocation(p.id, "u_strength");
    p.discrete = glGetUniformLocation(p.id, "u_discrete");
    p.contour_width = glGetUniformLocation(p.id, "u_contour_width");
    p.contour_color = glGetUniformLocation(p.id, "u_contour_color");
    p.outline_width = glGetUniformLocation(p.id, "u_outline_width");
    p.outline_color = glGetUniformLocation(p.id, "u_outline_color");
    p.value_layer = glGetUniformLocation(p.id, "u_value_layer");
    p.ramp = glGetUniformLocation(p.id, "u_ramp");
    p.position = glGetAttribLocation(p.id, "Position");
    p.uv = glGetAttribLocation(p.id, "UV");
    p.color = glGetAttribLocation(p.id, "Color");
    return &p;
}

void rgb(ImU32 c, float* out) {
    const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    out[0] = v.x;
    out[1] = v.y;
    out[2] = v.z;
}

// Called by the OpenGL 3 backend in place of a draw command: switches to the heatmap program for the
// next command (the textured rectangle). The backend has bound its vertex array and buffers.
void begin_heatmap(const ImDrawList*, const ImDrawCmd* cmd) {
    const auto* d = static_cast<const HeatmapPainter::Draw*>(cmd->UserCallbackData);
    const Program* program = ensure_program(std::clamp(d->layers, 1, kMaxLayers));
    if (!program) return;
    const Program& p = *program;
    const ImDrawData* data = ImGui::GetDrawData();
    const float l = data->DisplayPos.x, r = data->DisplayPos.x + data->DisplaySize.x;
    const float t = data->DisplayPos.y, b = data->DisplayPos.y + data->DisplaySize.y;
    const float ortho[16] = {2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1.0f, 0,
                             (r + l) / (l - r), (t + b) / (b - t), 0, 1.0f};
    glUseProgram(p.id);
    glUniformMatrix4fv(p.projection, 1, GL_FALSE, ortho);
    glUniform1i(p.field, 1);
    glUniform1i(p.first_layer, d->first_layer);
    float colors[30];
    for (int k = 0; k < 10; ++k) rgb(d->style.colors[k], colors + 3 * k);
    glUniform3fv(p.colors, 10, colors);
    glUniform1f(p.strength, d->style.strength);
    glUniform1i(p.discrete, d->style.discrete ? 1 : 0);
    glUniform1f(p.contour_width, d->style.contour_width * data->FramebufferScale.x);
    float contour[3];
    rgb(d->style.contour_color, contour);
    glUniform3fv(p.contour_color, 1, contour);
    glUniform1f(p.outline_width, d->style.contour_outline_width * data->FramebufferScale.x);
    rgb(d->style.contour_outline_color, contour);
    glUniform3fv(p.outline_color, 1, contour);
    glUniform1i(p.value_layer, d->style.value_layer);
    float ramp[9];
    for (int k = 0; k < 3; ++k) rgb(d->style.ramp[k], ramp + 3 * k);
    glUniform3fv(p.ramp, 3, ramp);
    // the field on texture unit 1, so the backend's unit 0 is left as it is
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D_ARRAY, d->texture);
    glActiveTexture(GL_TEXTURE0);
    // ImGui's vertex layout, at this program's attribute locations
    const auto attribute = [](GLint location, GLint size, GLenum type, GLboolean normalised, size_t offset) {
        if (location < 0) return;
        glEnableVertexAttribArray(static_cast<GLuint>(location));
        glVertexAttribPointer(static_cast<GLuint>(location), size, type, normalised, sizeof(ImDrawVert),
                              reinterpret_cast<const void*>(offset));
    };
    attribute(p.position, 2, GL_FLOAT, GL_FALSE, offsetof(ImDrawVert, pos));
    attribute(p.uv, 2, GL_FLOAT, GL_FALSE, offsetof(ImDrawVert, uv));
    attribute(p.color, 4, GL_UNSIGNED_BYTE, GL_TRUE, offsetof(ImDrawVert, col));
}

}  // namespace

HeatmapTexture::~HeatmapTexture() {
    if (m_id) glDeleteTextures(1, &m_id);
}

void HeatmapTexture::upload(const core::BoundaryField& field, const core::BoundaryField* more) {
    if (field.n <= 0 || field.layers <= 0) return;
    const auto start = std::chrono::steady_clock::now();  // GL work of the frame (View ▸ Frame times)
    if (more && (more->n != field.n || more->layers <= 0)) more = nullptr;
    const int layers = field.layers + (more ? more->layers : 0);
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D_ARRAY, &previous);
    const bool fresh = m_id == 0;
    if (fresh) glGenTextures(1, &m_id);
    glBindTexture(GL_TEXTURE_2D_ARRAY, m_id);
    if (fresh) {
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    if (fresh || field.n != m_n || layers != m_layers)
        glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_R32F, field.n, field.n, layers, 0, GL_RED, GL_FLOAT, nullptr);
    glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, field.n, field.n, field.layers, GL_RED, GL_FLOAT, field.values.data());
    if (more)
        glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, field.layers, field.n, field.n, more->layers, GL_RED, GL_FLOAT,
                        more->values.data());
    m_n = field.n;
    m_layers = layers;
    glBindTexture(GL_TEXTURE_2D_ARRAY, static_cast<GLuint>(previous));
    add_gl_work(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
}

void HeatmapPainter::draw(ImDrawList* list, const HeatmapTexture& texture, ImVec2 p_min, ImVec2 p_max,
                          const HeatmapStyle& style, int first_layer, int layers) {
    if (texture.empty() || first_layer < 0 || first_layer >= texture.layers()) return;
    if (layers <= 0 || first_layer + layers > texture.layers()) layers = texture.layers() - first_layer;
    m_draws.push_back({texture.id(), first_layer, layers, style});
    // Texel centres are the grid points: the rectangle's edges sit half a texel inside the texture.
    // Row 0 of the texture is the grid's bottom row, drawn at the bottom (p_max.y).
    const float half = 0.5f / static_cast<float>(texture.n());
    list->AddCallback(begin_heatmap, &m_draws.back());
    // The rectangle is drawn with the font texture bound as far as the backend knows (it binds only
    // 2D textures); the heatmap program samples the field from unit 1 instead.
    list->AddImage(ImGui::GetIO().Fonts->TexID, p_min, p_max, ImVec2(half, 1.0f - half), ImVec2(1.0f - half, half));
    list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

}  // namespace actlab::app
