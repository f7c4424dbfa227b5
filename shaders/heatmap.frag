// Colours a field the core computed (core/decision_grid.h, BoundaryField): it decides no number of its own.
//
// One layer: a signed value, the decision at 0. Its sign picks the class colour, its size (clamped to 1)
// how far the colour goes from white toward it.
// K layers (K ≥ 3 classes): one probability per class. The largest picks the colour; its lead over the
// uniform 1/K sets the shade.
//
// The contour is drawn where the value crosses 0 (or where the two largest probabilities are equal):
// its distance in pixels is the value over its screen-space rate of change, so the line keeps the
// same width, smooth edges included, whatever the zoom. The texture is sampled with linear filtering
// between grid points, so the line runs between them rather than along the grid's steps.
#version 330 core
uniform sampler2DArray u_field;
uniform int u_first_layer;       // the field's first layer in the texture (one unit's map among many)
uniform int u_layers;            // 1: signed; ≥ 3: class probabilities
uniform vec3 u_colors[10];       // signed: [0] below 0, [1] above; classes: one per class
uniform float u_strength;        // how far toward the class colour the strongest value goes (0–1)
uniform bool u_discrete;         // flat colours: each point the colour of its decision, at full strength
uniform float u_contour_width;   // in pixels; 0: no contour
uniform vec3 u_contour_color;
in vec2 v_uv;
out vec4 out_color;

void main() {
    vec3 color;
    float margin;                // 0 on the decision boundary, growing away from it
    float amount;                // 0 (white) … 1 (the class colour at u_strength)
    if (u_layers == 1) {
        float v = texture(u_field, vec3(v_uv, float(u_first_layer))).r;
        color = v < 0.0 ? u_colors[0] : u_colors[1];
        amount = min(abs(v), 1.0);
        margin = v;
    } else {
        float best = -1.0, second = -1.0;
        int winner = 0;
        for (int k = 0; k < u_layers; ++k) {
            float p = texture(u_field, vec3(v_uv, float(u_first_layer + k))).r;
            if (p > best) {
                second = best;
                best = p;
                winner = k;
            } else if (p > second) {
                second = p;
            }
        }
        color = u_colors[min(winner, 9)];
        float uniform_p = 1.0 / float(u_layers);
        amount = clamp((best - uniform_p) / (1.0 - uniform_p), 0.0, 1.0);
        margin = best - second;
    }
    if (u_discrete) amount = 1.0;
    vec3 shade = mix(vec3(1.0), color, amount * u_strength);
    if (u_contour_width > 0.0) {
        float pixels = abs(margin) / max(fwidth(margin), 1e-6);
        float half_width = 0.5 * u_contour_width;
        float ink = 1.0 - smoothstep(half_width - 0.5, half_width + 0.5, pixels);
        shade = mix(shade, u_contour_color, ink);
    }
    out_color = vec4(shade, 1.0);
}
