// The ImGui panels, one per file. Each reads the Session (never changes it) and appends the
// Commands the user asked for; the app applies them. No GL calls here.
#pragma once

#include "session/commands.h"
#include "session/session.h"
#include "ui/fonts.h"
#include "ui/ui_settings.h"

#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace atlas::ui {

// Small fixed windows floating over the 3D view (toolbar, legend, hint): no title, no saved state,
// never taking keyboard focus.
constexpr ImGuiWindowFlags kOverlayWindowFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;

// Where the frame put things (x, y, w, h in ImGui coordinates): the panels say how wide they are, the
// overlays where they went. --state reports it, so tests measure how much of the model is covered.
struct Layout {
  float menuHeight = 0.0f;
  float leftWidth = 0.0f;  // width taken by the structure panel or its rail (0 when hidden)
  float rightWidth = 0.0f; // width taken by the info panel or its rail (0 when hidden)
  struct Named {
    std::string name; // a window's title; labels: the structure or landmark id
    glm::vec4 rect{0.0f};
    std::string text{}; // labels: the words drawn (shortened ones end in an ellipsis)
  };
  std::vector<Named> panels; // side panels and rails
  std::optional<glm::vec4> legend;
  std::optional<glm::vec4> toolbar; // the standard views' buttons, above the 3D view
  std::vector<Named> labels;        // leader-line labels shown
  int labelsHidden = 0;             // left out for want of room, counted in "+N more"
  std::optional<glm::vec4> more;    // the "+N more" entry
  // Boxes drawn over the 3D view before the labels and legend (a presentation's text band): neither
  // is placed over them.
  std::vector<glm::vec4> keepClear;
  // Presentation mode (presentation.cpp): the step's body text and its font's height in pixels.
  std::optional<glm::vec4> presentationText;
  float presentationTextPx = 0.0f;
};

// A model being opened on a worker thread, as the interface shows it.
struct LoadingStatus {
  std::string file;
  float fraction = 0.0f; // 0..1
};

struct FrameContext {
  const Session &session;
  UiSettings &settings;
  const FontSet &fonts;
  std::vector<Command> &commands;
  Layout layout;
  bool requestQuit = false;
  bool requestScaleChange = false;
  int contextStructure = -1;               // structure under the last right-click, for its menu
  content::ArticleView *reading = nullptr; // the article view state, owned by the Session
  Session::SourcesView *sources = nullptr; // the Sources panel's view state, owned by the Session
  const LoadingStatus *loading = nullptr;  // non-null while a model is being opened
  bool requestCancelLoading = false;
  // The camera moved in the last frame or glides: overlays may trade exactness for speed until it stops.
  bool viewMoving = false;
  // A message the user must see (a file that could not be opened), shown over the 3D view until
  // dismissed; the overlay clears it (message_overlay.cpp). Null: none to show.
  std::string *errorMessage = nullptr;
  // File > Export article / Save screenshot: where the user asked the app to write (empty: not
  // this frame). The app writes the file and reports on the status bar or in the message box.
  std::string exportArticlePath{};
  std::string exportHandoutPath{};    // File > Export handout: the picture handout (PDF) of the selection
  bool exportHandoutOfLesson = false; // ... of the open lesson instead (Lesson panel)
  std::string screenshotPath{};
  // Rectangles (x, y, w, h in ImGui coordinates) of named controls, filled only when the app asks
  // (--window-state): window tests find what to click by name rather than by guessed pixels.
  std::map<std::string, glm::vec4> *itemRects = nullptr;
};

// Records the last item's rectangle under `name` when the frame collects them (FrameContext).
inline void markItem(FrameContext &ctx, const char *name) {
  if (!ctx.itemRects)
    return;
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  (*ctx.itemRects)[name] = glm::vec4(min.x, min.y, max.x - min.x, max.y - min.y);
}

