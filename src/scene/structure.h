// Structure: one named anatomical part of the model (a bone, muscle, nerve, artery, vein, disc,
// cartilage, the pleura, a fascia)
// or an attachment footprint of a muscle on a bone. Its id is the glTF node name and is the contract
// between the model, the content files and the tests.
#pragma once

#include "scene/mesh_data.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

// Vein, Pleura and Fascia came with issue 12 (subclavian and jugular veins, the cervical pleura and the
// suprapleural membrane); they go after Disc so the older values keep their numbers.
enum class System { Bone, Muscle, Nerve, Artery, Cartilage, Disc, Vein, Pleura, Fascia, Attachment, Other };

const char *
systemName(System system); // "bone", "muscle", ... "vein", "pleura", "fascia", "attachment", "other"
std::optional<System> systemFromName(const std::string &name);

// Where a muscle is fixed to a bone, as one footprint mesh lying on the bone's surface.
// In a model file's extras: "origin" | "insertion", and "reference" | "article" | "both" (who names the
// site: the standard references, the article, or both).
enum class AttachmentRole { Origin, Insertion };
enum class AttachmentSource { Reference, Article, Both };
const char *attachmentRoleName(AttachmentRole role);
std::optional<AttachmentRole> attachmentRoleFromName(std::string_view name);
const char *attachmentSourceName(AttachmentSource source);
std::optional<AttachmentSource> attachmentSourceFromName(std::string_view name);

struct AttachmentSite {
  AttachmentRole role = AttachmentRole::Origin;
  std::string muscle; // structure id of the muscle
  std::string bone;   // structure id of the bone
  AttachmentSource source = AttachmentSource::Reference;
  // Whether the account chosen (the article's, or the references') names this site.
  bool namedBy(bool article) const {
    return source == AttachmentSource::Both ||
           source == (article ? AttachmentSource::Article : AttachmentSource::Reference);
  }
};

// A named bony landmark (dens, scalene tubercle, jugular notch...): a point on the bone's surface with
// its outward normal, in the model frame (metres). Its id is a contract like a structure id: quiz
// questions, lessons and the knowledge base refer to it.
struct Landmark {
  std::string id;   // unique in the model, e.g. "rib1_left.scalene_tubercle"
  std::string name; // English display name, e.g. "Scalene tubercle"
  glm::vec3 position{0.0f};
  glm::vec3 normal{0.0f, 1.0f, 0.0f};
};

struct Structure {
  std::string id;   // unique; the glTF node name
  std::string name; // English display name (falls back to id)
  std::string latin;
  std::string fma;  // Foundational Model of Anatomy id, empty when none
  std::string side; // "left" | "right" | "midline" | ""
  System system = System::Other;
  std::optional<AttachmentSite> attachment;
  std::map<std::string, std::string> extras; // every glTF extras field, as text (but landmarks)
  std::vector<Landmark> landmarks;           // bones only; glTF extras "landmarks"

  // Every mesh a closed surface wound outward (the generator checks it and says so in the glTF extras
  // "closed"): its back faces never show from outside, so the renderer skips them. A file that claims
  // it falsely only loses the inside of its open parts from view.
  bool closed = false;

  int parent = -1;              // index of the parent structure, -1 at the root
  std::vector<MeshData> meshes; // baked into model space (node transforms applied)

  std::size_t triangleCount() const;
  Bounds bounds() const;
  // The mean of its vertices (an attachment footprint's centre, say); none without vertices.
  std::optional<glm::vec3> vertexCentroid() const;
  const std::string &displayName() const { return name.empty() ? id : name; }
};

} // namespace atlas
