#include "app/export_animation.h"

#include "app/headless_export.h"

#include "app/startup.h"
#include "app/viewer.h"
#include "core/log.h"
#include "render/gl.h"
#include "render/headless_context.h"
#include "render/offscreen_target.h"

#include <gif_lib.h>

#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace atlas {

namespace {

struct GifCloser {
  void operator()(GifFileType *gif) const {
    int error = 0;
    EGifCloseFile(gif, &error);
  }
};

std::string gifError(int code) {
  const char *text = GifErrorString(code);
  return text ? text : "giflib error " + std::to_string(code);
}

} // namespace

Result<void> writeAnimatedGif(const std::vector<Image> &frames, int centiseconds, const std::string &path) {
  if (frames.empty() || frames.front().empty())
    return Error{"no frames to write"};
  const int width = frames.front().width, height = frames.front().height;
  int error = 0;
  // Opened here rather than by giflib, which would make the file readable by its owner only.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if (fd < 0)
    return Error{"cannot write " + path + ": " + std::strerror(errno)};
  std::unique_ptr<GifFileType, GifCloser> gif(EGifOpenFileHandle(fd, &error));
  if (!gif) {
    ::close(fd);
    return Error{"cannot write " + path + ": " + gifError(error)};
  }
  EGifSetGifVersion(gif.get(), true); // GIF89a: delays and the loop extension
  if (EGifPutScreenDesc(gif.get(), width, height, 8, 0, nullptr) == GIF_ERROR)
    return Error{"cannot write " + path + ": " + gifError(gif->Error)};
  // The Netscape application block: loop for ever.
  const unsigned char loop[3] = {1, 0, 0};
  if (EGifPutExtensionLeader(gif.get(), APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
      EGifPutExtensionBlock(gif.get(), 11, "NETSCAPE2.0") == GIF_ERROR ||
      EGifPutExtensionBlock(gif.get(), 3, loop) == GIF_ERROR ||
      EGifPutExtensionTrailer(gif.get()) == GIF_ERROR)
    return Error{"cannot write " + path + ": " + gifError(gif->Error)};
  const std::size_t pixels = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  std::vector<GifByteType> red(pixels), green(pixels), blue(pixels), indices(pixels);
  for (const Image &frame : frames) {
    if (frame.width != width || frame.height != height)
      return Error{"the frames of " + path + " differ in size"};
    for (std::size_t i = 0; i < pixels; ++i) {
      red[i] = frame.rgba[i * 4];
      green[i] = frame.rgba[i * 4 + 1];
      blue[i] = frame.rgba[i * 4 + 2];
    }
    std::array<GifColorType, 256> palette{};
    int colours = 256;
    if (GifQuantizeBuffer(static_cast<unsigned>(width), static_cast<unsigned>(height), &colours, red.data(),
                          green.data(), blue.data(), indices.data(), palette.data()) == GIF_ERROR)
      return Error{"cannot reduce a frame of " + path + " to 256 colours"};
    std::unique_ptr<ColorMapObject, void (*)(ColorMapObject *)> map(GifMakeMapObject(256, palette.data()),
                                                                    GifFreeMapObject);
    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.DelayTime = centiseconds;
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    EGifGCBToExtension(&control, extension);
    if (!map || EGifPutExtension(gif.get(), GRAPHICS_EXT_FUNC_CODE, 4, extension) == GIF_ERROR ||
        EGifPutImageDesc(gif.get(), 0, 0, width, height, false, map.get()) == GIF_ERROR)
      return Error{"cannot write " + path + ": " + gifError(gif->Error)};
    for (int y = 0; y < height; ++y)
      if (EGifPutLine(gif.get(), indices.data() + static_cast<std::size_t>(y) * width, width) == GIF_ERROR)
        return Error{"cannot write " + path + ": " + gifError(gif->Error)};
  }
  GifFileType *done = gif.release();
  if (EGifCloseFile(done, &error) == GIF_ERROR)
    return Error{"cannot finish " + path + ": " + gifError(error)};
  return {};
}

int exportAnimationHeadless(Session &session, const Options &options, ModelLoadJob &loading) {
  Result<HeadlessExport> ready = prepareHeadlessExport(session, options, loading);
  if (!ready) {
    log::error(ready.error());
    return 1;
  }
  Result<OffscreenTarget> target = OffscreenTarget::create(options.width, options.height, 0);
  if (!target) {
    log::error(target.error());
    return 1;
  }
  FunctionAnimation &animation = session.functionAnimation();
  if (!animation.active()) {
    log::error("--export-animation: no function is shown (add --show-function ID)");
    return 1;
  }
  // One loop, evenly sampled; the last frame stops short of T = 1, which is T = 0 again.
  std::vector<Image> frames;
  const int count = options.animationFrames;
  for (int i = 0; i < count; ++i) {
    animation.setTime(static_cast<float>(i) / static_cast<float>(count));
    target->bind();
    ready->viewer->renderFrame(options.width, options.height, 0.0f, false);
    frames.push_back(target->readPixels());
  }
  const int centiseconds = std::max(
      2, static_cast<int>(std::lround(100.0f * FunctionAnimation::kLoopSeconds / static_cast<float>(count))));
  if (Result<void> written = writeAnimatedGif(frames, centiseconds, options.exportAnimation); !written) {
    log::error("--export-animation: " + written.error());
    return 1;
  }
  return 0;
}

} // namespace atlas
