#include "common/version.h"

namespace schemadiff {

std::string_view Version() { return SCHEMADIFF_VERSION; }

}  // namespace schemadiff
