#include "modelgen/spec.h"

#include "core/enum_names.h"
#include "scene/structure.h"

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace atlas::modelgen {

std::optional<VertebraKind> vertebraKindFromName(const std::string &name) {
  static constexpr std::array<std::pair<VertebraKind, const char *>, 5> kNames{
      {{VertebraKind::Atlas, "atlas"},
       {VertebraKind::Axis, "axis"},
       {VertebraKind::Typical, "typical"},
       {VertebraKind::Prominens, "prominens"},
       {VertebraKind::Thoracic, "thoracic"}}};
  return valueNamed(kNames, name);
}

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string &where, const std::string &what) {
  throw std::runtime_error(where.empty() ? what : where + ": " + what);
}

glm::vec2 vec2Of(const json &j, const std::string &where) {
  if (!j.is_array() || j.size() != 2 || !j.at(0).is_number() || !j.at(1).is_number())
    fail(where, "expected [a, b], got " + j.dump());
  return {j.at(0).get<float>(), j.at(1).get<float>()};
}
glm::vec3 vec3Of(const json &j, const std::string &where) {
  if (!j.is_array() || j.size() != 3 || !j.at(0).is_number() || !j.at(1).is_number() || !j.at(2).is_number())
    fail(where, "expected [x, y, z], got " + j.dump());
  return {j.at(0).get<float>(), j.at(1).get<float>(), j.at(2).get<float>()};
}

// One JSON object of the description, read by key. Every key the parser reads or asks for is a known
// key, and finish() refuses any other, so a typo cannot silently become a default; missing required
// keys and wrong types are errors naming the object and the key. Keys starting with "_" are comments.
class Obj {
public:
  Obj(const json &j, std::string where) : j_(j), where_(std::move(where)) {
    if (!j_.is_object())
      fail(where_, "expected an object, got " + j_.dump());
    if (j_.contains("id") && j_.at("id").is_string())
      where_ += (where_.empty() ? "(\"" : " (\"") + j_.at("id").get<std::string>() + "\")";
  }
  const std::string &where() const { return where_; }
  std::string whereKey(const std::string &key) const {
    return (where_.empty() ? "" : where_ + ": ") + "\"" + key + "\"";
  }

  bool has(const std::string &key) {
    known_.insert(key);
    return j_.contains(key);
  }
  const json &at(const std::string &key) {
    if (!has(key))
      fail(where_, "missing key \"" + key + "\"");
    return j_.at(key);
  }
  template <class T> T get(const std::string &key) {
    const json &v = at(key);
    try {
      return v.get<T>();
    } catch (const json::exception &e) {
      fail(whereKey(key), std::string("wrong type (") + e.what() + ")");
    }
  }
  template <class T> T value(const std::string &key, T fallback) { return has(key) ? get<T>(key) : fallback; }
  glm::vec2 vec2(const std::string &key) { return vec2Of(at(key), whereKey(key)); }
  glm::vec3 vec3(const std::string &key) { return vec3Of(at(key), whereKey(key)); }
  // Elements of an array, each with its place ("vertebrae[3]").
  template <class F> void each(const std::string &key, F &&f) {
    const json &a = at(key);
    if (!a.is_array())
      fail(whereKey(key), "expected an array");
    for (std::size_t i = 0; i < a.size(); ++i)
      f(a[i], (where_.empty() ? "" : where_ + ": ") + key + "[" + std::to_string(i) + "]");
  }

  // Refuses every key that was neither read nor asked for.
  void finish() const {
    for (const auto &item : j_.items()) {
      if (item.key().rfind('_', 0) == 0 || known_.count(item.key()))
        continue;
      std::string expected;
      for (const std::string &k : known_)
        expected += (expected.empty() ? "" : ", ") + k;
      fail(where_, "unknown key \"" + item.key() + "\"; expected one of " + expected);
    }
  }

private:
  const json &j_;
  std::string where_;
  std::set<std::string> known_;
};

// [x, y, z] or {"at": "c5.pt", "offset": [dx, dy, dz]}.
PointSpec pointOf(const json &j, const std::string &where) {
  PointSpec p;
  if (j.is_array()) {
    p.offset = vec3Of(j, where);
  } else {
    Obj o(j, where);
    p.landmark = o.get<std::string>("at");
    if (o.has("offset"))
      p.offset = o.vec3("offset");
    o.finish();
  }
  return p;
}

