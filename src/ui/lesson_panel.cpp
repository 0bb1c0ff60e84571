// The Lessons menu and the Lesson panel (issue 16): open a bundled lesson or a file, start a new one,
// and author it in the app: add a step from the current view, edit its title and text (plain version
// too), move or delete it, pin the selected part with a note, save (atomically, session_lesson.cpp),
// export its handout and present it. Every action is a Command applied to the Session.
#include "ui/panels.h"

#include "core/paths.h"
#include "ui/file_browser.h"

#include <algorithm>
#include <filesystem>
#include <imgui.h>

namespace atlas::ui {
namespace {

constexpr const char *kOpenLessonPopup = "Open a lesson";
constexpr const char *kSaveLessonPopup = "Save lesson as";
constexpr const char *kLessonHandoutPopup = "Export lesson handout";

// The panel's edit buffers between frames, reloaded when another step (or lesson) is shown.
struct LessonEditor {
  const void *lesson = nullptr;
  int step = -2;
  std::size_t steps = 0;
  std::string title, text, patient, pinNote;
  std::string openPath, savePath, handoutPath;
  bool openRequested = false, saveRequested = false, handoutRequested = false;
};
LessonEditor &editor() {
  static LessonEditor state;
  return state;
}

// ImGui's InputText on a std::string (the buffer grows as the user types).
int growString(ImGuiInputTextCallbackData *data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto *text = static_cast<std::string *>(data->UserData);
    text->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}
bool inputText(const char *label, std::string &text) {
  return ImGui::InputText(label, text.data(), text.capacity() + 1, ImGuiInputTextFlags_CallbackResize,
                          growString, &text);
}
bool inputMultiline(const char *label, std::string &text, float lines) {
  return ImGui::InputTextMultiline(label, text.data(), text.capacity() + 1,
                                   ImVec2(-1.0f, ImGui::GetTextLineHeight() * lines),
                                   ImGuiInputTextFlags_CallbackResize, growString, &text);
}

// The bundled lessons (content/lessons), listed by file name.
std::vector<std::string> bundledLessons() {
  std::vector<std::string> files;
  const std::filesystem::path dir = paths::findDataDir("content") / "lessons";
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (isQuestionSetFileName(it->path().filename().string())) // .yaml / .yml
      files.push_back(it->path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// "01_scalenus_posterior_five_minutes.yaml" -> "Scalenus posterior five minutes".
std::string lessonLabel(const std::string &file) {
  std::string name = std::filesystem::path(file).stem().string();
  const std::size_t underscore = name.find('_');
  if (underscore != std::string::npos && underscore <= 3)
    name = name.substr(underscore + 1);
  std::replace(name.begin(), name.end(), '_', ' ');
  if (!name.empty())
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

// A one-field dialog: a path and a button; true on the frame the button (or Enter) is pressed.
bool pathPopup(const char *name, std::string &path, const char *button, const char *hint) {
  bool done = false;
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32.0f, 0.0f), ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextWrapped("%s", hint);
    if (ImGui::IsWindowAppearing())
      ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = ImGui::InputText(
        "##path", path.data(), path.capacity() + 1,
        ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_EnterReturnsTrue, growString, &path);
    ImGui::BeginDisabled(path.empty());
    if ((ImGui::Button(button) || enter) && !path.empty()) {
      done = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  return done;
}

void drawDialogs(FrameContext &ctx) {
  LessonEditor &e = editor();
  for (auto [requested, name] :
       {std::pair{&e.openRequested, kOpenLessonPopup}, std::pair{&e.saveRequested, kSaveLessonPopup},
        std::pair{&e.handoutRequested, kLessonHandoutPopup}})
    if (std::exchange(*requested, false))
      ImGui::OpenPopup(name);
  if (pathPopup(kOpenLessonPopup, e.openPath, "Open", "A lesson file (.yaml):"))
    ctx.commands.push_back(OpenLessonCommand{e.openPath});
  if (pathPopup(kSaveLessonPopup, e.savePath, "Save", "Save the lesson as (.yaml):"))
    ctx.commands.push_back(SaveLessonCommand{e.savePath});
  if (pathPopup(kLessonHandoutPopup, e.handoutPath, "Export",
                "Write the lesson's handout, one picture and its text per step, as a PDF:")) {
    ctx.exportHandoutPath = e.handoutPath;
    ctx.exportHandoutOfLesson = true;
  }
}

void drawStepList(FrameContext &ctx, const content::Lesson &lesson, int current) {
  const float rows = static_cast<float>(std::min<std::size_t>(lesson.steps.size(), 8)) + 0.5f;
  ImGui::BeginChild("lesson-steps", ImVec2(0.0f, ImGui::GetTextLineHeightWithSpacing() * rows), true);
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const std::string label = std::to_string(i + 1) + ". " + lesson.steps[i].title;
    if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == current))
      ctx.commands.push_back(GoToLessonStepCommand{static_cast<int>(i), true});
    markItem(ctx, ("lesson.step." + std::to_string(i + 1)).c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void drawStepEditor(FrameContext &ctx, const content::Lesson &lesson, int current) {
  LessonEditor &e = editor();
  const content::LessonStep &step = lesson.steps[static_cast<std::size_t>(current)];
  if (e.lesson != &lesson || e.step != current || e.steps != lesson.steps.size()) {
    e.lesson = &lesson;
    e.step = current;
    e.steps = lesson.steps.size();
    e.title = step.title;
    e.text = step.text;
    e.patient = step.patient;
  }
  ImGui::TextDisabled("Step %d of %zu", current + 1, lesson.steps.size());
  ImGui::SetNextItemWidth(-1.0f);
  inputText("##title", e.title);
  ImGui::TextDisabled("Text");
  inputMultiline("##text", e.text, 5.0f);
  ImGui::TextDisabled("In plain words (optional, for patients)");
  inputMultiline("##patient", e.patient, 3.0f);
  const bool edited = e.title != step.title || e.text != step.text || e.patient != step.patient;
  ImGui::BeginDisabled(!edited || e.title.empty());
  if (ImGui::Button("Keep these words"))
    ctx.commands.push_back(EditLessonStepCommand{current, e.title, e.text, e.patient});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::ArrowButton("up", ImGuiDir_Up))
    ctx.commands.push_back(MoveLessonStepCommand{current, -1});
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Move the step earlier");
  ImGui::SameLine();
  if (ImGui::ArrowButton("down", ImGuiDir_Down))
    ctx.commands.push_back(MoveLessonStepCommand{current, +1});
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Move the step later");
  ImGui::SameLine();
  if (ImGui::Button("Delete step"))
    ctx.commands.push_back(DeleteLessonStepCommand{current});
  // A pin on the part described: the point its label points at, with a note.
  const int selected = ctx.session.selected();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  inputText("##pin", e.pinNote);
  ImGui::SameLine();
  ImGui::BeginDisabled(selected < 0 || e.pinNote.empty());
  if (ImGui::Button("Pin the selection")) {
    const Structure &part = ctx.session.scene().structures()[static_cast<std::size_t>(selected)];
    ctx.commands.push_back(AddLessonPinCommand{part.id, ctx.session.labelAnchor(selected), e.pinNote});
    e.pinNote.clear();
  }
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Select a part, type a short note, then pin it to this step");
  if (!step.pins.empty())
    ImGui::TextDisabled("%zu pin%s on this step", step.pins.size(), step.pins.size() == 1 ? "" : "s");
  if (!step.animation.empty())
    ImGui::TextDisabled("Motion: %s", step.animation.c_str());
}

} // namespace

void drawLessonMenu(FrameContext &ctx) {
  LessonEditor &e = editor();
  if (ImGui::BeginMenu("Lessons")) {
    for (const std::string &file : bundledLessons())
      if (ImGui::MenuItem(lessonLabel(file).c_str()))
        ctx.commands.push_back(OpenLessonCommand{file});
    ImGui::Separator();
    if (ImGui::MenuItem("Open lesson..."))
      e.openRequested = true;
    if (ImGui::MenuItem("New lesson"))
      ctx.commands.push_back(NewLessonCommand{});
    const bool open = ctx.session.lesson().has_value();
    if (ImGui::MenuItem("Lesson panel", nullptr, ctx.session.lessonView.panelOpen, open))
      ctx.commands.push_back(ShowLessonPanelCommand{!ctx.session.lessonView.panelOpen});
    if (ImGui::MenuItem("Close lesson", nullptr, false, open))
      ctx.commands.push_back(CloseLessonCommand{});
    if (ImGui::MenuItem("Present", "F5", false, open && !ctx.session.lesson()->steps.empty()))
      ctx.commands.push_back(PresentCommand{true});
    ImGui::EndMenu();
  }
  markItem(ctx, "menu.lessons");
  drawDialogs(ctx);
}

bool drawLessonPanel(FrameContext &ctx) {
  const Session &session = ctx.session;
  if (!session.lesson() || !session.lessonView.panelOpen)
    return false;
  const content::Lesson &lesson = *session.lesson();
  placeRightPanel(ctx, 26.0f, 0.34f);
  bool open = true;
  const std::string title = "Lesson: " + lesson.title + (session.lessonChanged() ? " *" : "") + "###lesson";
  if (!ImGui::Begin(title.c_str(), &open, kRightPanelFlags)) {
    ImGui::End();
    return true;
  }
  if (!open)
    ctx.commands.push_back(ShowLessonPanelCommand{false});
  ImGui::TextDisabled("For %s", lesson.audience == "patient" ? "a patient" : "a class");
  const int current = session.lessonStep();
  if (!lesson.steps.empty())
    drawStepList(ctx, lesson, current);
  if (ImGui::Button("Add step from current view"))
    ctx.commands.push_back(AddLessonStepCommand{});
  markItem(ctx, "lesson.add_step");
  if (current >= 0 && static_cast<std::size_t>(current) < lesson.steps.size()) {
    ImGui::Separator();
    drawStepEditor(ctx, lesson, current);
  }
  ImGui::Separator();
  LessonEditor &e = editor();
  const bool haveSteps = !lesson.steps.empty();
  ImGui::BeginDisabled(!haveSteps);
  if (ImGui::Button("Present (F5)"))
    ctx.commands.push_back(PresentCommand{true});
  markItem(ctx, "lesson.present");
  ImGui::SameLine();
  if (ImGui::Button("Save"))
    lesson.file.empty() ? void(e.saveRequested = true) : ctx.commands.push_back(SaveLessonCommand{});
  ImGui::SameLine();
  if (ImGui::Button("Save as...")) {
    e.savePath = lesson.file.empty() ? "lesson.yaml" : lesson.file;
    e.saveRequested = true;
  }
  ImGui::SameLine();
  if (ImGui::Button("Handout...")) {
    e.handoutPath = "lesson-handout.pdf";
    e.handoutRequested = true;
  }
  ImGui::EndDisabled();
  if (!session.lessonView.message.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", session.lessonView.message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
  return true;
}

} // namespace atlas::ui
