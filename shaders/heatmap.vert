// The heatmap's vertices are Dear ImGui's own (one textured rectangle); this passes them through.
#version 330 core
uniform mat4 u_projection;
in vec2 Position;
in vec2 UV;
in vec4 Color;
out vec2 v_uv;
void main() {
    v_uv = UV;
    gl_Position = u_projection * vec4(Position, 0.0, 1.0);
}
