// Teaching entries: what students are examined on about the root of the neck and the thoracic
// outlet (the interscalene triangle, the outlet's spaces, clinical tests...), written for the
// project and independent of the seed article. Read from content/teaching/*.yaml; each entry links
// the model's structures and cites works of content/bibliography, and has a plain-language version
// for patients (or says why it has none). No GL, no ImGui.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace atlas::content {

struct TeachingEntry {
  std::string id; // "teaching.interscalene_triangle"; unique
  std::string title;
  std::string patientTitle; // the title in plain words, with `patient`
  std::string text;         // for students and clinicians
  std::string patient;      // the same in plain words for a patient; empty when patientNone says why not
  std::string patientNone;  // why a patient version would not help ("patient_none:"), else empty
  std::vector<std::string> links;   // structure ids of the model the entry is about
  std::vector<std::string> awaits;  // structures the model lacks yet, in words; linked when they arrive
  std::vector<std::string> sources; // bibliography work ids, at least one
  std::string file;
  int line = 0;

  bool hasPatientVersion() const { return !patient.empty(); }
  // The patient text in patient mode when there is one, else the students' text.
  const std::string &textFor(bool patientMode) const {
    return patientMode && hasPatientVersion() ? patient : text;
  }
  const std::string &titleFor(bool patientMode) const {
    return patientMode && hasPatientVersion() && !patientTitle.empty() ? patientTitle : title;
  }
};

struct Teaching {
  std::vector<TeachingEntry> entries; // in file-name order, then file order
  std::vector<std::string> problems;  // "file:line: message"

  const TeachingEntry *find(const std::string &id) const;
  // The entry a panel shows for `id`: that entry, else the first; null when there are none.
  const TeachingEntry *findOrFirst(const std::string &id) const;
};

// Reads every *.yaml of `dir` (a list `entries:`) and checks required fields, duplicate ids, link
// ids against `structureIds` and source ids against `workIds` (an empty set skips that check), and
// that each entry has exactly one of `patient:` (the plain version) or `patient_none:` (the reason).
Teaching loadTeaching(const std::string &dir, const std::set<std::string> &structureIds,
                      const std::set<std::string> &workIds);

} // namespace atlas::content
