#include "cli/app.h"

#include <iostream>
#include <string_view>

#include "common/version.h"

namespace schemadiff {

int RunCli(int argc, char** argv) {
  if (argc == 2 && std::string_view(argv[1]) == "--version") {
    std::cout << "schemadiff " << Version() << "\n";
    return 0;
  }
  std::cerr << "schemadiff: no command given (try --help)\n";
  return 2;
}

}  // namespace schemadiff
