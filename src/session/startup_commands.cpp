#include "session/startup_commands.h"

#include "content/article_view.h"

namespace atlas {
namespace {

std::string selectedId(const Session &session) {
  const int selected = session.selected();
  return selected >= 0 ? session.scene().structures()[static_cast<std::size_t>(selected)].id : std::string();
}

void openPanel(Session &session, PanelName panel) {
  content::ArticleView &view = session.articleView;
  switch (panel) {
  case PanelName::Article:
    view.panel = content::ReadingPanel::Article;
    break;
  case PanelName::Functions:
    view.panel = content::ReadingPanel::Functions;
    break;
  case PanelName::Disclaimer:
    view.disclaimerOpen = true;
    break;
  case PanelName::Sources:
    session.sourcesView.open = true;
    break;
  case PanelName::Teaching:
    session.teachingView.open = true;
    break;
  case PanelName::Structures:
  case PanelName::Info:     // the model panels: no reading panel beside them
  case PanelName::Progress: // the self-test's, opened by its own command once a quiz can start
    view.panel = content::ReadingPanel::None;
    break;
  }
}

} // namespace

std::optional<ReadingFailure> applyReadingRequest(Session &session, const ReadingRequest &request) {
  content::ArticleView &view = session.articleView;
  if (request.panel)
    openPanel(session, *request.panel);
  if (!request.showSource.empty())
    if (Result<void> shown = session.apply(ShowSourceCommand{request.showSource}); !shown)
      return ReadingFailure{ReadingStep::ShowSource, "", shown.error()};
  if (!request.showTeaching.empty())
    if (Result<void> shown = session.apply(ShowTeachingCommand{request.showTeaching}); !shown)
      return ReadingFailure{ReadingStep::ShowTeaching, "", shown.error()};
  view.patientMode = view.patientMode || request.patient;
  view.search = request.search;
  if (!session.article) {
    if (request.section.empty())
      return std::nullopt;
    return ReadingFailure{ReadingStep::Section, "", "the article is not loaded"};
  }
  const content::Article &article = *session.article;
  content::followSelection(view, article, selectedId(session));
  if (!request.section.empty()) {
    if (!content::goToSection(view, article, request.section)) {
      std::string known;
      for (const content::ArticleSection &s : article.sections)
        known += (known.empty() ? "" : ", ") + s.id;
      return ReadingFailure{ReadingStep::Section, request.section,
                            "no such section (expected one of " + known + ")"};
    }
    if (view.panel == content::ReadingPanel::None)
      view.panel = content::ReadingPanel::Article;
  }
  if (!request.showFunction.empty()) {
    // Issue 14: the function in motion, posed at functionTime (rest without it), its working muscles
    // lit. A model without joints still shows the parts (shownFunction set) unless a pose was asked for.
    view.shownFunction.clear();
    if (Result<void> shown =
            session.apply(ShowFunctionCommand{request.showFunction, request.functionTime.value_or(0.0f),
                                              /*play=*/false, /*frame=*/false,
                                              /*cleanView=*/false});
        !shown && (request.functionTime || request.animationWanted || view.shownFunction.empty()))
      return ReadingFailure{ReadingStep::ShowFunction, "", shown.error()};
    content::followSelection(view, article, selectedId(session));
  }
  return std::nullopt;
}

} // namespace atlas
