// scalene-atlas: opens a model (the bundled one by default) in a window, or renders it headless for
// scripts, handouts and tests. The single catch-all of the program lives here.
#include "app/article_startup.h"
#include "app/cli.h"
#include "app/phase_timings.h"
#include "app/startup.h"
#include "core/log.h"
#include "core/paths.h"
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
    atlas::Session session;
    if (atlas::Result<bool> opened = session.open(file); !opened) {
      std::fprintf(stderr, "scalene-atlas: error: %s\n", opened.error().c_str());
      return 1;
    }
    atlas::timings::mark("model load (file, validation, BVH)");
    atlas::loadKnowledge(session);
    atlas::timings::mark("knowledge base load");
    atlas::loadArticle(session);
    atlas::timings::mark("article load");
    if (options.list) {
      std::cout << session.structureListJson().dump(2) << "\n";
      return 0;
    }
    atlas::log::setSink(nullptr);
    if (options.exitAfterCommands()) {
      atlas::log::setSink([](atlas::log::Level level, const std::string &message) {
        if (level != atlas::log::Level::Info)
          std::fprintf(stderr, "scalene-atlas: %s%s\n",
                       level == atlas::log::Level::Error ? "error: " : "warning: ", message.c_str());
      });
      return atlas::runHeadless(session, options);
    }
    return atlas::runWindow(session, options);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "scalene-atlas: error: unexpected failure: %s\n", e.what());
    return 3;
  }
}
