// Lessons: a teacher's or clinician's walk through the model, step by step (issue 16). A lesson is a
// YAML file (content/lessons/ for the bundled ones, or any file the user opens) holding an ordered
// list of steps; each step says what to show — camera, visibility, selection, source, labels, pins —
// and what to say. Checked like the rest of the content, with "file:line: message" problems, and
// written back with every field it did not know kept, so a newer file survives an older app.
// See content/README.md ("Lessons") for the format. No GL, no ImGui.
#pragma once

#include "core/result.h"
#include "scene/camera.h"
#include "scene/source_mode.h"

#include <array>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace atlas::content {

// Where the camera is for a step: either a standard view (anterior, right...) moved in to fit
// `frame` (ids; the whole model when empty), or, when `exact` is set, the camera saved by "Add step
// from current view": its target (model frame, metres), distance and orientation (w, x, y, z).
struct LessonCamera {
  std::optional<StandardView> view; // none: keep the view's direction
  std::vector<std::string> frame;   // structure ids fitted into the view
  struct Exact {
    std::array<float, 3> target{};
    float distance = 1.0f;
    std::array<float, 4> orientation{1.0f, 0.0f, 0.0f, 0.0f};
  };
  std::optional<Exact> exact;
};

// A point on a structure with a short note, drawn with a leader line ("the tender spot"): either a
// named bony landmark of the model (`landmark`, e.g. rib1_right.scalene_tubercle) or a point saved
// from a click (`structure` and `point`).
struct LessonPin {
  std::string landmark;         // a landmark id; when set, structure and point come from the model
  std::string structure;        // the structure id the point lies on
  std::array<float, 3> point{}; // model frame, metres
  std::string note;             // a few words
};

struct LessonStep {
  std::string title;
  std::string text;    // for students (and what a patient sees when `patient` is empty)
  std::string patient; // the same in plain words, optional
  LessonCamera camera;
  std::vector<std::string> select;           // selected, in order; the last is the one described
  std::vector<std::string> isolate;          // shown alone (with the selection); empty = everything shown
  std::vector<std::string> hide;             // hidden
  std::vector<std::string> ghost;            // drawn as x-ray
  SourceMode source = SourceMode::Reference; // whose anatomy lights up
  bool labels = true;                        // leader-line labels of the highlighted parts
  std::vector<std::string> labelIds;         // only these parts' labels (labels: [ids]); empty = every label
  std::vector<LessonPin> pins;
  std::string section;   // article section id opened beside the model, optional
  std::string animation; // a key function id (functions.*) to play; accepted before animation exists
  std::vector<std::string> sources; // bibliography work ids behind what the step says
  YAML::Node extra;                 // the fields this version does not know, written back unchanged
  int line = 0;

  const std::string &textFor(bool patientMode) const {
    return patientMode && !patient.empty() ? patient : text;
  }
};

struct Lesson {
  std::string title;
  std::string audience = "class"; // class | patient: who it is written for
  std::string summary;            // one line, optional
  std::vector<LessonStep> steps;
  YAML::Node extra; // unknown top-level fields, kept
  std::string file;
};

// The ids a lesson is checked against; an empty set skips that check (a model of the user's own).
struct LessonIds {
  std::set<std::string> structures;
  std::set<std::string> landmarks; // landmark ids of the model's bones
  std::set<std::string> sections;  // article section ids
  std::set<std::string> functions; // key function ids (functions.*)
  std::set<std::string> works;     // bibliography work ids (content/bibliography)
};

struct LessonLoad {
  std::optional<Lesson> lesson;      // none when the file cannot be used at all
  std::vector<std::string> problems; // "file:line: message"; a bad step is skipped, the rest kept
};

// Parses a lesson held in memory; `file` names it in messages.
LessonLoad parseLesson(const std::string &text, const std::string &file, const LessonIds &ids);
// Reads one lesson file (nothing outside its own folder: content/yaml_file.h).
LessonLoad loadLessonFile(const std::string &file, const LessonIds &ids);
// The lesson as YAML text, known fields first, then the unknown ones as they were read.
std::string lessonToYaml(const Lesson &lesson);
// Every *.yaml of `dir`, by file name (the bundled lessons); problems are gathered.
std::vector<Lesson> loadLessons(const std::string &dir, const LessonIds &ids,
                                std::vector<std::string> &problems);

} // namespace atlas::content
