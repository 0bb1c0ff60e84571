// scalene-modelgen: builds assets/cervical_region.glb from the description in assets/model/.
//   scalene-modelgen --spec assets/model --out assets/cervical_region.glb
#include "io/gltf_writer.h"
#include "modelgen/contact_check.h"
#include "modelgen/model.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

int main(int argc, char **argv) {
  CLI::App app{"Scalene Atlas model generator"};
  std::string specDir = "assets/model";
  std::string out = "assets/cervical_region.glb";
  app.add_option("--spec", specDir, "directory with the JSON model description");
  app.add_option("--out", out, "output .glb");
  bool stats = false;
  app.add_flag("--stats", stats, "print triangles and bounds per structure");
  CLI11_PARSE(app, argc, argv);
  try {
    const auto start = std::chrono::steady_clock::now();
    atlas::Result<atlas::modelgen::GeneratedModel> model = atlas::modelgen::generateModel(specDir);
    if (!model) {
      std::cerr << "scalene-modelgen: " << model.error() << "\n";
      return 1;
    }
    atlas::Result<void> written = atlas::writeGltf(model->scene, out, atlas::modelgen::writeOptions());
    if (!written) {
      std::cerr << "scalene-modelgen: " << written.error() << "\n";
      return 1;
    }
    if (stats)
      for (const atlas::Structure &s : model->scene.structures()) {
        const atlas::Bounds b = s.bounds();
        std::cout << s.id << " " << s.triangleCount() << " tris, size mm " << b.size().x * 1000 << " x "
                  << b.size().y * 1000 << " x " << b.size().z * 1000 << "\n";
      }
    if (stats) // structures that run into one another (issues 11 and 12: at most 0.5 mm)
      for (const atlas::modelgen::Penetration &p :
           atlas::modelgen::penetrations(model->scene, 0.5f, atlas::modelgen::ContactScope::Everything))
        std::cout << "contact: " << atlas::modelgen::describe(p) << "\n";
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "wrote " << out << ": " << model->scene.structures().size() << " structures, "
              << model->scene.triangleCount() << " triangles in " << seconds << " s\n";
  } catch (const std::exception &e) {
    std::cerr << "scalene-modelgen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
