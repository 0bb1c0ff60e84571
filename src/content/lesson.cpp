#include "content/lesson.h"

#include "content/yaml_file.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace atlas::content {
namespace {

const std::set<std::string> kLessonFields = {"title", "audience", "summary", "steps"};
const std::set<std::string> kStepFields = {"title",   "text",    "patient",   "camera", "select",
                                           "isolate", "hide",    "ghost",     "source", "labels",
                                           "pins",    "section", "animation", "sources"};

// A block scalar ('|') keeps its last line break; the text itself does not need it.
std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  return text;
}

// The fields of `node` not in `known`, as a map kept for writing back; null when there are none.
YAML::Node unknownFields(const YAML::Node &node, const std::set<std::string> &known) {
  YAML::Node extra;
  for (const auto &field : node)
    if (!known.count(field.first.Scalar()))
      extra[field.first.Scalar()] = YAML::Clone(field.second);
  return extra;
}

// Reads `count` finite numbers from a list `[a, b, c]`.
template <std::size_t N>
std::optional<std::array<float, N>> readNumbers(const std::string &file, const YAML::Node &map,
                                                const char *key, Problems &problems) {
  const YAML::Node value = map[key];
  if (!value || !value.IsSequence() || value.size() != N) {
    problems.add(file, value ? value : map,
                 std::string("'") + key + "' should be a list of " + std::to_string(N) + " numbers");
    return std::nullopt;
  }
  std::array<float, N> numbers{};
  for (std::size_t i = 0; i < N; ++i) {
    float number = 0.0f;
    if (!value[i].IsScalar() || !YAML::convert<float>::decode(value[i], number) || !std::isfinite(number)) {
      problems.add(file, value[i],
                   std::string("'") + key + "' holds '" +
                       (value[i].IsScalar() ? value[i].Scalar() : "a list") +
                       "', which is not a finite number");
      return std::nullopt;
    }
    numbers[i] = number;
  }
  return numbers;
}

std::optional<float> readNumber(const std::string &file, const YAML::Node &map, const char *key,
                                Problems &problems) {
  const YAML::Node value = map[key];
  float number = 0.0f;
  if (!value || !value.IsScalar() || !YAML::convert<float>::decode(value, number) || !std::isfinite(number)) {
    problems.add(file, value ? value : map, std::string("'") + key + "' should be a finite number");
    return std::nullopt;
  }
  return number;
}

// Ids of one list field, each checked against the model's structures.
std::vector<std::string> readIds(const std::string &file, const YAML::Node &step, const char *key,
                                 const LessonIds &ids, Problems &problems) {
  std::vector<std::string> list =
      readStringList(file, step, key, false, problems).value_or(std::vector<std::string>{});
  std::vector<std::string> known;
  for (const std::string &id : list) {
    if (!ids.structures.empty() && !ids.structures.count(id)) {
      problems.add(file, step[key],
                   std::string("'") + key + "' names '" + id + "', which is not a structure of the model");
      continue;
    }
    known.push_back(id);
  }
  return known;
}

