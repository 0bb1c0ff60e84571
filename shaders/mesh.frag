// Blinn-Phong with a key light over the viewer's shoulder, a fill light and a soft rim, in view space,
// so the model reads the same from every side. Colours are linear; the output is sRGB-encoded.
// Muscles with baked fibres also get striations along the fibres and a silvery tendon.
#version 330 core
in vec4 v_viewPositionOcclusion; // xyz position, w baked occlusion (1 = open)
in vec3 v_viewNormal;
#ifdef FIBRES // defined for meshes with baked fibres (muscles), by the renderer
in vec4 v_fibre;
in vec4 v_fibrePosition; // xyz mm from the mesh's centre, w the fibre coordinate
#endif

uniform mat4 u_view;
uniform vec4 u_color;       // linear RGBA
uniform float u_highlight;  // 0..1: extra emission for highlighted structures
uniform float u_glow;       // 0..1: a working muscle of the function played, as hard as it works now
#ifdef FIBRES
uniform float u_ownColour; // 1: u_color is the structure's own colour, not a highlight or focus grey
uniform float u_fibreCoords; // 1: the mesh carries the baked fibre coordinate (v_fibrePosition.w)
#endif

out vec4 o_color;

#ifdef FIBRES
// Line spacing is a drawing choice, not a measurement: fine enough to read as fibres on a close-up,
// coarse enough to be resolved at 1280x720 before it fades. Tendon lines are finer and fainter
// (MODEL-REVIEW.md asks for tendon colour and fibre direction, not a histology scale). In units of the
// baked fibre coordinate, whose lines are 1 mm apart round a band's typical fleshy section
// (muscle.cpp kStriationPeriod): both periods divide 1, so the lines meet across its wrap.
const float kBellyPeriodMm = 1.0;
const float kTendonPeriodMm = 0.5;
// Tendon: a silvery blue-grey, as atlases draw dense connective tissue, set apart from the warm ivory
// of bone (model.cpp colourFor) by its hue and a little darker, and paler than the flesh. Near-white
// (0.80) drew the tendons as white plasters and cuffs laid on the muscles (lecturer review, eleventh
// pass); a neutral pink-grey of 0.68 still read close to bone on the projector (twelfth pass), and
// a paler blue-grey (0.66, 0.64, 0.72) as near-white with a faint hue. This one is bluer and a little
// darker; darker still and it would no longer stand out from the belly (test_fibre_striations).
const vec3 kTendon = vec3(0.59, 0.61, 0.76);

// The share of [x - w/2, x + w/2] covered by lines `width` wide at every integer (x in periods): a
// box filter over the pixel's footprint, so the pattern averages out instead of aliasing.
float lineIntegral(float x, float width) {
  return floor(x) * width + max(fract(x) - (1.0 - width), 0.0);
}
float filteredLines(float x, float width) {
  // fwidth: periods per pixel. The box filter is widened a little past one pixel, and from four
  // pixels a period down to two the lines fade to their average: finer than that they beat against
  // the pixel grid (moire at close range where the fibres crowd on a turning surface, lecturer
  // review, issue 12), so they vanish smoothly instead.
  float f = fwidth(x);
  float w = max(f * 1.5, 1e-4);
  float covered = (lineIntegral(x + 0.5 * w, width) - lineIntegral(x - 0.5 * w, width)) / w;
  return mix(covered, width, smoothstep(0.25, 0.5, f));
}

// Lines along the fibres. With the generator's baked coordinate (constant along each fibre by
// construction), its level sets. Without it (older files), lines across the interpolated direction:
// any function of the position across the fibre (its projection on the plane perpendicular to the
// fibre) is constant along it. Two line sets in that plane, each weighted where the surface crosses
// it steeply, so a round belly shows even lines all round. The weights are sharp (8th power): where
// two sets showed at once they crossed at an angle and beat into a moire of chevrons. Where the
// direction fans or turns these lines kink at every triangle edge (a staircase, lecturer review):
// `across` changes from vertex to vertex, which is why the generator bakes the coordinate. The wrap of
// the coordinate round a section and the seams where a slip meets the belly jump by many lines across
// one triangle; fwidth sees that and filteredLines fades them to the average.
float striation(vec3 fibre, vec3 normal, float period, float width) {
  if (u_fibreCoords > 0.5) // level sets of a coordinate constant along each fibre: smooth lines
    return filteredLines(v_fibrePosition.w / period, width);
  vec3 across = normalize(cross(fibre, abs(fibre.x) < 0.9 ? vec3(1.0, 0.0, 0.0) : vec3(0.0, 1.0, 0.0)));
  vec3 across2 = cross(fibre, across);
  float na = dot(normal, across2), nb = dot(normal, across);
  float wa = na * na * na * na; // not pow(): GLSL leaves pow of a negative base undefined
  float wb = nb * nb * nb * nb;
  wa *= wa;
  wb *= wb;
  float a = filteredLines(dot(v_fibrePosition.xyz, across) / period, width);
  float b = filteredLines(dot(v_fibrePosition.xyz, across2) / period, width);
  return (a * wa + b * wb) / max(wa + wb, 1e-4);
}
#endif

