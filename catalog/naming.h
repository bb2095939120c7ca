// Alembic/SQLAlchemy naming conventions.
#ifndef SCHEMADIFF_CATALOG_NAMING_H_
#define SCHEMADIFF_CATALOG_NAMING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "catalog/catalog.h"

namespace schemadiff {

// What a conventional name is computed for.
struct NamingSubject {
  std::string kind;  // "ix", "uq", "ck", "fk" or "pk"
  const Table* table = nullptr;
  std::vector<std::string> columns;           // constrained / indexed columns, in order
  std::string constraint_name;                // for %(constraint_name)s (explicit check names)
  std::string referred_table;                 // for fk
  std::vector<std::string> referred_columns;  // for fk: %(referred_column_0_name)s and friends
};

// SQLAlchemy's default convention: {"ix": "ix_%(column_0_label)s"}.
NamingConvention DefaultNamingConvention();

// The name SQLAlchemy gives `subject` under `convention`, truncated to `max_length` the way
// SQLAlchemy truncates conventional names; nullopt when the convention has no template for the
// kind. An error for unknown tokens or tokens the subject cannot fill.
absl::StatusOr<std::optional<std::string>> ConventionalName(const NamingConvention& convention,
                                                            const NamingSubject& subject,
                                                            int max_length);

// Checks the syntax of one template: every %(token)s names a token SQLAlchemy knows (see
// ConventionalName) and every other % is "%%". The error names the offending token.
absl::Status ValidateNamingTemplate(std::string_view naming_template);

// True when the convention's template for `kind` uses %(constraint_name)s. SQLAlchemy then
// applies the convention to explicitly named constraints too, filling the token with the name.
bool ConventionUsesConstraintName(const NamingConvention& convention, std::string_view kind);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_NAMING_H_
