// Hostile models that tried to reach files outside their folder, block the load, or cost far more
// memory or time than their size: each is written here, loaded, and must be refused with a message
// naming the file, the place and why (or, where said, load correctly).
#include "io/model_loader.h"
#include "support/fixtures.h"
#include "support/scratch_dir.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

using namespace atlas;
namespace fs = std::filesystem;
using test::ScratchDir;

namespace {

bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

// The buffer of test::makeGltfJson's triangle: three float positions and three 16-bit indices, padded.
std::string triangleBuffer() {
  const float positions[9] = {0, 0, 0, 1, 0, 0, 0, 1, 0};
  const std::uint16_t indices[3] = {0, 1, 2};
  std::string bytes(reinterpret_cast<const char *>(positions), sizeof positions);
  bytes.append(reinterpret_cast<const char *>(indices), sizeof indices);
  return bytes + std::string(2, '\0');
}

std::string gltfWithUri(const std::string &uri) {
  test::GltfJsonOptions options;
  options.bufferUri = uri;
  return test::makeGltfJson(options);
}

// Loads on another thread; a load still running after 20 s is a hang: the test fails and calls
// `unblock` so the thread can finish (a FIFO opened for writing and closed ends a reader's wait).
Result<Scene> loadWithin20s(const std::string &path, const std::function<void()> &unblock) {
  std::future<Result<Scene>> load = std::async(std::launch::async, [path] { return loadModel(path); });
  if (load.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
    unblock();
    FAIL_CHECK("loading " << path << " blocked for 20 s");
  }
  return load.get();
}
void openForWriting(const std::string &fifo) {
  const int fd = ::open(fifo.c_str(), O_WRONLY);
  if (fd >= 0)
    ::close(fd);
}

// Sets the current directory for one scope.
struct InDirectory {
  fs::path previous = fs::current_path();
  explicit InDirectory(const fs::path &dir) { fs::current_path(dir); }
  ~InDirectory() { fs::current_path(previous); }
};

} // namespace

// ---- item 1: a model reads regular files inside its own folder, nothing else --------------------

// Before: checkUris looked at the raw URI, tinygltf percent-decoded it and loaded ../secret.bin.
TEST_CASE("glTF URI with percent-encoded '..' cannot leave the model's folder", "[loader][files]") {
  const ScratchDir scratch("percent");
  scratch.write("secret.bin", triangleBuffer());
  for (const std::string uri :
       {"%2e%2e/secret.bin", "%2E%2E%2Fsecret.bin", "sub/%2e%2e/%2e%2e/secret.bin", "..%2fsecret.bin"}) {
    INFO(uri);
    const std::string model = scratch.write("model/m.gltf", gltfWithUri(uri));
    Result<Scene> scene = loadModel(model);
    REQUIRE_FALSE(scene);
    CHECK(contains(scene.error(), "m.gltf: buffers[0].uri \"" + uri + "\" (decoded \""));
    CHECK(contains(scene.error(), "leaves the model's folder"));
  }
  // Escapes that decode to something else are refused as such; an encoded name inside the folder loads.
  Result<Scene> badEscape = loadModel(scratch.write("model/e.gltf", gltfWithUri("%zz.bin")));
  REQUIRE_FALSE(badEscape);
  CHECK(contains(badEscape.error(), "e.gltf: buffers[0].uri \"%zz.bin\": has a '%' at character 1"));
  Result<Scene> nul = loadModel(scratch.write("model/n.gltf", gltfWithUri("x.bin%00")));
  REQUIRE_FALSE(nul);
  CHECK(contains(nul.error(), "contains a NUL character"));
  scratch.write("model/sub dir/triangle.bin", triangleBuffer());
  Result<Scene> inside = loadModel(scratch.write("model/ok.gltf", gltfWithUri("sub%20dir/triangle.bin")));
  REQUIRE(inside);
  CHECK(inside->triangleCount() == 1);
}