std::optional<LessonCamera> readCamera(const std::string &file, const YAML::Node &node, const LessonIds &ids,
                                       Problems &problems) {
  LessonCamera camera;
  if (!node)
    return camera;
  if (!node.IsMap()) {
    problems.add(
        file, node,
        "'camera' should be a map: {view: anterior, frame: [ids]} or {target, distance, orientation}");
    return std::nullopt;
  }
  for (const auto &field : node)
    if (!std::set<std::string>{"view", "frame", "target", "distance", "orientation"}.count(
            field.first.Scalar()))
      problems.add(file, field.first,
                   "unknown camera field '" + field.first.Scalar() +
                       "' (expected view, frame, or target, distance and orientation)");
  const std::string view = readString(file, node, "view", false, problems).value_or("");
  camera.view = view.empty() ? std::nullopt : standardViewFromName(view);
  if (!view.empty() && !camera.view)
    problems.add(
        file, node["view"],
        "camera view '" + view +
            "' is not a standard view (anterior, posterior, left, right, superior, inferior, default)");
  camera.frame = readIds(file, node, "frame", ids, problems);
  const bool any = node["target"] || node["distance"] || node["orientation"];
  if (!any)
    return camera;
  const auto target = readNumbers<3>(file, node, "target", problems);
  const auto orientation = readNumbers<4>(file, node, "orientation", problems);
  const auto distance = readNumber(file, node, "distance", problems);
  if (!target || !orientation || !distance)
    return camera; // the view and frame still work
  const float length =
      std::sqrt((*orientation)[0] * (*orientation)[0] + (*orientation)[1] * (*orientation)[1] +
                (*orientation)[2] * (*orientation)[2] + (*orientation)[3] * (*orientation)[3]);
  if (length < 1e-3f || *distance <= 0.0f || *distance > 100.0f) {
    problems.add(file, node,
                 "camera: the orientation should be a rotation (w, x, y, z, not all 0) and the distance "
                 "between 0 and 100 m");
    return camera;
  }
  LessonCamera::Exact exact;
  exact.target = *target;
  exact.distance = *distance;
  for (std::size_t i = 0; i < 4; ++i)
    exact.orientation[i] = (*orientation)[i] / length;
  camera.exact = exact;
  return camera;
}

std::optional<LessonPin> readPin(const std::string &file, const YAML::Node &node, const LessonIds &ids,
                                 Problems &problems) {
  if (!node.IsMap()) {
    problems.add(
        file, node,
        "a pin should be a map {landmark: id, note: text} or {structure: id, point: [x, y, z], note: text}");
    return std::nullopt;
  }
  LessonPin pin;
  const auto note = readString(file, node, "note", true, problems);
  if (node["landmark"]) {
    const auto landmark = readString(file, node, "landmark", true, problems);
    if (!landmark || !note)
      return std::nullopt;
    if (!ids.landmarks.empty() && !ids.landmarks.count(*landmark)) {
      problems.add(file, node["landmark"],
                   "the pin names landmark '" + *landmark + "', which the model does not have");
      return std::nullopt;
    }
    pin.landmark = *landmark;
    pin.note = *note;
    return pin;
  }
  const auto structure = readString(file, node, "structure", true, problems);
  const auto point = readNumbers<3>(file, node, "point", problems);
  if (!structure || !note || !point)
    return std::nullopt;
  if (!ids.structures.empty() && !ids.structures.count(*structure)) {
    problems.add(file, node["structure"],
                 "the pin is on '" + *structure + "', which is not a structure of the model");
    return std::nullopt;
  }
  pin.structure = *structure;
  pin.note = *note;
  pin.point = *point;
  return pin;
}

