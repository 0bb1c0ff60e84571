// ShaderProgram: a linked GLSL program built from two files of shaders/, optionally with names
// #defined to pick a variant; compile and link errors name the file and carry the driver's info log.
#pragma once

#include "core/result.h"
#include "render/gl.h"

#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace atlas {

class ShaderProgram {
public:
  static Result<ShaderProgram> fromEmbedded(const std::string &vertexFile, const std::string &fragmentFile,
                                            const std::vector<std::string> &defines = {});

  ShaderProgram() = default;
  ShaderProgram(ShaderProgram &&other) noexcept { *this = std::move(other); }
  ShaderProgram &operator=(ShaderProgram &&other) noexcept;
  ShaderProgram(const ShaderProgram &) = delete;
  ShaderProgram &operator=(const ShaderProgram &) = delete;
  ~ShaderProgram();

  void use() const { glUseProgram(program_); }
  // The location of an active uniform, looked up once when the program is set up (not per draw);
  // a name the linked program lacks is an error that names it and the shader files.
  Result<GLint> uniform(const char *name) const;
  // Set a uniform of the program in use, by the location uniform() gave.
  static void set(GLint location, const glm::mat4 &m);
  static void set(GLint location, const glm::vec4 &v);
  static void set(GLint location, const glm::vec3 &v);
  static void set(GLint location, float f);
  static void setInt(GLint location, int i);
  static void set(GLint location,
                  const std::vector<glm::mat4> &matrices); // a mat4 array from its first element

private:
  GLuint program_ = 0;
  std::string files_; // "mesh.vert + mesh.frag", for messages
};

} // namespace atlas
