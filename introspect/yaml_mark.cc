#include "introspect/yaml_mark.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "common/strings.h"

namespace schemadiff::yaml {

absl::Status ErrorSink::At(const Mark& mark, std::string_view message) const {
  const std::string line =
      absl::StrReplaceAll(Absl(message), {{"\n", "\\n"}, {"\r", "\\r"}, {"\t", "\\t"}});
  if (mark.is_null()) return absl::InvalidArgumentError(absl::StrCat(filename_, ": ", line));
  return absl::InvalidArgumentError(
      absl::StrCat(filename_, ":", mark.line + 1, ":", mark.column + 1, ": ", line));
}

}  // namespace schemadiff::yaml