// Before: the file was opened and read, and the error said "File size mismatch : .../etc/passwd,
// requestedBytes 44, but got <its size>".
TEST_CASE("glTF URI to /etc/passwd through percent-escapes is refused unread", "[loader][files]") {
  const ScratchDir scratch("passwd");
  std::string uri;
  for (int i = 0; i < 40; ++i)
    uri += "%2e%2e/";
  uri += "etc/passwd";
  Result<Scene> scene = loadModel(scratch.write("m.gltf", gltfWithUri(uri)));
  REQUIRE_FALSE(scene);
  CHECK(contains(scene.error(), "m.gltf: buffers[0].uri \"%2e%2e/"));
  CHECK(contains(scene.error(), "leaves the model's folder; the file must be beside the model or below it"));
  CHECK_FALSE(contains(scene.error(), "File size mismatch"));
  CHECK_FALSE(contains(scene.error(), "but got"));
}

// Before: tinygltf searched the current directory after the model's folder and loaded the file there.
TEST_CASE("glTF buffer missing beside the model is not looked for in the current directory",
          "[loader][files]") {
  const ScratchDir scratch("cwd");
  scratch.write("cwd/only_here.bin", triangleBuffer());
  const std::string model = scratch.write("model/m.gltf", gltfWithUri("only_here.bin"));
  const InDirectory cwd(scratch.dir / "cwd");
  Result<Scene> scene = loadModel(model);
  REQUIRE_FALSE(scene);
  CHECK(contains(scene.error(),
                 "m.gltf: buffers[0].uri \"only_here.bin\": no such file in the model's folder"));
}

// Before: any URI starting with "data:" skipped the folder check; tinygltf decodes only a few
// data: forms and opened the rest as a path, here model/data:/../../secret.bin.
TEST_CASE("glTF data: URI that tinygltf would open as a path is refused", "[loader][files]") {
  const ScratchDir scratch("data-uri");
  scratch.write("secret.bin", triangleBuffer());
  fs::create_directories(scratch.dir / "model" / "data:");
  for (const std::string uri : {"data:/../../secret.bin", "data:,hello", "data:text/plain,abc"}) {
    INFO(uri);
    Result<Scene> scene = loadModel(scratch.write("model/m.gltf", gltfWithUri(uri)));
    REQUIRE_FALSE(scene);
    CHECK(contains(scene.error(),
                   "m.gltf: buffers[0].uri \"" + uri + "\": a data: URI the loader cannot decode"));
  }
}

// Before: tinygltf's fopen waited for a writer forever; Cancel could not help.
TEST_CASE("glTF buffer that is a FIFO is refused without blocking", "[loader][files]") {
  const ScratchDir scratch("fifo");
  const std::string fifo = scratch.fifo("model/fifo.bin");
  const std::string model = scratch.write("model/m.gltf", gltfWithUri("fifo.bin"));
  Result<Scene> scene = loadWithin20s(model, [&] { openForWriting(fifo); });
  REQUIRE_FALSE(scene);
  CHECK(contains(scene.error(), "m.gltf: buffers[0].uri \"fifo.bin\": is not a regular file (a FIFO)"));

  // The model itself as a FIFO, through the loaders' own entry points (loadModel checks it first).
  const std::string modelFifo = scratch.fifo("model/pipe.gltf");
  std::future<Result<Scene>> direct = std::async(std::launch::async, [&] { return loadGltf(modelFifo); });
  if (direct.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
    openForWriting(modelFifo);
    FAIL_CHECK("loadGltf blocked on a FIFO");
  }
  Result<Scene> pipe = direct.get();
  REQUIRE_FALSE(pipe);
  CHECK(contains(pipe.error(), "pipe.gltf: not a regular file (a FIFO)"));
}

TEST_CASE("glTF buffer reached through a link that leads out of the folder is refused", "[loader][files]") {
  const ScratchDir scratch("link");
  scratch.write("secret.bin", triangleBuffer());
  fs::create_directories(scratch.dir / "model");
  fs::create_symlink(scratch.dir / "secret.bin", scratch.dir / "model" / "link.bin");
  Result<Scene> scene = loadModel(scratch.write("model/m.gltf", gltfWithUri("link.bin")));
  REQUIRE_FALSE(scene);
  CHECK(contains(scene.error(), "m.gltf: buffers[0].uri \"link.bin\": leaves the model's folder"));
  // A link that stays inside is followed.
  scratch.write("model/real/triangle.bin", triangleBuffer());
  fs::create_symlink(scratch.dir / "model" / "real" / "triangle.bin", scratch.dir / "model" / "inside.bin");
  Result<Scene> inside = loadModel(scratch.write("model/ok.gltf", gltfWithUri("inside.bin")));
  REQUIRE(inside);
  CHECK(inside->triangleCount() == 1);
}