void main() {
  vec3 n = normalize(v_viewNormal);
  // Open meshes are seen from behind too: light the back face as if it faced the viewer.
  if (!gl_FrontFacing)
    n = -n;
  vec3 toEye = normalize(-v_viewPositionOcclusion.xyz);
  vec3 keyDir = normalize(vec3(-0.35, 0.55, 0.75));
  vec3 fillDir = normalize(vec3(0.6, -0.2, 0.5));

  float key = max(dot(n, keyDir), 0.0);
  float fill = max(dot(n, fillDir), 0.0);
  float hemi = 0.5 + 0.5 * n.y;  // sky above, floor below
  vec3 halfway = normalize(keyDir + toEye);
  float specular = pow(max(dot(n, halfway), 0.0), 48.0) * 0.18;
  float rim = pow(1.0 - max(dot(n, toEye), 0.0), 3.0) * 0.18;

  vec3 base = u_color.rgb;
  float alpha = u_color.a;
#ifdef FIBRES
  {
    float tendon = clamp(v_fibre.w, 0.0, 1.0);
    // Neighbouring vertices whose fibres point opposite ways interpolate to nothing: no lines there.
    float fibreLength = length(v_fibre.xyz);
    vec3 fibre = fibreLength > 1e-3 ? v_fibre.xyz / fibreLength : vec3(0.0, 1.0, 0.0);
    vec3 modelNormal = transpose(mat3(u_view)) * n; // the view matrix is a rotation and a shift
    float belly = striation(fibre, modelNormal, kBellyPeriodMm, 0.28);
    float fine = striation(fibre, modelNormal, kTendonPeriodMm, 0.22);
    float lines = mix(belly * 0.38, fine * 0.16, tendon) * smoothstep(0.2, 0.5, fibreLength);
    // A highlight or the focus grey keeps its hue: the tendon is drawn as a slightly paler shade of
    // it, so a selected muscle reads as selected from tendon to tendon.
    vec3 tendonColour = mix(mix(base, vec3(1.0), 0.25), kTendon, u_ownColour);
    base = mix(base, tendonColour, tendon) * (1.0 - lines);
    // Collagen's sheen runs across the fibres (Kajiya-Kay): a glossy band on the tendon.
    vec3 viewFibre = normalize(mat3(u_view) * fibre);
    float th = dot(viewFibre, halfway);
    // (Faint on a highlight colour, which must not wash out to white.)
    specular += pow(sqrt(max(1.0 - th * th, 0.0)), 60.0) * 0.22 * tendon * key * (1.0 - 0.5 * fine) *
                mix(0.3, 1.0, u_ownColour);
    // X-ray: the lines are drawn more opaque than the ghost around them, so they still show.
    alpha += (1.0 - alpha) * lines * 1.2 * step(alpha, 0.999);
  }
#endif

  // Baked occlusion darkens the light that comes from everywhere fully, the lamps' light by 60 % and
  // the highlights a little: creases and foramina read as deep without turning black.
  float ao = clamp(v_viewPositionOcclusion.w, 0.0, 1.0);
  float direct = mix(1.0, ao, 0.6);
  vec3 lit = base * ((0.10 + 0.12 * hemi) * ao + (0.62 * key + 0.16 * fill) * direct) +
             vec3(specular + rim) * mix(1.0, ao, 0.3);
  lit = mix(lit, base * 1.05 + vec3(0.04), u_highlight * 0.35);
  // A working muscle glows as it shortens (issue 14): a warm white rim round its outline and its own
  // colour lifted, both in proportion to the contraction. White, not a hue: the role colours (green
  // selected, yellow nerve...) keep their meaning under the glow.
  float outline = pow(1.0 - max(dot(n, toEye), 0.0), 2.0);
  lit += u_glow * (vec3(1.0, 0.86, 0.7) * (0.1 + outline * 1.1) + base * 0.3);
  o_color = vec4(pow(clamp(lit, 0.0, 1.0), vec3(1.0 / 2.2)), alpha);
}
