// Anatomy meshes: model space is already world space (node transforms are baked at load time).
// A function in motion (issue 14) is posed here, from the bone slots of PoseSkin::skinnedDraw():
// PoseSkin::gpuPosition() is the same computation in C++, held to the CPU's posed model by a test.
#version 330 core
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in float a_occlusion; // baked per vertex, 1 = open
#ifdef FIBRES // the program for meshes with baked fibres (muscles): the rest skip their varyings
layout(location = 3) in vec4 a_fibre; // fibre direction (model space), w tendon 0..1
#endif
layout(location = 4) in uvec4 a_slots;     // skinned soft tissues: up to four bone slots
layout(location = 5) in vec4 a_weights;    // ... their weights, summing to 1
layout(location = 6) in float a_along;     // ... muscles: 0 at the origin, 1 at the insertion
#ifdef FIBRES
layout(location = 7) in float a_fibreCoord; // constant along each fibre (mm), when the mesh has it
#endif

uniform mat4 u_viewProjection;
uniform mat4 u_view;
#ifdef FIBRES
uniform vec3 u_origin; // the mesh's centre: striation coordinates stay small and precise near it
#endif
// 0: at rest; 1: rigid, moved by u_bones[u_rigidSlot]; 2: blended per vertex from a_slots/a_weights.
uniform int u_skinning;
uniform int u_rigidSlot;
uniform mat4 u_bones[32]; // SkinnedDraw::kMaxSlots; slot 0 the fixed trunk
// Muscles: the posed axis (xyz origin, w the belly's widening factor) and its span.
uniform vec4 u_muscleAxis;
uniform vec3 u_muscleSpan;

// xyz the view-space position, w the baked occlusion: one varying where two would each cost a
// software rasteriser a set-up (and memory) for every triangle.
out vec4 v_viewPositionOcclusion;
out vec3 v_viewNormal;
#ifdef FIBRES
out vec4 v_fibre;
// xyz model space, millimetres from u_origin (the model is in metres); w the fibre coordinate.
out vec4 v_fibrePosition;
#endif

void main() {
  vec3 position = a_position;
  vec3 normal = a_normal;
  if (u_skinning == 1) {
    mat4 m = u_bones[u_rigidSlot];
    position = (m * vec4(a_position, 1.0)).xyz;
    normal = mat3(m) * a_normal;
  } else if (u_skinning == 2) {
    mat4 m = u_bones[a_slots.x] * a_weights.x + u_bones[a_slots.y] * a_weights.y +
             u_bones[a_slots.z] * a_weights.z + u_bones[a_slots.w] * a_weights.w;
    position = (m * vec4(a_position, 1.0)).xyz;
    normal = mat3(m) * a_normal;
    float spanSquared = dot(u_muscleSpan, u_muscleSpan);
    if (u_muscleAxis.w != 1.0 && spanSquared > 0.0) {
      // The belly widens as the muscle shortens; its ends stay on their footprints.
      float t = clamp(dot(position - u_muscleAxis.xyz, u_muscleSpan) / spanSquared, 0.0, 1.0);
      vec3 onAxis = u_muscleAxis.xyz + t * u_muscleSpan;
      position = onAxis + (position - onAxis) * (1.0 + (u_muscleAxis.w - 1.0) * sin(3.14159265 * a_along));
    }
  }
  // The fibres keep their rest direction: the striations are fine enough that a bend of a few
  // degrees does not show.
  v_viewPositionOcclusion = vec4((u_view * vec4(position, 1.0)).xyz, a_occlusion);
  v_viewNormal = mat3(u_view) * normal;
#ifdef FIBRES
  v_fibre = a_fibre;
  v_fibrePosition = vec4((a_position - u_origin) * 1000.0, a_fibreCoord);
#endif
  gl_Position = u_viewProjection * vec4(position, 1.0);
}
