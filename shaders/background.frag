// A calm vertical gradient: dark enough for light bones to stand out on a projector.
#version 330 core
in float v_height;
uniform vec3 u_top;     // sRGB
uniform vec3 u_bottom;  // sRGB
out vec4 o_color;

void main() { o_color = vec4(mix(u_bottom, u_top, clamp(v_height, 0.0, 1.0)), 1.0); }
