// The one include for OpenGL in the project: only files under src/render/ and src/app/ may use it.
#pragma once

#include <epoxy/gl.h>