std::optional<LessonStep> readStep(const std::string &file, const YAML::Node &node, std::size_t number,
                                   const LessonIds &ids, Problems &problems) {
  const std::string what = "step " + std::to_string(number);
  if (!node.IsMap()) {
    problems.add(file, node, what + " should be a map with title and text");
    return std::nullopt;
  }
  LessonStep step;
  step.line = lineOf(node);
  Problems fields;
  const auto title = readString(file, node, "title", true, fields);
  const auto text = readString(file, node, "text", true, fields);
  step.patient = readString(file, node, "patient", false, fields).value_or("");
  step.select = readIds(file, node, "select", ids, fields);
  step.isolate = readIds(file, node, "isolate", ids, fields);
  step.hide = readIds(file, node, "hide", ids, fields);
  step.ghost = readIds(file, node, "ghost", ids, fields);
  const std::string source = readString(file, node, "source", false, fields).value_or("reference");
  step.source = sourceModeFromName(source).value_or(SourceMode::Reference);
  if (!sourceModeFromName(source))
    fields.add(file, node["source"], "source '" + source + "' should be reference or article");
  if (const YAML::Node labels = node["labels"]) {
    bool shown = true;
    if (labels.IsSequence()) // the labels of these parts only
      step.labelIds = readIds(file, node, "labels", ids, fields);
    else if (!labels.IsScalar() || !YAML::convert<bool>::decode(labels, shown))
      fields.add(file, labels, "labels should be true, false or a list of the parts whose labels show");
    step.labels = shown;
  }
  if (std::optional<LessonCamera> camera = readCamera(file, node["camera"], ids, fields))
    step.camera = std::move(*camera);
  if (const YAML::Node pins = node["pins"]) {
    if (!pins.IsSequence())
      fields.add(file, pins, "'pins' should be a list of {structure, point, note}");
    else
      for (const YAML::Node &pin : pins)
        if (std::optional<LessonPin> read = readPin(file, pin, ids, fields))
          step.pins.push_back(std::move(*read));
  }
  step.section = readString(file, node, "section", false, fields).value_or("");
  if (!step.section.empty() && !ids.sections.empty() && !ids.sections.count(step.section)) {
    fields.add(file, node["section"], "section '" + step.section + "' is not a section id of the article");
    step.section.clear();
  }
  step.animation = readString(file, node, "animation", false, fields).value_or("");
  if (!step.animation.empty() && !ids.functions.empty() && !ids.functions.count(step.animation)) {
    fields.add(file, node["animation"],
               "animation '" + step.animation + "' is not a key function id (functions.*)");
    step.animation.clear();
  }
  for (const std::string &work :
       readStringList(file, node, "sources", false, fields).value_or(std::vector<std::string>{})) {
    if (!ids.works.empty() && !ids.works.count(work))
      fields.add(file, node["sources"],
                 "source '" + work + "' is not a work id of the bibliography (content/bibliography)");
    else
      step.sources.push_back(work);
  }
  for (const std::string &message : fields.messages())
    problems.add(message + " (" + what + ")");
  if (!title || !text)
    return std::nullopt; // a step with nothing to say is skipped; the rest of the lesson still runs
  step.title = trimmed(*title);
  step.text = trimmed(*text);
  step.patient = trimmed(step.patient);
  step.extra = unknownFields(node, kStepFields);
  return step;
}

void emitIds(YAML::Emitter &out, const char *key, const std::vector<std::string> &ids) {
  if (ids.empty())
    return;
  out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const std::string &id : ids)
    out << id;
  out << YAML::EndSeq;
}

template <std::size_t N>
void emitNumbers(YAML::Emitter &out, const char *key, const std::array<float, N> &numbers) {
  out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (float number : numbers)
    out << number;
  out << YAML::EndSeq;
}

void emitExtra(YAML::Emitter &out, const YAML::Node &extra) {
  if (extra && extra.IsMap())
    for (const auto &field : extra)
      out << YAML::Key << field.first << YAML::Value << field.second;
}