// The right-hand panels (Info, Article, Functions, Sources, Teaching) take the same place: below the menu
// bar, above the status bar, `ems` font sizes wide but at most `maxFraction` of the window; returns the
// width, which the 3D view leaves free. They share one set of window flags.
float placeRightPanel(FrameContext &ctx, float ems, float maxFraction);
// The width the structure panel takes; with the right-hand panel (placeRightPanel) it leaves the 3D
// view at least half of the window (issue 16: a projector at 1280x720).
float leftPanelWidth(const FrameContext &ctx);
// P folds the side panels to thin rails and unfolds them (settings.panelsCollapsed); a rail's button
// does the same. Draws both rails and records their width.
void drawPanelRails(FrameContext &ctx);
constexpr ImGuiWindowFlags kRightPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                              ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

void drawMainMenu(FrameContext &ctx);
void drawViewToolbar(FrameContext &ctx);
void drawStructurePanel(FrameContext &ctx);
void drawInfoPanel(FrameContext &ctx);
void drawHelpPanel(FrameContext &ctx);
// The reading panels on the right (article_panel.cpp, functions_panel.cpp): return true when one
// of them is shown, in place of the info panel.
bool drawReadingPanel(FrameContext &ctx);
bool drawArticlePanel(FrameContext &ctx);
bool drawFunctionsPanel(FrameContext &ctx);
void drawReadingMenu(FrameContext &ctx); // Article, Functions and Disclaimer on the menu bar
// The bibliography on the right (sources_panel.cpp), in place of the other right-hand panels while
// open; returns true when shown.
bool drawSourcesPanel(FrameContext &ctx);
// The teaching entries on the right (teaching_panel.cpp), under the Sources panel and over the
// reading panels while open; returns true when shown.
bool drawTeachingPanel(FrameContext &ctx);
// The self-test on the right (quiz_panel.cpp) while a quiz runs, under the Sources and Teaching panels;
// returns true when shown. drawQuizMenu: the Quiz menu on the menu bar, which starts a deck.
bool drawQuizPanel(FrameContext &ctx);
void drawQuizMenu(FrameContext &ctx);
// The self-test's Progress panel (quiz_progress_panel.cpp): cards due, learned, weak spots, export.
bool drawQuizProgressPanel(FrameContext &ctx);
void drawDisclaimerWindow(FrameContext &ctx);
void drawStatusBar(FrameContext &ctx, const std::string &message);
// Overlays on the 3D view (overlays.cpp).
void drawLegend(FrameContext &ctx);
// In patient reading: an outline of head, neck and shoulders with the selection marked (where_inset.cpp).
void drawWhereInset(FrameContext &ctx);
// The part of the window left to the 3D view after the panels (ImGui coordinates): x, y, w, h.
glm::vec4 sceneArea(const FrameContext &ctx);
void drawLabels(FrameContext &ctx);
void drawHint(FrameContext &ctx);
// Over the 3D view while a model is opened: the file, a progress bar and Cancel (loading_overlay.cpp).
void drawLoadingOverlay(FrameContext &ctx);
// Near the top of the 3D view: *ctx.errorMessage in a box that stays until its x or OK is pressed
// (message_overlay.cpp).
void drawMessageOverlay(FrameContext &ctx);
// File > Open...: a path field; emits OpenFileCommand (main_menu.cpp).
void drawOpenFilePopup(FrameContext &ctx);
void drawStructureMenu(FrameContext &ctx, int structure); // the right-click menu, opened by the app

// Presentation mode (presentation.cpp): the step's text in large type in a band beside the model, in
// place of every menu and panel; true when presenting. The band's width for a window width.
bool drawPresentation(FrameContext &ctx);
float presentationBandWidth(float windowWidth);
// The current lesson step's pins: a marker on the model and a leader line to its note.
void drawLessonPins(FrameContext &ctx);
// The Lesson panel on the right (lesson_panel.cpp): steps, their text, add from the view, reorder,
// pins, save, present; true when shown. drawLessonMenu: the Lessons menu (bundled lessons, open, new).
bool drawLessonPanel(FrameContext &ctx);
void drawLessonMenu(FrameContext &ctx);

// The whole interface for one frame, in a fixed layout that leaves the middle to the 3D view.
void drawInterface(FrameContext &ctx, const std::string &statusMessage);

// Applies the project's look: calm dark theme, rounded corners, sizes scaled for the projector.
void applyStyle(float scale);

} // namespace atlas::ui
