// What was asked for at start-up about the reading panels, the article and the key function shown,
// as plain data, turned into the Session's commands. The command line (app/) fills the request in;
// a test or a script can do the same without it. No GL.
#pragma once

#include "session/panel_name.h"
#include "session/session.h"

#include <optional>
#include <string>

namespace atlas {

struct ReadingRequest {
  std::optional<PanelName> panel;
  std::string showSource;            // a bibliography work to open the Sources panel at
  std::string showTeaching;          // a teaching entry to open the Teaching panel at
  std::string section;               // an article section to open
  std::string search;                // article search text
  bool patient = false;              // the plain-language version
  std::string showFunction;          // a key function to show on the model, as its button does
  std::optional<float> functionTime; // the function posed at this T (0..1) of its loop; rest without
  bool animationWanted = false;      // its loop will be rendered: the model must be able to move
};

// Which part of the request failed, so the caller can name it in its own terms (an option).
enum class ReadingStep { ShowSource, ShowTeaching, Section, ShowFunction };
struct ReadingFailure {
  ReadingStep step;
  std::string subject; // what was asked for, when the failure is that it does not exist (a section id)
  std::string message; // one line, naming neither the step nor the subject
};

// Applies the request in a fixed order: panel, source, teaching entry, patient and search, the
// article's marks for the selection, section, function. Stops at the first failure.
std::optional<ReadingFailure> applyReadingRequest(Session &session, const ReadingRequest &request);

} // namespace atlas
