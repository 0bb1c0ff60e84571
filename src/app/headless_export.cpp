#include "app/headless_export.h"

#include "app/startup.h"

namespace atlas {

Result<HeadlessExport> prepareHeadlessExport(Session &session, const Options &options,
                                             ModelLoadJob &loading) {
  HeadlessExport made;
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  if (!context)
    return Error{context.error()};
  made.context = std::move(*context);
  Result<std::unique_ptr<Viewer>> viewer = Viewer::create(session, ui::UiSettings{}, nullptr);
  if (!viewer)
    return Error{viewer.error()};
  made.viewer = std::move(*viewer);
  made.viewer->setSceneSamples(options.samples);
  Result<LoadedModel> loaded = waitForLoad(loading);
  if (!loaded)
    return Error{loaded.error()};
  made.viewer->installModel(std::move(*loaded));
  if (Result<void> ok = applyStartupOptions(session, options, true); !ok)
    return Error{ok.error()};
  return made;
}

} // namespace atlas
