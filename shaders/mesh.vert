// Anatomy meshes: model space is already world space (node transforms are baked at load time).
#version 330 core
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in float a_occlusion; // baked per vertex, 1 = open

uniform mat4 u_viewProjection;
uniform mat4 u_view;

out vec3 v_viewPosition;
out vec3 v_viewNormal;
out float v_occlusion;

void main() {
  v_viewPosition = (u_view * vec4(a_position, 1.0)).xyz;
  v_viewNormal = mat3(u_view) * a_normal;
  v_occlusion = a_occlusion;
  gl_Position = u_viewProjection * vec4(a_position, 1.0);
}
