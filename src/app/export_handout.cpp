#include "app/export_handout.h"

#include "app/headless_export.h"
#include "app/viewer_handout.h"
#include "core/log.h"

namespace atlas {

int exportHandoutHeadless(Session &session, const Options &options, ModelLoadJob &loading) {
  Result<HeadlessExport> ready = prepareHeadlessExport(session, options, loading);
  if (!ready) {
    log::error(ready.error());
    return 1;
  }
  if (Result<void> written = exportHandout(*ready->viewer, session, options.patient, options.exportHandout,
                                           !options.lesson.empty());
      !written) {
    log::error(written.error());
    return 1;
  }
  return 0;
}

} // namespace atlas
