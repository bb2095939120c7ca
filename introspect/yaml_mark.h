// Positions in a YAML text and the errors that name them ("file:line:column: message").
#ifndef SCHEMADIFF_INTROSPECT_YAML_MARK_H_
#define SCHEMADIFF_INTROSPECT_YAML_MARK_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace schemadiff::yaml {

// A 0-based line and column in a YAML text; the default Mark has no position.
struct Mark {
  int line = -1;
  int column = -1;

  bool is_null() const { return line < 0; }
};

// Formats errors with the file name and a 1-based line and column.
class ErrorSink {
 public:
  explicit ErrorSink(std::string filename) : filename_(std::move(filename)) {}

  // InvalidArgument "file:line:column: message" ("file: message" without a position), on one
  // line whatever the message quotes.
  absl::Status At(const Mark& mark, std::string_view message) const;

 private:
  std::string filename_;
};

}  // namespace schemadiff::yaml

#endif  // SCHEMADIFF_INTROSPECT_YAML_MARK_H_
