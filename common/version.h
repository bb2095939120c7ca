#ifndef SCHEMADIFF_COMMON_VERSION_H_
#define SCHEMADIFF_COMMON_VERSION_H_

#include <string_view>

namespace schemadiff {

// The release version, as printed by `schemadiff --version`.
std::string_view Version();

}  // namespace schemadiff

#endif  // SCHEMADIFF_COMMON_VERSION_H_
