// scalene-atlas: opens a model (the bundled one by default) in a window, or renders it headless for
// scripts, handouts and tests. The single catch-all of the program lives here.
#include "app/article_startup.h"
#include "app/cli.h"
#include "app/startup.h"
#include "core/log.h"
#include "core/paths.h"
#include "core/phase_timings.h"
#include "session/model_load_job.h"
#include "session/session.h"

#include <cstdio>
#include <exception>
#include <iostream>

int main(int argc, char **argv) {
  try {
    atlas::Result<atlas::ParsedCommandLine> parsed = atlas::parseCommandLine(argc, argv);
    if (!parsed) {
      std::fprintf(stderr, "scalene-atlas: error: %s\n", parsed.error().c_str());
      return 2;
    }
    if (parsed->exitNow) {
      std::fputs(parsed->output.c_str(), stdout);
      return parsed->exitCode;
    }
    const atlas::Options &options = parsed->options;
    if (options.timings)
      atlas::timings::enable();
    atlas::log::setQuiet(options.exitAfterCommands());
    if (!options.exportArticle.empty()) // a handout needs neither the model nor a GL context
      return atlas::exportArticle(options);
    const std::string file = options.file.empty() ? atlas::paths::defaultModel().string() : options.file;
    // The model and the content load on a worker while this thread opens the window or the GL
    // context; whoever needs them first waits (atlas::finishLoading).
    atlas::ModelLoadJob loading;
    // The coarse meshes too, except for --list: still frames draw them where their error is under
    // half a pixel, and moving frames everywhere.
    loading.start(file, {/*content=*/true, /*motionDetail=*/!options.list});
    atlas::Session session;
    if (!options.exitAfterCommands() && !options.list)
      return atlas::runWindow(session, options, loading); // draws while loading; can cancel
    atlas::log::setSink([](atlas::log::Level level, const std::string &message) {
      if (level != atlas::log::Level::Info)
        std::fprintf(stderr, "scalene-atlas: %s%s\n",
                     level == atlas::log::Level::Error ? "error: " : "warning: ", message.c_str());
    });
    if (options.list) {
      if (atlas::Result<void> loaded = atlas::finishLoading(session, loading); !loaded) {
        atlas::log::error(loaded.error());
        return 1;
      }
      std::cout << session.structureListJson().dump(2) << "\n";
      return 0;
    }
    return atlas::runHeadless(session, options, loading);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "scalene-atlas: error: unexpected failure: %s\n", e.what());
    return 3;
  }
}
