#include "app/startup.h"

namespace atlas {

Result<bool> applyStartupOptions(Session &session, const Options &options) {
  session.setViewport(options.width, options.height);
  for (const std::string &id : options.isolate)
    if (session.scene().indexOf(id) < 0)
      return Error{"--isolate: no structure with id '" + id + "'"};
  if (!options.isolate.empty()) {
    std::vector<int> keep;
    for (const std::string &id : options.isolate)
      keep.push_back(session.scene().indexOf(id));
    session.apply(ShowAllCommand{});
    for (std::size_t i = 0; i < session.scene().structures().size(); ++i)
      if (std::find(keep.begin(), keep.end(), static_cast<int>(i)) == keep.end())
        session.apply(SetVisibilityCommand{session.scene().structures()[i].id, Visibility::Hidden});
  }
  for (const auto &[ids, visibility, flag] : {std::tuple{&options.hide, Visibility::Hidden, "--hide"},
                                              std::tuple{&options.ghost, Visibility::Ghosted, "--ghost"}})
    for (const std::string &id : *ids)
      if (Result<bool> ok = session.apply(SetVisibilityCommand{id, visibility}); !ok)
        return Error{std::string(flag) + ": " + ok.error()};
  session.setStandardView(options.view.empty() ? StandardView::Default : *standardViewFromName(options.view),
                          false);
  if (!options.select.empty())
    if (Result<bool> ok = session.apply(SelectCommand{options.select}); !ok)
      return Error{"--select: " + ok.error()};
  if (options.pick)
    session.clickAt(options.pick->first, options.pick->second);
  return true;
}

} // namespace atlas
