#include "render/shader_program.h"

#include "render/embedded_shaders.h"

#include <algorithm>
#include <glm/gtc/type_ptr.hpp>
#include <vector>

namespace atlas {
namespace {

// The defines go right after the `#version` line, which GLSL wants before anything but comments.
std::string withDefines(const std::string &source, const std::vector<std::string> &defines) {
  if (defines.empty())
    return source;
  std::string block;
  for (const std::string &name : defines)
    block += "#define " + name + "\n";
  const std::size_t version = source.find("#version");
  const std::size_t lineEnd = version == std::string::npos ? std::string::npos : source.find('\n', version);
  if (lineEnd == std::string::npos)
    return block + source;
  // #line keeps the driver's error line numbers those of the file.
  const auto versionLine =
      std::count(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(lineEnd), '\n') + 1;
  return source.substr(0, lineEnd + 1) + block + "#line " + std::to_string(versionLine + 1) + "\n" +
         source.substr(lineEnd + 1);
}

Result<GLuint> compile(GLenum stage, const std::string &file, const std::vector<std::string> &defines) {
  const auto &shaders = embeddedShaders();
  auto it = shaders.find(file);
  if (it == shaders.end())
    return Error{"shaders/" + file + ": not embedded in this build"};
  GLuint shader = glCreateShader(stage);
  const std::string text = withDefines(it->second, defines);
  const char *source = text.c_str();
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)));
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    glDeleteShader(shader);
    return Error{"shaders/" + file + ": compile error: " + std::string(log.data())};
  }
  return shader;
}

} // namespace

Result<ShaderProgram> ShaderProgram::fromEmbedded(const std::string &vertexFile,
                                                  const std::string &fragmentFile,
                                                  const std::vector<std::string> &defines) {
  Result<GLuint> vs = compile(GL_VERTEX_SHADER, vertexFile, defines);
  if (!vs)
    return Error{vs.error()};
  Result<GLuint> fs = compile(GL_FRAGMENT_SHADER, fragmentFile, defines);
  if (!fs) {
    glDeleteShader(*vs);
    return Error{fs.error()};
  }
  ShaderProgram program;
  program.files_ = vertexFile + " + " + fragmentFile;
  for (const std::string &name : defines)
    program.files_ += " (" + name + ")";
  program.program_ = glCreateProgram();
  glAttachShader(program.program_, *vs);
  glAttachShader(program.program_, *fs);
  glLinkProgram(program.program_);
  glDeleteShader(*vs);
  glDeleteShader(*fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(program.program_, GL_LINK_STATUS, &ok);
  if (!ok) {
    GLint length = 0;
    glGetProgramiv(program.program_, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)));
    glGetProgramInfoLog(program.program_, length, nullptr, log.data());
    return Error{"shaders/" + vertexFile + " + " + fragmentFile + ": link error: " + std::string(log.data())};
  }
  return program;
}

ShaderProgram &ShaderProgram::operator=(ShaderProgram &&other) noexcept {
  std::swap(program_, other.program_);
  std::swap(files_, other.files_);
  return *this;
}

ShaderProgram::~ShaderProgram() {
  if (program_)
    glDeleteProgram(program_);
}

Result<GLint> ShaderProgram::uniform(const char *name) const {
  const GLint location = glGetUniformLocation(program_, name);
  if (location < 0) // unused uniforms are optimised away too: the shader and its caller disagree
    return Error{"shaders/" + files_ + ": no active uniform " + std::string(name)};
  return location;
}

void ShaderProgram::set(GLint location, const glm::mat4 &m) {
  glUniformMatrix4fv(location, 1, GL_FALSE, glm::value_ptr(m));
}
void ShaderProgram::set(GLint location, const glm::vec4 &v) {
  glUniform4fv(location, 1, glm::value_ptr(v));
}
void ShaderProgram::set(GLint location, const glm::vec3 &v) {
  glUniform3fv(location, 1, glm::value_ptr(v));
}
void ShaderProgram::set(GLint location, float f) {
  glUniform1f(location, f);
}
void ShaderProgram::setInt(GLint location, int i) {
  glUniform1i(location, i);
}
void ShaderProgram::set(GLint location, const std::vector<glm::mat4> &matrices) {
  if (!matrices.empty())
    glUniformMatrix4fv(location, static_cast<GLsizei>(matrices.size()), GL_FALSE,
                       glm::value_ptr(matrices[0]));
}

} // namespace atlas
