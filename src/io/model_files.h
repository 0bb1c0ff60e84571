// File access for the model loaders: the model file itself and the files it names (glTF buffers and
// images, an OBJ's material library). A model may name files beside it or below it, nothing else:
// every name is resolved with symlinks followed and must stay inside the model's folder (never the
// current directory), and only regular files are opened, without ever blocking (a FIFO or a device
// is refused by its type, before any open that could wait). Shared by gltf_loader.cpp and
// assimp_loader.cpp; not part of the public loading interface.
#pragma once

#include "core/result.h"
#include "io/model_loader.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace atlas::model_files {

// Reads the whole of a regular file: opened with O_NONBLOCK and checked with fstat before a byte is
// read, so a FIFO, socket or device is refused instead of waiting forever. `maxBytes` refuses larger
// files before reading; with `progress`, reading reports up to `progressShare` of the load and stops
// when the load is cancelled. Messages start with `path`.
Result<std::vector<unsigned char>> readModelFile(const std::string &path, std::uint64_t maxBytes,
                                                 LoadProgress *progress = nullptr,
                                                 float progressShare = 0.0f);

// Percent-decodes a URI exactly as tinygltf does before it opens the file ("%2e%2e" is "..", and a
// '+' is a space), but refuses what tinygltf would decode silently: a '%' not followed by two hex
// digits, and a decoded NUL. The error is the reason, without a prefix.
Result<std::string> percentDecode(const std::string &uri);

// A short form of a name for messages (a data: URI can be megabytes long).
std::string shortened(const std::string &text, std::size_t maxChars = 120);

// The folder of one model and the bytes its side files may still take.
class SideFiles {
public:
  // `modelPath`'s folder, symlinks resolved; `byteBudget`: all side files together.
  static Result<SideFiles> forModel(const std::string &modelPath, std::uint64_t byteBudget);

  struct Refusal {
    std::string why;      // a reason, without a prefix: "leaves the model's folder; ..."
    bool missing = false; // the name is acceptable but no such file exists
  };
  struct Resolved {
    std::filesystem::path file; // canonical, inside the folder, a regular file
    Refusal refusal;            // when `file` is empty
    explicit operator bool() const { return !file.empty(); }
  };
  // `name` as the model names it, already decoded: relative to the folder, or (only where
  // `absoluteAllowed`) an absolute path, which must then lie inside the folder too.
  Resolved resolve(const std::string &name, bool absoluteAllowed) const;
  // Reads a resolved file (not following a link that replaced it since) and charges its size to the
  // budget. The error is a reason, without a prefix.
  Result<std::vector<unsigned char>> read(const std::filesystem::path &resolved);

  const std::filesystem::path &folder() const { return folder_; }

private:
  SideFiles(std::filesystem::path folder, std::uint64_t byteBudget)
      : folder_(std::move(folder)), bytesLeft_(byteBudget) {}
  std::filesystem::path folder_;
  std::uint64_t bytesLeft_;
};

} // namespace atlas::model_files
