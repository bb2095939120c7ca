// Where command output goes: stdout, or a file written atomically.
#ifndef SCHEMADIFF_CLI_OUTPUT_H_
#define SCHEMADIFF_CLI_OUTPUT_H_

#include <string>

#include "absl/status/status.h"

namespace schemadiff {

// Writes `text` to stdout when `path` is empty or "-". Otherwise writes it to a temporary file
// next to `path` (next to its target when it is a symbolic link) and renames it over that file
// once complete, so that `path` never holds a partial file; a replaced file keeps its
// permissions, and the temporary file is removed on failure. A `path` that is neither a
// regular file nor missing (/dev/null, a FIFO) is written in place.
absl::Status WriteOutput(const std::string& path, const std::string& text);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CLI_OUTPUT_H_
