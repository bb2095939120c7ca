// What generate, check and diff share: the --from/--to/--dialect/--schema options, resolving
// the dialect, loading both sides and diffing them.
#ifndef SCHEMADIFF_CLI_COMPARISON_H_
#define SCHEMADIFF_CLI_COMPARISON_H_

#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/plan.h"
#include "introspect/source.h"

namespace schemadiff {

// The command-line options naming the two sides of a comparison.
struct ComparisonFlags {
  std::string from;
  std::string to;
  std::string dialect;  // --dialect, "" when not given
  LoadOptions load;     // --schema (repeatable), --version-table
};

// Registers --schema, --version-table and --exclude-table on `command`: how sources are read.
void AddLoadOptions(CLI::App* command, LoadOptions* options);

// Registers --from, --to, --dialect and the AddLoadOptions options on `command`. --from is left
// optional when `from_optional` (generate can take it from alembic.ini).
void AddComparisonOptions(CLI::App* command, ComparisonFlags* flags, bool from_optional);

// A source with the label it has in messages ("--from", "--to", "SRC").
struct LabeledSource {
  std::string label;
  Source source;
};

// The dialect of a comparison: the one the URL sides name (an error when they disagree), else
// `flag`, else the `dialect:` key of the YAML sides (which must agree); an error when nothing
// names one or when `flag` contradicts a URL. YAML files are read only in the last case: the
// loader checks their `dialect:` key against the dialect otherwise.
absl::StatusOr<const Dialect*> ResolveDialect(const std::vector<LabeledSource>& sources,
                                              const std::string& flag);

// Parses `text` as the source labeled `label`; errors name the label.
absl::StatusOr<LabeledSource> ParseLabeledSource(const std::string& label, const std::string& text);

// Loads a source for `dialect`; errors name the label.
absl::StatusOr<Catalog> LoadLabeledSource(const LabeledSource& source, const Dialect& dialect,
                                          const LoadOptions& options);

// Both sides loaded and diffed.
struct Comparison {
  const Dialect* dialect = nullptr;
  Catalog from;
  Catalog to;
  Plan plan;  // from -> to
};

// Resolves the dialect, loads both sides and diffs them.
absl::StatusOr<Comparison> Compare(const ComparisonFlags& flags);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CLI_COMPARISON_H_