TEST_CASE("glTF side files count against the file-size limit", "[loader][files]") {
  const ScratchDir scratch("side-limit");
  scratch.write("model/triangle.bin", triangleBuffer());
  const std::string model = scratch.write("model/m.gltf", gltfWithUri("triangle.bin"));
  LoadLimits limits;
  limits.maxFileBytes = fs::file_size(model) + triangleBuffer().size();
  REQUIRE(loadModel(model, limits));
  limits.maxFileBytes -= 1;
  Result<Scene> scene = loadModel(model, limits);
  REQUIRE_FALSE(scene);
  CHECK(contains(scene.error(),
                 "m.gltf: buffers[0].uri \"triangle.bin\": is 44 bytes, more than the 43 bytes"));
  // Each file fits alone, the two together do not: the second read is refused.
  nlohmann::json doc = nlohmann::json::parse(gltfWithUri("triangle.bin"));
  doc["buffers"].push_back({{"byteLength", 44}, {"uri", "copy.bin"}});
  scratch.write("model/copy.bin", triangleBuffer());
  const std::string two = scratch.write("model/two.gltf", doc.dump());
  limits.maxFileBytes = fs::file_size(two) + 60;
  Result<Scene> both = loadModel(two, limits);
  REQUIRE_FALSE(both);
  CHECK(contains(both.error(),
                 "two.gltf: file \"copy.bin\": is 44 bytes, more than the 16 bytes the limit leaves"));
}

// Before: Assimp opened model/../secret.mtl (and, failing that, probed variants of the name).
TEST_CASE("OBJ material library outside the model's folder is refused", "[loader][files]") {
  const ScratchDir scratch("mtllib");
  scratch.write("secret.mtl", "newmtl red\nKd 1 0 0\n");
  const std::string geometry = "usemtl red\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";
  for (const std::string name : {"../secret.mtl", "../../x.mtl", "/etc/passwd"}) {
    INFO(name);
    Result<Scene> scene = loadModel(scratch.write("model/t.obj", "mtllib " + name + "\n" + geometry));
    REQUIRE_FALSE(scene);
    CHECK(contains(scene.error(), "t.obj: line 1: mtllib \"" + name + "\": "));
  }
  // The same library beside the model gives its colour; a missing one only loses the colour.
  scratch.write("model/red.mtl", "newmtl red\nKd 1 0 0\n");
  Result<Scene> beside = loadModel(scratch.write("model/t.obj", "mtllib red.mtl\n" + geometry));
  REQUIRE(beside);
  bool red = false;
  for (const Structure &s : beside->structures())
    for (const MeshData &m : s.meshes)
      red = red || (m.color.r == Approx(1.0f) && m.color.g == Approx(0.0f));
  CHECK(red);
  Result<Scene> missing = loadModel(scratch.write("model/t.obj", "mtllib gone.mtl\n" + geometry));
  REQUIRE(missing);
  CHECK(missing->triangleCount() == 1);
}

