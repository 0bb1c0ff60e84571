// The GLSL files of shaders/, compiled into the binary at build time (see cmake/EmbedShaders.cmake).
#pragma once

#include <map>
#include <string>

namespace atlas {
const std::map<std::string, std::string> &embeddedShaders(); // file name -> source
}
