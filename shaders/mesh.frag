// Blinn-Phong with a key light over the viewer's shoulder, a fill light and a soft rim, in view space,
// so the model reads the same from every side. Colours are linear; the output is sRGB-encoded.
#version 330 core
in vec3 v_viewPosition;
in vec3 v_viewNormal;
in float v_occlusion;

uniform vec4 u_color;       // linear RGBA
uniform float u_highlight;  // 0..1: extra emission for highlighted structures

out vec4 o_color;

void main() {
  vec3 n = normalize(v_viewNormal);
  // Open meshes are seen from behind too: light the back face as if it faced the viewer.
  if (!gl_FrontFacing)
    n = -n;
  vec3 toEye = normalize(-v_viewPosition);
  vec3 keyDir = normalize(vec3(-0.35, 0.55, 0.75));
  vec3 fillDir = normalize(vec3(0.6, -0.2, 0.5));

  float key = max(dot(n, keyDir), 0.0);
  float fill = max(dot(n, fillDir), 0.0);
  float hemi = 0.5 + 0.5 * n.y;  // sky above, floor below
  vec3 halfway = normalize(keyDir + toEye);
  float specular = pow(max(dot(n, halfway), 0.0), 48.0) * 0.18;
  float rim = pow(1.0 - max(dot(n, toEye), 0.0), 3.0) * 0.18;

  // Baked occlusion darkens the light that comes from everywhere fully, the lamps' light by 60 % and
  // the highlights a little: creases and foramina read as deep without turning black.
  float ao = clamp(v_occlusion, 0.0, 1.0);
  float direct = mix(1.0, ao, 0.6);
  vec3 base = u_color.rgb;
  vec3 lit = base * ((0.10 + 0.12 * hemi) * ao + (0.62 * key + 0.16 * fill) * direct) +
             vec3(specular + rim) * mix(1.0, ao, 0.3);
  lit = mix(lit, base * 1.05 + vec3(0.04), u_highlight * 0.35);
  o_color = vec4(pow(clamp(lit, 0.0, 1.0), vec3(1.0 / 2.2)), u_color.a);
}
