// The Session's commands for the key functions in motion (issue 14): showing a function on the model
// and its player. The Functions panel, the keyboard, --show-function and the tests all come here, so a
// click and the command line light the same muscles and pose the model the same way.
#include "session/session.h"

#include "content/article.h"
#include "scene/motion.h"
#include "scene/paired_ids.h"

#include <algorithm>

namespace atlas {
namespace {

// The article's item for "functions.x" or "x"; the error names the functions there are.
Result<const content::ArticleItem *> findFunction(const content::Article *article, const std::string &id) {
  const content::ArticleSection *functions = article ? article->findSection("functions") : nullptr;
  if (!functions)
    return Error{"the article's functions section is not loaded (content/article/03_functions.yaml)"};
  std::string known;
  for (const content::ArticleItem &f : functions->items) {
    if (f.id == functionId(id))
      return &f;
    known += (known.empty() ? "" : ", ") + f.id.substr(f.id.find('.') + 1);
  }
  return Error{"no such function: " + id + " (expected one of " + known + ")"};
}

} // namespace

void Session::showWorkingMuscles() {
  view_.working.clear();
  view_.contraction = 0.0f;
  const FunctionMotion *motion = functionAnimation_.motion();
  if (!motion)
    return;
  for (const std::string &id : motion->active)
    if (const int index = scene_.indexOf(id); index >= 0)
      view_.working.push_back(index);
  view_.contraction = loopWeight(functionAnimation_.time());
}

Result<void> Session::run(const ShowFunctionCommand &show) {
  Result<const content::ArticleItem *> item = findFunction(article.get(), show.function);
  if (!item)
    return Error{item.error()};
  const std::string selectedId =
      view_.selected >= 0 ? scene_.structures()[static_cast<std::size_t>(view_.selected)].id : std::string();
  const content::FunctionOnModel onModel = content::functionOnModel(**item, selectedId);
  if (scene_.indexOf(onModel.muscle) < 0)
    return Error{"the loaded model has no " + onModel.muscle};
  // The motion first: the muscles that work light up beside the parts the article names.
  functionAnimation_.stop();
  Result<void> posed =
      functionAnimation_.show(scene_, generation_, (*item)->id, motionSideOf(onModel.muscle),
                              sourceMode_ == SourceMode::Article, std::clamp(show.time, 0.0f, 1.0f));
  std::vector<std::string> lit = onModel.parts;
  if (posed) {
    // The muscles that work, then those of the other side, which a motion stretches (they light
    // up without the glow).
    const FunctionMotion &motion = *functionAnimation_.motion();
    std::vector<std::string> shown = motion.active;
    if (motion.moves)
      for (const std::string &id : motion.active)
        shown.push_back(otherSideId(id));
    for (const std::string &id : shown)
      if (!id.empty() && id != onModel.muscle && std::find(lit.begin(), lit.end(), id) == lit.end())
        lit.push_back(id);
    functionAnimation_.setPlaying(show.play);
  }
  if (Result<void> shown = run(ShowPartsCommand{onModel.muscle, lit, show.frame, show.cleanView}); !shown)
    return shown;
  articleView.shownFunction = (*item)->id;
  articleView.panel = content::ReadingPanel::Functions;
  showWorkingMuscles();
  if (!posed)
    return Error{(*item)->id + ": " + posed.error()};
  return {};
}

Result<void> Session::run(const PlayFunctionCommand &play) {
  if (!functionAnimation_.active())
    return Error{"no function is shown on the model"};
  functionAnimation_.setPlaying(play.play);
  return {};
}

Result<void> Session::run(const SeekFunctionCommand &seek) {
  if (!functionAnimation_.active())
    return Error{"no function is shown on the model"};
  functionAnimation_.setPlaying(false);
  functionAnimation_.setTime(seek.time);
  showWorkingMuscles();
  return {};
}

Result<void> Session::run(const StepFunctionCommand &step) {
  if (!functionAnimation_.active())
    return Error{"no function is shown on the model"};
  functionAnimation_.step(step.frames);
  showWorkingMuscles();
  return {};
}

Result<void> Session::run(const SetFunctionPlaybackCommand &playback) {
  // The panel's slider range; a speed of 0 or less would stop the loop without saying so.
  functionAnimation_.speed = std::clamp(playback.speed, 0.25f, 2.0f);
  functionAnimation_.loop = playback.loop;
  return {};
}

Result<void> Session::run(const RestFunctionCommand &) {
  functionAnimation_.stop();
  showWorkingMuscles();
  return {};
}

} // namespace atlas