std::vector<MusclePointSpec> musclePointsOf(Obj &parent, const std::string &key) {
  std::vector<MusclePointSpec> out;
  parent.each(key, [&](const json &e, const std::string &where) {
    Obj o(e, where);
    MusclePointSpec m;
    m.at = pointOf(o.at("p"), o.whereKey("p"));
    m.section = o.vec2("section");
    if (o.has("broadAxis"))
      m.broadAxis = o.vec3("broadAxis");
    o.finish();
    out.push_back(m);
  });
  return out;
}

SweptSpec sweptOf(const json &j, const std::string &where) {
  Obj o(j, where);
  SweptSpec s;
  s.id = o.get<std::string>("id");
  o.each("centreline", [&](const json &p, const std::string &at) { s.centreline.push_back(vec3Of(p, at)); });
  o.each("profile", [&](const json &p, const std::string &at) { s.profile.push_back(vec3Of(p, at)); });
  s.headRadius = o.value("headRadius", 0.0f);
  s.taper = o.value("taper", 0.0f);
  s.flatness = o.value("flatness", 0.0f);
  s.twist = o.value("twist", 0.0f);
  if (o.has("landmarks")) {
    const json &marks = o.at("landmarks");
    if (!marks.is_object())
      fail(o.whereKey("landmarks"), "expected an object");
    for (const auto &[name, p] : marks.items())
      if (name.rfind('_', 0) != 0)
        s.landmarks[name] = vec3Of(p, o.whereKey("landmarks") + "." + name);
  }
  if (o.has("features"))
    o.each("features", [&](const json &f, const std::string &at) {
      Obj fo(f, at);
      RibFeatureSpec feature;
      feature.type = fo.get<std::string>("type");
      feature.at = fo.get<std::string>("at");
      feature.radii = fo.vec3("radii");
      feature.depth = fo.value("depth", 1.0f);
      feature.angle = fo.value("angle", 0.0f);
      fo.finish();
      s.features.push_back(feature);
    });
  o.finish();
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
  Obj top(j, "");
  top.each("structures", [&](const json &e, const std::string &where) {
    Obj o(e, where);
    StructureInfo info;
    info.id = o.get<std::string>("id");
    info.name = o.get<std::string>("name");
    info.latin = o.value<std::string>("latin", "");
    info.system = o.get<std::string>("system");
    info.paired = o.value("paired", false);
    info.initially = o.value<std::string>("initially", "");
    if (o.has("pierces"))
      info.pierces = o.get<std::vector<std::string>>("pierces");
    if (o.has("fma")) {
      if (o.at("fma").is_array()) {
        const json &fma = o.at("fma");
        if (fma.size() != 2 || !fma.at(0).is_string() || !fma.at(1).is_string())
          fail(o.whereKey("fma"), "expected [right, left] or one id");
        info.fmaRight = fma.at(0).get<std::string>();
        info.fmaLeft = fma.at(1).get<std::string>();
      } else {
        info.fma = o.get<std::string>("fma");
      }
    }
    o.finish();
    spec.structures.push_back(info);
  });
  spec.description = top.get<std::string>("description");
  spec.copyright = top.value<std::string>("copyright", "");
  top.finish();
}

