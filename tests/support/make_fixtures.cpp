// atlas-make-fixtures DIR: writes the test fixtures (see fixtures.h) for the tests that run the
// real binary, and for people who want to see what the loaders reject.
#include "support/fixtures.h"

#include <cstdio>
#include <exception>

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: atlas-make-fixtures DIR\n");
    return 2;
  }
  try {
    const auto files = atlas::test::writeFixtures(argv[1]);
    std::printf("wrote %zu fixtures to %s\n", files.size(), argv[1]);
    return 0;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "atlas-make-fixtures: error: %s\n", e.what());
    return 1;
  }
}
