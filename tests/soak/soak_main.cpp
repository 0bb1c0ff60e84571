// atlas-soak: the soak test of Scalene Atlas (soak_driver.h), a tool of the test suite rather than
// an option of the shipped viewer. CTest runs it with a fixed seed; run it by hand for longer runs:
//   atlas-soak --steps 10000 [--seed S] [--size WxH] [--samples N] [MODEL]
#include "core/log.h"
#include "core/paths.h"
#include "session/model_load_job.h"
#include "soak/soak_driver.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char **argv) {
  try {
    atlas::soak::SoakOptions options;
    std::string size;
    CLI::App app{"atlas-soak: random but valid interactions on Scalene Atlas, headless, each checked"};
    app.add_option("model", options.file, "Model to open (default: the bundled one)");
    app.add_option("--steps", options.steps, "Interactions to perform")
        ->required()
        ->check(CLI::Range(1L, 10000000L));
    app.add_option("--seed", options.seed, "Random seed, to replay a run (default: from the clock)");
    app.add_option("--size", size, "Image size in pixels, WxH (default 480x320)");
    app.add_option("--samples", options.samples, "Multisampling (default 0: off)")->check(CLI::Range(0, 16));
    CLI11_PARSE(app, argc, argv);
    if (!size.empty()) {
      char x = 0, extra = 0;
      if (std::sscanf(size.c_str(), "%d%c%d%c", &options.width, &x, &options.height, &extra) != 3 ||
          (x != 'x' && x != 'X') || options.width < 16 || options.height < 16 || options.width > 8192 ||
          options.height > 8192) {
        std::fprintf(stderr, "atlas-soak: error: --size %s: expected WxH, 16 to 8192 each\n", size.c_str());
        return 2;
      }
    }
    atlas::log::setQuiet(true);
    atlas::log::setSink([](atlas::log::Level level, const std::string &message) {
      if (level != atlas::log::Level::Info)
        std::fprintf(stderr, "atlas-soak: %s%s\n",
                     level == atlas::log::Level::Error ? "error: " : "warning: ", message.c_str());
    });
    const std::string file = options.file.empty() ? atlas::paths::defaultModel().string() : options.file;
    atlas::ModelLoadJob loading;
    loading.start(file, {/*content=*/true, /*motionDetail=*/true});
    atlas::Session session;
    if (atlas::Result<void> loaded = atlas::finishLoading(session, loading); !loaded) {
      std::fprintf(stderr, "atlas-soak: error: %s\n", loaded.error().c_str());
      return 1;
    }
    return atlas::soak::runSoak(session, options);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "atlas-soak: error: unexpected failure: %s\n", e.what());
    return 3;
  }
}
