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
//
// A value layer (the entropy map) replaces the class colours with a sequential colour map of that
// layer's 0 … 1; the contour is still the decision's, drawn from the layers above.
//
// LAYERS is defined by app/render/heatmap.cpp, one program per layer count: the one-layer program has
// no class loop at all, and the K-layer ones a loop of fixed length over values held in registers
// (a loop bounded at run time over arrays indexed at run time is what a software renderer pays most for).
#version 330 core
#ifndef LAYERS
#define LAYERS 1
#endif
uniform sampler2DArray u_field;
uniform int u_first_layer;       // the field's first layer in the texture (one unit's map among many)
uniform vec3 u_colors[10];       // signed: [0] below 0, [1] above; classes: one per class
uniform float u_strength;        // how far toward the class colour the strongest value goes (0–1)
uniform bool u_discrete;         // flat colours: each point the colour of its decision, at full strength
uniform float u_contour_width;   // in pixels; 0: no contour
uniform vec3 u_contour_color;
uniform float u_outline_width;   // an edge on each side of the contour, in pixels; 0: none
uniform vec3 u_outline_color;
uniform int u_value_layer;       // ≥ 0: colour this layer on u_ramp instead; -1: the class colours
uniform vec3 u_ramp[3];          // the sequential colour map at 0, 0.5 and 1
in vec2 v_uv;
out vec4 out_color;

void main() {
    vec3 color;
    float margin;                // 0 on the decision boundary, growing away from it
    float slope;                 // how fast margin changes per pixel
    float amount;                // 0 (white) … 1 (the class colour at u_strength)
#if LAYERS == 1
    float v = texture(u_field, vec3(v_uv, float(u_first_layer))).r;
    color = v < 0.0 ? u_colors[0] : u_colors[1];
    amount = min(abs(v), 1.0);
    margin = v;
    slope = fwidth(v);
#else
    // Every class's probability and its rate of change across the screen, all computed by every
    // pixel alike (so the derivatives are well defined), then the two leading classes.
    float p[LAYERS];
    vec2 gradient[LAYERS];
    for (int k = 0; k < LAYERS; ++k) {
        p[k] = texture(u_field, vec3(v_uv, float(u_first_layer + k))).r;
        gradient[k] = vec2(dFdx(p[k]), dFdy(p[k]));
    }
    // the leader and the runner-up carried along by value (the first of equals leads)
    bool second_leads = p[1] > p[0];
    float best = second_leads ? p[1] : p[0], next = second_leads ? p[0] : p[1];
    vec2 best_gradient = second_leads ? gradient[1] : gradient[0], next_gradient = second_leads ? gradient[0] : gradient[1];
    color = second_leads ? u_colors[1] : u_colors[0];
    for (int k = 2; k < LAYERS; ++k) {
        if (p[k] > best) {
            next = best;
            next_gradient = best_gradient;
            best = p[k];
            best_gradient = gradient[k];
            color = u_colors[k];
        } else if (p[k] > next) {
            next = p[k];
            next_gradient = gradient[k];
        }
    }
    float uniform_p = 1.0 / float(LAYERS);
    amount = clamp((best - uniform_p) / (1.0 - uniform_p), 0.0, 1.0);
    // the boundary between the two leading classes is where their difference crosses 0
    margin = best - next;
    vec2 g = best_gradient - next_gradient;
    slope = abs(g.x) + abs(g.y);
#endif
    if (u_discrete) amount = 1.0;
    vec3 shade = mix(vec3(1.0), color, amount * u_strength);
    if (u_value_layer >= 0) {
        float h = clamp(texture(u_field, vec3(v_uv, float(u_value_layer))).r, 0.0, 1.0);
        shade = h < 0.5 ? mix(u_ramp[0], u_ramp[1], 2.0 * h) : mix(u_ramp[1], u_ramp[2], 2.0 * h - 1.0);
    }
    if (u_contour_width > 0.0) {
        float pixels = abs(margin) / max(slope, 1e-6);
        if (u_outline_width > 0.0) {
            float outer = 0.5 * u_contour_width + u_outline_width;
            shade = mix(shade, u_outline_color, 1.0 - smoothstep(outer - 0.5, outer + 0.5, pixels));
        }
        float half_width = 0.5 * u_contour_width;
        float ink = 1.0 - smoothstep(half_width - 0.5, half_width + 0.5, pixels);
        shade = mix(shade, u_contour_color, ink);
    }
    out_color = vec4(shade, 1.0);
}
