// Where command output goes: stdout, or a file written atomically.
#ifndef SCHEMADIFF_CLI_OUTPUT_H_
#define SCHEMADIFF_CLI_OUTPUT_H_

#include <string>

#include "absl/status/status.h"

namespace schemadiff {

// Writes `text` to stdout when `path` is empty or "-". Otherwise writes it to a temporary file
// next to `path` and renames it over `path` once complete, so that `path` never holds a
// partial file; the temporary file is removed on failure.
absl::Status WriteOutput(const std::string& path, const std::string& text);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CLI_OUTPUT_H_
