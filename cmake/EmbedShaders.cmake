# Script mode: cmake -DOUTPUT=<file.cpp> -DINPUTS=<a|b|...> -P EmbedShaders.cmake
# Writes a translation unit holding each shader file as a string, keyed by its file name, so the
# binary runs from any working directory.
set(content "// Generated from shaders/ by cmake/EmbedShaders.cmake. Do not edit.\n#include \"render/embedded_shaders.h\"\n\nnamespace atlas {\nconst std::map<std::string, std::string> &embeddedShaders() {\n  static const std::map<std::string, std::string> shaders = {\n")
string(REPLACE "|" ";" INPUTS "${INPUTS}")
foreach(input IN LISTS INPUTS)
  get_filename_component(name "${input}" NAME)
  file(READ "${input}" text)
  string(APPEND content "    {\"${name}\", R\"glsl(${text})glsl\"},\n")
endforeach()
string(APPEND content "  };\n  return shaders;\n}\n}  // namespace atlas\n")
file(WRITE "${OUTPUT}.tmp" "${content}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
