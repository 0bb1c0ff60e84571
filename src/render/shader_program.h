// ShaderProgram: a linked GLSL program built from two files of shaders/; compile and link errors
// name the file and carry the driver's info log.
#pragma once

#include "core/result.h"
#include "render/gl.h"

#include <glm/glm.hpp>
#include <string>

namespace atlas {

class ShaderProgram {
public:
  static Result<ShaderProgram> fromEmbedded(const std::string &vertexFile, const std::string &fragmentFile);

  ShaderProgram() = default;
  ShaderProgram(ShaderProgram &&other) noexcept { *this = std::move(other); }
  ShaderProgram &operator=(ShaderProgram &&other) noexcept;
  ShaderProgram(const ShaderProgram &) = delete;
  ShaderProgram &operator=(const ShaderProgram &) = delete;
  ~ShaderProgram();

  void use() const { glUseProgram(program_); }
  GLint uniform(const char *name) const; // asserts in debug builds when the name is not active
  void set(const char *name, const glm::mat4 &m) const;
  void set(const char *name, const glm::vec4 &v) const;
  void set(const char *name, const glm::vec3 &v) const;
  void set(const char *name, float f) const;

private:
  GLuint program_ = 0;
};

} // namespace atlas
