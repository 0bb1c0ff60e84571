// Full-screen triangle for the background gradient; needs no vertex buffer.
#version 330 core
out float v_height;

void main() {
  vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  v_height = corner.y;  // 0 at the bottom edge, 1 at the top edge
  gl_Position = vec4(corner * 2.0 - 1.0, 1.0, 1.0);
}