void emitStep(YAML::Emitter &out, const LessonStep &step) {
  out << YAML::BeginMap;
  out << YAML::Key << "title" << YAML::Value << step.title;
  out << YAML::Key << "text" << YAML::Value << YAML::Literal << step.text;
  if (!step.patient.empty())
    out << YAML::Key << "patient" << YAML::Value << YAML::Literal << step.patient;
  const LessonCamera &camera = step.camera;
  if (camera.view || !camera.frame.empty() || camera.exact) {
    out << YAML::Key << "camera" << YAML::Value << YAML::BeginMap;
    if (camera.view)
      out << YAML::Key << "view" << YAML::Value << standardViewName(*camera.view);
    emitIds(out, "frame", camera.frame);
    if (camera.exact) {
      emitNumbers(out, "target", camera.exact->target);
      out << YAML::Key << "distance" << YAML::Value << camera.exact->distance;
      emitNumbers(out, "orientation", camera.exact->orientation);
    }
    out << YAML::EndMap;
  }
  emitIds(out, "select", step.select);
  emitIds(out, "isolate", step.isolate);
  emitIds(out, "hide", step.hide);
  emitIds(out, "ghost", step.ghost);
  if (step.source != SourceMode::Reference)
    out << YAML::Key << "source" << YAML::Value << sourceModeName(step.source);
  if (!step.labels)
    out << YAML::Key << "labels" << YAML::Value << false;
  else
    emitIds(out, "labels", step.labelIds);
  if (!step.pins.empty()) {
    out << YAML::Key << "pins" << YAML::Value << YAML::BeginSeq;
    for (const LessonPin &pin : step.pins) {
      out << YAML::BeginMap;
      if (!pin.landmark.empty()) {
        out << YAML::Key << "landmark" << YAML::Value << pin.landmark;
      } else {
        out << YAML::Key << "structure" << YAML::Value << pin.structure;
        emitNumbers(out, "point", pin.point);
      }
      out << YAML::Key << "note" << YAML::Value << pin.note << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  if (!step.section.empty())
    out << YAML::Key << "section" << YAML::Value << step.section;
  if (!step.animation.empty())
    out << YAML::Key << "animation" << YAML::Value << step.animation;
  emitIds(out, "sources", step.sources);
  emitExtra(out, step.extra);
  out << YAML::EndMap;
}

} // namespace

LessonLoad parseLesson(const std::string &text, const std::string &file, const LessonIds &ids) {
  LessonLoad load;
  const Result<YAML::Node> parsed = parseYaml(text, file);
  if (!parsed) {
    load.problems.push_back(parsed.error());
    return load;
  }
  const YAML::Node &root = *parsed;
  Problems problems;
  if (!root.IsMap()) {
    problems.add(file, root, "a lesson should be a map with title, audience and steps");
    load.problems = problems.messages();
    return load;
  }
  Lesson lesson;
  lesson.file = file;
  const auto title = readString(file, root, "title", true, problems);
  lesson.audience = readString(file, root, "audience", false, problems).value_or("class");
  if (lesson.audience != "class" && lesson.audience != "patient") {
    problems.add(file, root["audience"], "audience '" + lesson.audience + "' should be class or patient");
    lesson.audience = "class";
  }
  lesson.summary = readString(file, root, "summary", false, problems).value_or("");
  const YAML::Node steps = root["steps"];
  if (!steps || !steps.IsSequence() || steps.size() == 0) {
    problems.add(file, steps ? steps : root, "a lesson needs 'steps:', a list of at least one step");
  } else {
    std::size_t number = 0;
    for (const YAML::Node &node : steps)
      if (std::optional<LessonStep> step = readStep(file, node, ++number, ids, problems))
        lesson.steps.push_back(std::move(*step));
  }
  lesson.extra = unknownFields(root, kLessonFields);
  load.problems = problems.messages();
  if (title && !lesson.steps.empty()) {
    lesson.title = *title;
    load.lesson = std::move(lesson);
  } else if (title) {
    load.problems.push_back(file + ": the lesson has no usable step");
  }
  return load;
}

LessonLoad loadLessonFile(const std::string &file, const LessonIds &ids) {
  const Result<std::string> text = readContentFile(file);
  if (!text) {
    LessonLoad load;
    load.problems.push_back(text.error());
    return load;
  }
  return parseLesson(*text, file, ids);
}

std::string lessonToYaml(const Lesson &lesson) {
  YAML::Emitter out;
  out.SetFloatPrecision(6);
  out << YAML::BeginMap;
  out << YAML::Key << "title" << YAML::Value << lesson.title;
  out << YAML::Key << "audience" << YAML::Value << lesson.audience;
  if (!lesson.summary.empty())
    out << YAML::Key << "summary" << YAML::Value << lesson.summary;
  emitExtra(out, lesson.extra);
  out << YAML::Key << "steps" << YAML::Value << YAML::BeginSeq;
  for (const LessonStep &step : lesson.steps)
    emitStep(out, step);
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::vector<Lesson> loadLessons(const std::string &dir, const LessonIds &ids,
                                std::vector<std::string> &problems) {
  std::vector<Lesson> lessons;
  for (const std::string &file : yamlFilesIn(dir)) {
    const Result<std::string> text = readContentFile(file, dir);
    if (!text) {
      problems.push_back(text.error());
      continue;
    }
    LessonLoad load = parseLesson(*text, file, ids);
    problems.insert(problems.end(), load.problems.begin(), load.problems.end());
    if (load.lesson)
      lessons.push_back(std::move(*load.lesson));
  }
  return lessons;
}

} // namespace atlas::content
