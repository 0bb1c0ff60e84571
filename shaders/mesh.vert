// Anatomy meshes: model space is already world space (node transforms are baked at load time).
#version 330 core
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in float a_occlusion; // baked per vertex, 1 = open
layout(location = 3) in vec4 a_fibre;      // muscles: fibre direction (model space), w tendon 0..1

uniform mat4 u_viewProjection;
uniform mat4 u_view;
uniform vec3 u_origin; // the mesh's centre: striation coordinates stay small and precise near it

out vec3 v_viewPosition;
out vec3 v_viewNormal;
out float v_occlusion;
out vec4 v_fibre;
out vec3 v_fibrePosition; // model space, millimetres from u_origin (the model is in metres)

void main() {
  v_viewPosition = (u_view * vec4(a_position, 1.0)).xyz;
  v_viewNormal = mat3(u_view) * a_normal;
  v_occlusion = a_occlusion;
  v_fibre = a_fibre;
  v_fibrePosition = (a_position - u_origin) * 1000.0;
  gl_Position = u_viewProjection * vec4(a_position, 1.0);
}