// Before: Assimp's fopen of the FIFO never returned.
TEST_CASE("OBJ material library that is a FIFO is refused without blocking", "[loader][files]") {
  const ScratchDir scratch("mtl-fifo");
  const std::string fifo = scratch.fifo("x.mtl");
  const std::string model = scratch.write("t.obj", "mtllib x.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
  Result<Scene> scene = loadWithin20s(model, [&] { openForWriting(fifo); });
  REQUIRE_FALSE(scene);
  CHECK(contains(scene.error(), "t.obj: line 1: mtllib \"x.mtl\": is not a regular file (a FIFO)"));
}

// ---- item 2: the formats Assimp is used for -----------------------------------------------------

// Before: every format Assimp knows was offered; ASE and COLLADA crashed the process on small files
// (see test_fuzz_regressions.cpp), OFF and NFF allocated gigabytes.
TEST_CASE("formats outside the allow-list are refused by extension", "[loader][formats]") {
  const ScratchDir scratch("formats");
  const std::map<std::string, std::string> files = {
      {"big.off", "OFF\n3 1000000000 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"}, // 10 GB asked for
      {"tess.nff", "tess 10\ns 0 0 0 1\n"},                               // 3.7 GB asked for
      {"model.dae", "<?xml version=\"1.0\"?><COLLADA/>"},
      {"model.fbx", "Kaydara FBX Binary"},
      {"model", "v 0 0 0\n"}};
  for (const auto &[name, bytes] : files) {
    INFO(name);
    Result<Scene> scene = loadModel(scratch.write(name, bytes));
    REQUIRE_FALSE(scene);
    CHECK(contains(scene.error(), name + ": "));
    CHECK(contains(scene.error(), "cannot be read; the viewer reads .gltf, .glb, .obj, .stl and .ply"));
  }
  for (const char *hint : {"off", "nff", "dae", "ase", "fbx", "3ds", ""}) {
    INFO(hint);
    const std::string bytes = "OFF\n3 1000000000 0\n";
    Result<Scene> scene = loadModelFromMemory(reinterpret_cast<const unsigned char *>(bytes.data()),
                                              bytes.size(), hint, "memory");
    REQUIRE_FALSE(scene);
    CHECK(contains(scene.error(), "cannot be read; the viewer reads"));
  }
}

// Content decides nothing: the one importer of the extension reads it, and OBJ text that is really
// another format is refused by name.
TEST_CASE("a .obj whose content is COLLADA, ASE or binary is refused as not OBJ", "[loader][formats]") {
  const ScratchDir scratch("content");
  const std::map<std::string, std::string> files = {
      {"collada.obj", "<?xml version=\"1.0\"?>\n<COLLADA><library_nodes><node id=\"n\"><instance_node "
                      "url=\"#n\"/></node></library_nodes></COLLADA>\n"},
      {"ase.obj", "*3DSMAX_ASCIIEXPORT 200\n*GEOMOBJECT {\n}\n"},
      {"binary.obj", std::string("v 0 0 0\0\x01\x02", 10)}};
  for (const auto &[name, bytes] : files) {
    INFO(name);
    Result<Scene> scene = loadModel(scratch.write(name, bytes));
    REQUIRE_FALSE(scene);
    CHECK(contains(scene.error(), name + ": byte "));
    CHECK(contains(scene.error(), "this is not OBJ text"));
  }
}

// ---- item 4: budgets of the expanded scene --------------------------------------------------------

namespace {
// makeGltfJson's triangle mesh used by `nodes` nodes.
std::string sharedTriangle(int nodes) {
  nlohmann::json doc = nlohmann::json::parse(test::makeGltfJson({}));
  doc["nodes"] = nlohmann::json::array();
  doc["scenes"][0]["nodes"] = nlohmann::json::array();
  for (int i = 0; i < nodes; ++i) {
    doc["nodes"].push_back({{"name", "n" + std::to_string(i)}, {"mesh", 0}});
    doc["scenes"][0]["nodes"].push_back(i);
  }
  return doc.dump();
}
} // namespace

// Before: the budget counted vertices only, so index data was free, and a mesh used by many nodes
// was copied for each: a 1 MB GLB (a million 8-bit indices, 250 nodes) built 83 million triangles
// and took 1 GB.
TEST_CASE("a mesh used by many nodes counts against the budgets once per node", "[loader][limits]") {
  const ScratchDir scratch("instancing");
  const std::string model = scratch.write("shared.gltf", sharedTriangle(5));
  LoadLimits limits;
  limits.maxTotalTriangles = 5;
  Result<Scene> fits = loadModel(model, limits);
  REQUIRE(fits);
  CHECK(fits->triangleCount() == 5);
  limits.maxTotalTriangles = 4;
  Result<Scene> triangles = loadModel(model, limits);
  REQUIRE_FALSE(triangles);
  CHECK(contains(triangles.error(),
                 "shared.gltf: meshes[0].primitives[0]: more than the limit of 4 triangles "
                 "after instancing"));
  limits = LoadLimits{};
  limits.maxTotalVertices = 14;
  Result<Scene> vertices = loadModel(model, limits);
  REQUIRE_FALSE(vertices);
  CHECK(contains(vertices.error(), "more than the limit of 14 vertices after instancing"));
}

TEST_CASE("index data counts against the triangle budget", "[loader][limits]") {
  // Three vertices, 300 triangles of indices.
  test::GltfJsonOptions options;
  options.indices.clear();
  for (int i = 0; i < 300; ++i)
    options.indices.insert(options.indices.end(), {0, 1, 2});
  const ScratchDir scratch("indices");
  const std::string model = scratch.write("many_indices.gltf", test::makeGltfJson(options));
  LoadLimits limits;
  limits.maxTotalTriangles = 299;
  Result<Scene> scene = loadModel(model, limits);
  REQUIRE_FALSE(scene);
  CHECK(contains(scene.error(),
                 "many_indices.gltf: meshes[0].primitives[0]: more than the limit of 299 triangles"));
  limits.maxTotalTriangles = 300;
  REQUIRE(loadModel(model, limits));
}

TEST_CASE("node count and name bytes have limits", "[loader][limits]") {
  const ScratchDir scratch("nodes");
  const std::string model = scratch.write("nodes.gltf", sharedTriangle(11));
  LoadLimits limits;
  limits.maxNodes = 10;
  Result<Scene> nodes = loadModel(model, limits);
  REQUIRE_FALSE(nodes);
  CHECK(contains(nodes.error(), "nodes.gltf: the file has 11 nodes, more than the limit of 10"));
  limits = LoadLimits{};
  limits.maxNameBytes = 20; // "n0" .. "n9" are 20 bytes, "n10" passes it
  Result<Scene> names = loadModel(model, limits);
  REQUIRE_FALSE(names);
  CHECK(contains(names.error(),
                 "nodes.gltf: nodes[10]: the names of the nodes add up to more than the limit of 20"));
  // The defaults are bounded.
  const LoadLimits defaults;
  CHECK(defaults.maxTotalTriangles == 20'000'000);
  CHECK(defaults.maxNodes == 100'000);
}

// Before: uniqueStructureId tried _2, _3, ... from the start for every repeat: 30,000 nodes named
// alike took 114 s to load (sanitizer build); now a counter per name makes it linear.
TEST_CASE("30,000 nodes with the same name load in linear time with unique ids", "[loader][limits]") {
  nlohmann::json doc = nlohmann::json::parse(test::makeGltfJson({}));
  doc["nodes"] = nlohmann::json::array();
  doc["scenes"][0]["nodes"] = nlohmann::json::array();
  for (int i = 0; i < 30000; ++i) {
    doc["nodes"].push_back(i == 0 ? nlohmann::json{{"name", "part"}, {"mesh", 0}}
                                  : nlohmann::json{{"name", "part"}});
    doc["scenes"][0]["nodes"].push_back(i);
  }
  doc["nodes"][1]["name"] = "part_3"; // an existing name the suffixes must step over
  const ScratchDir scratch("same-names");
  const std::string model = scratch.write("same.gltf", doc.dump());
  const auto start = std::chrono::steady_clock::now();
  Result<Scene> scene = loadModel(model);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(scene);
  CHECK(seconds < 10.0);
  REQUIRE(scene->structures().size() == 30000);
  CHECK(scene->structures()[0].id == "part");
  CHECK(scene->structures()[1].id == "part_3");
  CHECK(scene->structures()[2].id == "part_2");
  CHECK(scene->structures()[3].id == "part_4");
  CHECK(scene->structures().back().id == "part_30000"); // 29,998 repeats, stepping over "part_3"
}

// Before: Assimp's PLY reader allocated every declared element first: "element vertex 1000000000" in
// 189 bytes ran the process out of memory.
TEST_CASE("PLY element counts are checked against the file size and the limits", "[loader][limits]") {
  const std::string header =
      "ply\nformat ascii 1.0\nelement vertex VERTICES\nproperty float x\nproperty float "
      "y\nproperty float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n";
  const std::string body = "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n";
  const auto ply = [&](const std::string &vertices) {
    std::string text = header;
    text.replace(text.find("VERTICES"), 8, vertices);
    return text + body;
  };
  const ScratchDir scratch("ply-counts");
  Result<Scene> huge = loadModel(scratch.write("huge.ply", ply("1000000000")));
  REQUIRE_FALSE(huge);
  CHECK(contains(huge.error(),
                 "huge.ply: PLY header line 3: element 'vertex' declares 1000000000 items, which "
                 "need at least 6 bytes each, but only 26 bytes follow the header"));
  REQUIRE(loadModel(scratch.write("fits.ply", ply("3"))));
  LoadLimits limits;
  limits.maxTotalVertices = 2;
  Result<Scene> limited = loadModel(scratch.write("limited.ply", ply("3")), limits);
  REQUIRE_FALSE(limited);
  CHECK(contains(limited.error(), "element 'vertex' declares 3 items, more than the limit of 2 vertices"));
  Result<Scene> empty = loadModel(scratch.write(
      "empty.ply", "ply\nformat binary_little_endian 1.0\nelement thing 1000000000\nend_header\n"));
  REQUIRE_FALSE(empty);
  CHECK(contains(empty.error(), "element 'thing' declares 1000000000 items but has no properties"));
}

TEST_CASE("binary STL triangle counts are checked against the file size and the limits", "[loader][limits]") {
  const auto stl = [](std::uint32_t declared, std::size_t triangles) {
    std::string out(80, ' ');
    out.append(reinterpret_cast<const char *>(&declared), 4);
    for (std::size_t t = 0; t < triangles; ++t) {
      const float facet[12] = {0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0};
      out.append(reinterpret_cast<const char *>(facet), sizeof facet);
      out.append(2, '\0');
    }
    return out;
  };
  const ScratchDir scratch("stl-counts");
  // 85,899,346 x 50 wraps to 4 in 32 bits: Assimp's size test takes this 88-byte file as binary.
  Result<Scene> wrapped = loadModel(scratch.write("wrapped.stl", stl(85899346u, 0) + std::string(4, '\0')));
  REQUIRE_FALSE(wrapped);
  CHECK(contains(wrapped.error(), "wrapped.stl: byte 80: binary STL header declares 85899346 triangles"));
  REQUIRE(loadModel(scratch.write("two.stl", stl(2, 2))));
  LoadLimits limits;
  limits.maxTotalTriangles = 1;
  Result<Scene> limited = loadModel(scratch.write("two.stl", stl(2, 2)), limits);
  REQUIRE_FALSE(limited);
  CHECK(contains(limited.error(), "two.stl: byte 80: binary STL with 2 triangles, more than the limit of 1"));
}

// ---- item 7: extensions a file requires -----------------------------------------------------------

// Before: a file that requires Draco compression (or anything else) was read as if it did not.
TEST_CASE("glTF that requires an extension is refused, naming it", "[loader][errors]") {
  const ScratchDir scratch("extensions");
  for (const std::string name : {"KHR_draco_mesh_compression", "EXT_made_up"}) {
    INFO(name);
    nlohmann::json doc = nlohmann::json::parse(test::makeGltfJson({}));
    doc["extensionsUsed"] = {name};
    doc["extensionsRequired"] = {name};
    Result<Scene> scene = loadModel(scratch.write("required.gltf", doc.dump()));
    REQUIRE_FALSE(scene);
    CHECK(contains(scene.error(), "required.gltf: extensionsRequired[0]: the file requires the extension '" +
                                      name + "', which this viewer does not support"));
    doc.erase("extensionsRequired"); // only used: optional, ignored
    CHECK(loadModel(scratch.write("used.gltf", doc.dump())));
  }
}

// Coordinates of 1e25 are finite, so they passed the NaN check; the camera then squared them in single
// precision, became NaN, and the image was blank while the run exited 0.
TEST_CASE("vertices too far from the origin for the camera's arithmetic are refused", "[loader][limits]") {
  const std::string far = "v 0 0 0\nv 1e25 0 0\nv 0 1 0\nf 1 2 3\n";
  Result<Scene> refused =
      loadModelFromMemory(reinterpret_cast<const unsigned char *>(far.data()), far.size(), "obj", "far.obj");
  REQUIRE_FALSE(refused);
  CHECK(contains(refused.error(), "far.obj: structure"));
  CHECK(contains(refused.error(), "vertex 1 lies"));
  CHECK(contains(refused.error(), "more than the limit of 1e9"));

  // A model in millimetres of a whole body is far inside the limit and loads.
  const std::string millimetres = "v 0 0 0\nv 1800 0 0\nv 0 1800 0\nf 1 2 3\n";
  CHECK(loadModelFromMemory(reinterpret_cast<const unsigned char *>(millimetres.data()), millimetres.size(),
                            "obj", "mm.obj"));
}
