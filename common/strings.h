// Bridges std::string_view and Debian's Abseil, whose absl::string_view is its own type (built
// with ABSL_OPTION_USE_STD_STRING_VIEW=0), so absl::StrCat and friends do not take
// std::string_view directly.
#ifndef SCHEMADIFF_COMMON_STRINGS_H_
#define SCHEMADIFF_COMMON_STRINGS_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace schemadiff {

// `text` as an absl::string_view (no copy).
inline absl::string_view Absl(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

// `text` as a std::string_view (no copy).
inline std::string_view Std(absl::string_view text) {
  return std::string_view(text.data(), text.size());
}

}  // namespace schemadiff

#endif  // SCHEMADIFF_COMMON_STRINGS_H_