void readSkeleton(const json &j, ModelSpec &spec) {
  Obj top(j, "");
  top.each("vertebrae", [&](const json &e, const std::string &where) {
    Obj o(e, where);
    VertebraSpec v;
    v.id = o.get<std::string>("id");
    const std::string kind = o.get<std::string>("kind");
    const std::optional<VertebraKind> parsed = vertebraKindFromName(kind);
    if (!parsed)
      fail(o.whereKey("kind"), "expected atlas, axis, typical, prominens or thoracic, got \"" + kind + "\"");
    v.kind = *parsed;
    v.bodyCentre = o.vec2("bodyCentre");
    v.supCentre = o.vec2("supCentre");
    v.infCentre = o.vec2("infCentre");
    v.supSlope = o.value("supSlope", 0.0f);
    v.infSlope = o.value("infSlope", 0.0f);
    v.bodyWidth = o.value("bodyWidth", 0.0f);
    v.supWidth = o.value("supWidth", 0.0f);
    v.infWidth = o.value("infWidth", 0.0f);
    v.depth = o.value("depth", 0.0f);
    v.canalWidth = o.value("canalWidth", 0.0f);
    v.canalDepth = o.value("canalDepth", 0.0f);
    v.tpSpan = o.value("tpSpan", 0.0f);
    v.pedicleWidth = o.value("pedicleWidth", 5.0f);
    v.pedicleHeight = o.value("pedicleHeight", 6.5f);
    v.facetAngle = o.value("facetAngle", 45.0f);
    v.facetSagittal = o.value("facetSagittal", 90.0f);
    v.spinousTip = o.vec2("spinousTip");
    v.bifid = o.value("bifid", false);
    v.ftDiameter = o.value("ftDiameter", 0.0f);
    v.anteriorTubercleX = o.value("anteriorTubercleX", 0.0f);
    v.anteriorTubercleRadius = o.value("anteriorTubercleRadius", 0.0f);
    v.anteriorTubercleZ = o.value("anteriorTubercleZ", 2.0f);
    v.posteriorTubercleRadius = o.value("posteriorTubercleRadius", 3.0f);
    if (o.has("tpTip"))
      v.tpTip = o.vec3("tpTip");
    if (o.has("costalPits"))
      v.costalPits = o.get<std::vector<std::string>>("costalPits");
    o.finish();
    spec.vertebrae.push_back(v);
  });
  std::set<std::string> vertebrae;
  for (const VertebraSpec &v : spec.vertebrae)
    vertebrae.insert(v.id);
  top.each("discs", [&](const json &e, const std::string &where) {
    Obj o(e, where);
    DiscSpec d{o.get<std::string>("id"), o.get<std::string>("upper"), o.get<std::string>("lower")};
    for (const std::string *end : {&d.upper, &d.lower})
      if (!vertebrae.count(*end))
        fail(o.whereKey(end == &d.upper ? "upper" : "lower"),
             "no vertebra \"" + *end + "\" in \"vertebrae\"");
    o.finish();
    spec.discs.push_back(d);
  });
  top.finish();
}

void readRibs(const json &j, ModelSpec &spec) {
  Obj top(j, "");
  top.each("ribs", [&](const json &e, const std::string &where) { spec.ribs.push_back(sweptOf(e, where)); });
  top.each("cartilages",
           [&](const json &e, const std::string &where) { spec.cartilages.push_back(sweptOf(e, where)); });
  Obj m(top.at("manubrium"), "manubrium");
  spec.manubrium.top = m.vec3("top");
  spec.manubrium.bottom = m.vec3("bottom");
  spec.manubrium.topWidth = m.get<float>("topWidth");
  spec.manubrium.bottomWidth = m.get<float>("bottomWidth");
  spec.manubrium.thickness = m.get<float>("thickness");
  spec.manubrium.topThickness = m.value("topThickness", spec.manubrium.thickness);
  m.finish();
  if (top.has("sternalBody")) {
    Obj b(top.at("sternalBody"), "sternalBody");
    SternalBodySpec &body = spec.sternalBody;
    body.length = b.get<float>("length");
    body.angle = b.get<float>("angle");
    body.topWidth = b.get<float>("topWidth");
    body.bottomWidth = b.get<float>("bottomWidth");
    body.thickness = b.get<float>("thickness");
    body.gap = b.get<float>("gap");
    if (body.length <= 0.0f || body.angle < 120.0f || body.angle > 180.0f || body.gap < 0.0f)
      fail(b.whereKey("length"), "a length over 0, an angle of 120-180 degrees and a gap of 0 or more");
    b.finish();
  }
  if (top.has("clavicles"))
    top.each("clavicles",
             [&](const json &e, const std::string &where) { spec.clavicles.push_back(sweptOf(e, where)); });
  top.finish();
}

