#include "modelgen/spec.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace atlas::modelgen {
namespace {

using nlohmann::json;

glm::vec2 vec2Of(const json &j) {
  return {j.at(0).get<float>(), j.at(1).get<float>()};
}
glm::vec3 vec3Of(const json &j) {
  return {j.at(0).get<float>(), j.at(1).get<float>(), j.at(2).get<float>()};
}

// [x, y, z] or {"at": "c5.pt", "offset": [dx, dy, dz]}.
PointSpec pointOf(const json &j) {
  PointSpec p;
  if (j.is_array()) {
    p.offset = vec3Of(j);
  } else {
    p.landmark = j.at("at").get<std::string>();
    if (j.contains("offset"))
      p.offset = vec3Of(j.at("offset"));
  }
  return p;
}

std::vector<MusclePointSpec> musclePointsOf(const json &j) {
  std::vector<MusclePointSpec> out;
  for (const json &e : j)
    out.push_back({pointOf(e.at("p")), e.at("r").get<float>()});
  return out;
}

SweptSpec sweptOf(const json &j) {
  SweptSpec s;
  s.id = j.at("id").get<std::string>();
  for (const json &p : j.at("centreline"))
    s.centreline.push_back(vec3Of(p));
  for (const json &p : j.at("profile"))
    s.profile.push_back(vec3Of(p));
  s.headRadius = j.value("headRadius", 0.0f);
  if (j.contains("landmarks"))
    for (const auto &[name, p] : j.at("landmarks").items())
      s.landmarks[name] = vec3Of(p);
  if (j.contains("features"))
    for (const json &f : j.at("features")) {
      RibFeatureSpec feature;
      feature.type = f.at("type").get<std::string>();
      feature.at = f.at("at").get<std::string>();
      feature.radii = vec3Of(f.at("radii"));
      feature.depth = f.value("depth", 1.0f);
      s.features.push_back(feature);
    }
  return s;
}

json readJson(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error(path + ": cannot open");
  try {
    return json::parse(in);
  } catch (const json::parse_error &e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

void readStructures(const json &j, ModelSpec &spec) {
  for (const json &e : j.at("structures")) {
    StructureInfo info;
    info.id = e.at("id").get<std::string>();
    info.name = e.at("name").get<std::string>();
    info.latin = e.value("latin", "");
    info.system = e.at("system").get<std::string>();
    info.paired = e.value("paired", false);
    if (e.contains("fma")) {
      if (e.at("fma").is_array()) {
        info.fmaRight = e.at("fma").at(0).get<std::string>();
        info.fmaLeft = e.at("fma").at(1).get<std::string>();
      } else {
        info.fma = e.at("fma").get<std::string>();
      }
    }
    spec.structures.push_back(info);
  }
  spec.description = j.at("description").get<std::string>();
  spec.copyright = j.value("copyright", "");
}

void readSkeleton(const json &j, ModelSpec &spec) {
  for (const json &e : j.at("vertebrae")) {
    VertebraSpec v;
    v.id = e.at("id").get<std::string>();
    v.kind = e.at("kind").get<std::string>();
    v.bodyCentre = vec2Of(e.at("bodyCentre"));
    v.supCentre = vec2Of(e.at("supCentre"));
    v.infCentre = vec2Of(e.at("infCentre"));
    v.supSlope = e.value("supSlope", 0.0f);
    v.infSlope = e.value("infSlope", 0.0f);
    v.bodyWidth = e.value("bodyWidth", 0.0f);
    v.supWidth = e.value("supWidth", 0.0f);
    v.infWidth = e.value("infWidth", 0.0f);
    v.depth = e.value("depth", 0.0f);
    v.canalWidth = e.value("canalWidth", 0.0f);
    v.canalDepth = e.value("canalDepth", 0.0f);
    v.tpSpan = e.value("tpSpan", 0.0f);
    v.pedicleWidth = e.value("pedicleWidth", 5.0f);
    v.pedicleHeight = e.value("pedicleHeight", 6.5f);
    v.facetAngle = e.value("facetAngle", 45.0f);
    v.facetSagittal = e.value("facetSagittal", 90.0f);
    v.spinousTip = vec2Of(e.at("spinousTip"));
    v.bifid = e.value("bifid", false);
    v.ftDiameter = e.value("ftDiameter", 0.0f);
    v.anteriorTubercleX = e.value("anteriorTubercleX", 0.0f);
    v.anteriorTubercleRadius = e.value("anteriorTubercleRadius", 0.0f);
    v.anteriorTubercleZ = e.value("anteriorTubercleZ", 2.0f);
    v.posteriorTubercleRadius = e.value("posteriorTubercleRadius", 3.0f);
    if (e.contains("tpTip"))
      v.tpTip = vec3Of(e.at("tpTip"));
    if (e.contains("costalPits"))
      v.costalPits = e.at("costalPits").get<std::vector<std::string>>();
    spec.vertebrae.push_back(v);
  }
  for (const json &e : j.at("discs"))
    spec.discs.push_back(
        {e.at("id").get<std::string>(), e.at("upper").get<std::string>(), e.at("lower").get<std::string>()});
}

void readRibs(const json &j, ModelSpec &spec) {
  for (const json &e : j.at("ribs"))
    spec.ribs.push_back(sweptOf(e));
  for (const json &e : j.at("cartilages"))
    spec.cartilages.push_back(sweptOf(e));
  const json &m = j.at("manubrium");
  spec.manubrium.top = vec3Of(m.at("top"));
  spec.manubrium.bottom = vec3Of(m.at("bottom"));
  spec.manubrium.topWidth = m.at("topWidth").get<float>();
  spec.manubrium.bottomWidth = m.at("bottomWidth").get<float>();
  spec.manubrium.thickness = m.at("thickness").get<float>();
}

void readMuscles(const json &j, ModelSpec &spec) {
  for (const json &e : j.at("muscles")) {
    MuscleSpec m;
    m.id = e.at("id").get<std::string>();
    m.slips = musclePointsOf(e.at("slips"));
    m.belly = musclePointsOf(e.at("belly"));
    m.insertion = musclePointsOf(e.at("insertion"));
    if (e.contains("broadAxis"))
      m.broadAxis = vec3Of(e.at("broadAxis"));
    m.halfWidth = e.value("halfWidth", 0.0f);
    if (e.contains("footprintLayer"))
      m.footprintLayer = vec2Of(e.at("footprintLayer"));
    for (const json &f : e.at("footprints")) {
      FootprintSpec fp;
      fp.role = f.at("role").get<std::string>();
      fp.bone = f.at("bone").get<std::string>();
      fp.source = f.at("source").get<std::string>();
      fp.at = pointOf(f.at("at"));
      fp.size = vec2Of(f.at("size"));
      m.footprints.push_back(fp);
    }
    spec.muscles.push_back(m);
  }
}

void readTubes(const json &j, ModelSpec &spec) {
  for (const json &e : j.at("tubes")) {
    TubeSpec t;
    t.id = e.at("id").get<std::string>();
    t.system = e.at("system").get<std::string>();
    t.diameter = e.at("diameter").get<float>();
    for (const json &p : e.at("path"))
      t.path.push_back(pointOf(p));
    spec.tubes.push_back(t);
  }
}

} // namespace

Result<ModelSpec> loadModelSpec(const std::string &directory) {
  ModelSpec spec;
  std::string current;
  try {
    current = directory + "/structures.json";
    readStructures(readJson(current), spec);
    current = directory + "/skeleton.json";
    readSkeleton(readJson(current), spec);
    current = directory + "/ribs.json";
    readRibs(readJson(current), spec);
    current = directory + "/muscles.json";
    readMuscles(readJson(current), spec);
    current = directory + "/vessels.json";
    readTubes(readJson(current), spec);
  } catch (const std::exception &e) {
    const std::string what = e.what();
    return Error{what.rfind(current, 0) == 0 ? what : current + ": " + what};
  }
  return spec;
}

} // namespace atlas::modelgen
