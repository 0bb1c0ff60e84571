// How a quiz gives feedback (issue 15): practice says after each answer, exam only at the end. Its
// own header so a Command can carry it without the quiz's machinery.
#pragma once

#include <optional>
#include <string>

namespace atlas::quiz {

enum class QuizMode { Practice, Exam };
const char *quizModeName(QuizMode mode); // "practice" | "exam"
std::optional<QuizMode> quizModeFromName(const std::string &name);

} // namespace atlas::quiz
