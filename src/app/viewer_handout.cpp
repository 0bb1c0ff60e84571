#include "app/viewer_handout.h"

#include "io/handout_pdf.h"
#include "render/offscreen_target.h"
#include "session/handout_plan.h"

#include <algorithm>
#include <vector>

namespace atlas {
namespace {

Result<Image> renderView(Viewer &viewer, int width, int height) {
  Result<OffscreenTarget> target = OffscreenTarget::create(width, height, 0);
  if (!target)
    return Error{target.error()};
  target->bind();
  viewer.renderFrame(width, height, 0.0f, /*withUi=*/false);
  return target->readPixels();
}

// The picture as the 3D view would show it: the structure selected (its highlights lit), the camera
// fitting the request's parts from where `showBest` is most in sight, no interface.
Result<Image> renderPicture(Viewer &viewer, Session &session, const PictureRequest &request) {
  const int width = request.widthPx, height = request.heightPx;
  session.setViewport(width, height);
  session.setViewArea({});
  if (request.lessonStep >= 0) { // the step as the lesson shows it, camera included
    if (Result<void> ok = session.apply(GoToLessonStepCommand{request.lessonStep, false}); !ok)
      return Error{ok.error()};
    return renderView(viewer, width, height);
  }
  if (Result<void> ok = session.apply(SelectCommand{request.select}); !ok)
    return Error{ok.error()};
  Bounds box;
  for (const std::string &id : request.frame)
    if (const int index = session.scene().indexOf(id); index >= 0)
      box.extend(session.scene().structures()[static_cast<std::size_t>(index)].bounds());
  if (box.empty())
    box = session.viewBounds();
  const glm::vec3 centre = box.center(), half = box.size() * 0.5f * request.margin;
  Bounds framed;
  framed.extend(centre - half);
  framed.extend(centre + half);
  if (request.xraySoftTissue)
    for (const Structure &s : session.scene().structures())
      if (s.system != System::Bone && !s.attachment &&
          std::find(request.frame.begin(), request.frame.end(), s.id) == request.frame.end() &&
          session.view().visibility(session.scene().indexOf(s.id)) == Visibility::Visible)
        session.apply(SetVisibilityCommand{s.id, Visibility::Ghosted});
  const int best = session.scene().indexOf(request.showBest.empty() ? request.select : request.showBest);
  session.camera() = session.visibleViewCamera(best, framed);
  return renderView(viewer, width, height);
}

} // namespace

Result<void> exportHandout(Viewer &viewer, Session &session, bool patient, const std::string &path,
                           bool ofLesson) {
  if (!session.article)
    return Error{path + ": the article is not loaded, so there is no handout to write"};
  if (ofLesson && !session.lesson())
    return Error{path + ": no lesson is open to make a handout of"};
  const int selected = session.selected();
  const std::string id =
      selected >= 0 ? session.scene().structures()[static_cast<std::size_t>(selected)].id : "";
  const int lessonStep = session.lessonStep();
  const SourceMode source = session.sourceMode();
  const Handout handout = ofLesson ? planLessonHandout(session.scene(), session.knowledge(), *session.article,
                                                       *session.lesson(), patient, session.sourceMode())
                                   : planHandout(session.scene(), session.knowledge(), *session.article, id,
                                                 patient, session.sourceMode());
  if (handout.blocks.empty())
    return Error{path + ": no structure '" + (id.empty() ? defaultHandoutStructure : id) +
                 "' in this model to make a handout of"};
  // What the window shows comes back afterwards.
  const Camera camera = session.camera();
  const std::vector<int> selection = session.selection();
  const int viewportWidth = session.viewportWidth(), viewportHeight = session.viewportHeight();
  const Session::ViewArea area = session.viewArea();
  std::vector<Visibility> visibility;
  for (std::size_t i = 0; i < session.scene().structures().size(); ++i)
    visibility.push_back(session.view().visibility(static_cast<int>(i)));
  auto restoreVisibility = [&] {
    for (std::size_t i = 0; i < visibility.size(); ++i)
      if (session.view().visibility(static_cast<int>(i)) != visibility[i])
        session.apply(SetVisibilityCommand{session.scene().structures()[i].id, visibility[i]});
  };
  std::vector<Image> pictures;
  Result<void> outcome;
  for (const HandoutBlock &block : handout.blocks) {
    if (block.kind != HandoutBlockKind::Picture)
      continue;
    Result<Image> image = renderPicture(viewer, session, block.picture);
    restoreVisibility();
    if (!image) {
      outcome = Error{path + ": " + image.error()};
      break;
    }
    pictures.push_back(std::move(*image));
  }
  if (ofLesson && lessonStep >= 0) // the step on screen comes back; camera and the rest below
    session.apply(GoToLessonStepCommand{lessonStep, false});
  session.apply(SelectCommand{});
  for (int member : selection)
    if (member != selected)
      session.apply(SelectCommand{session.scene().structures()[static_cast<std::size_t>(member)].id, false,
                                  SelectMode::Add});
  if (selected >= 0) // the one described, last
    session.apply(SelectCommand{id, false, SelectMode::Add});
  session.apply(SetSourceCommand{source == SourceMode::Article});
  session.camera() = camera;
  session.setViewport(viewportWidth, viewportHeight);
  session.setViewArea(area);
  if (!outcome)
    return outcome;
  return writeHandoutPdf(handout, pictures, path);
}

} // namespace atlas