void readMuscles(const json &j, ModelSpec &spec) {
  Obj top(j, "");
  top.each("muscles", [&](const json &e, const std::string &where) {
    Obj o(e, where);
    MuscleSpec m;
    m.id = o.get<std::string>("id");
    m.slips = musclePointsOf(o, "slips");
    m.belly = musclePointsOf(o, "belly");
    m.insertion = musclePointsOf(o, "insertion");
    if (o.has("broadAxis"))
      m.broadAxis = o.vec3("broadAxis");
    m.slipSpread = o.value("slipSpread", m.slipSpread);
    m.slipWeb = o.value("slipWeb", m.slipWeb);
    if (!(m.slipWeb >= 0.0f && m.slipWeb <= 20.0f))
      fail(o.whereKey("slipWeb"), "expected a radius in mm of 0-20");
    m.insertionTendon = o.value("insertionTendon", m.insertionTendon);
    m.joinBelow = o.value("joinBelow", m.joinBelow);
    m.insertionOnFace = o.value("insertionOnFace", m.insertionOnFace);
    if (o.has("footprintLayer"))
      m.footprintLayer = o.vec2("footprintLayer");
    o.each("footprints", [&](const json &f, const std::string &at) {
      Obj fo(f, at);
      FootprintSpec fp;
      fp.role = fo.get<std::string>("role");
      fp.bone = fo.get<std::string>("bone");
      fp.source = fo.get<std::string>("source");
      if (!attachmentRoleFromName(fp.role))
        fail(fo.whereKey("role"), "expected \"origin\" or \"insertion\", got \"" + fp.role + "\"");
      if (!attachmentSourceFromName(fp.source))
        fail(fo.whereKey("source"),
             "expected \"reference\", \"article\" or \"both\", got \"" + fp.source + "\"");
      fp.at = pointOf(fo.at("at"), fo.whereKey("at"));
      fp.size = fo.vec2("size");
      fo.finish();
      m.footprints.push_back(fp);
    });
    o.finish();
    spec.muscles.push_back(m);
  });
  top.finish();
}

void readTubes(const json &j, ModelSpec &spec) {
  Obj top(j, "");
  top.each("tubes", [&](const json &e, const std::string &where) {
    Obj o(e, where);
    TubeSpec t;
    t.id = o.get<std::string>("id");
    t.system = o.get<std::string>("system");
    t.diameter = o.get<float>("diameter");
    t.endDiameter = o.value("endDiameter", t.endDiameter);
    t.flareMm = o.value("flareMm", t.flareMm);
    if (t.flareMm < 0.0f)
      fail(o.whereKey("flareMm"), "expected a length in mm of at least 0");
    t.bulbMm = o.value("bulbMm", t.bulbMm);
    if (t.bulbMm < 0.0f)
      fail(o.whereKey("bulbMm"), "expected a length in mm of at least 0");
    t.bulbWidth = o.value("bulbWidth", t.bulbWidth);
    if (t.bulbWidth < 1.0f || t.bulbWidth > 2.0f)
      fail(o.whereKey("bulbWidth"), "expected a multiple of the diameter from 1 to 2");
    t.bulbDepth = o.value("bulbDepth", t.bulbWidth);
    if (t.bulbDepth < 1.0f || t.bulbDepth > t.bulbWidth)
      fail(o.whereKey("bulbDepth"), "expected a multiple of the depth from 1 to bulbWidth");
    t.oval = o.value("oval", t.oval);
    if (t.oval < 1.0f || t.oval > 2.0f)
      fail(o.whereKey("oval"), "expected a width-to-depth ratio from 1 to 2");
    o.each("path", [&](const json &p, const std::string &at) { t.path.push_back(pointOf(p, at)); });
    t.side = o.value<std::string>("side", "");
    if (!t.side.empty() && t.side != "left" && t.side != "right")
      fail(o.whereKey("side"), "expected \"left\" or \"right\", got \"" + t.side + "\"");
    if (o.has("joins"))
      t.joins = o.get<std::vector<std::string>>("joins");
    o.finish();
    spec.tubes.push_back(t);
  });
  top.finish();
}

void readPleura(const json &j, ModelSpec &spec) {
  Obj top(j, "");
  top.each("pleurae", [&](const json &e, const std::string &where) {
    Obj o(e, where);
    PleuraSpec p;
    p.id = o.get<std::string>("id");
    p.membraneId = o.get<std::string>("membraneId");
    p.apex = o.vec3("apex");
    p.radii = o.vec3("radii");
    p.floor = o.get<float>("floor");
    p.clearance = o.value("clearance", p.clearance);
    p.membraneThickness = o.value("membraneThickness", p.membraneThickness);
    p.membraneBelowApex = o.value("membraneBelowApex", p.membraneBelowApex);
    p.membraneLowest = o.value("membraneLowest", p.membraneLowest);
    o.finish();
    spec.pleurae.push_back(p);
  });
  top.finish();
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
    current = directory + "/pleura.json";
    if (std::ifstream(current))
      readPleura(readJson(current), spec);
  } catch (const std::exception &e) {
    const std::string what = e.what();
    return Error{what.rfind(current, 0) == 0 ? what : current + ": " + what};
  }
  return spec;
}

} // namespace atlas::modelgen
