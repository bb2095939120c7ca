// Resolves a SRC/DST argument (database URL or YAML path) into a catalog.
#ifndef SCHEMADIFF_INTROSPECT_SOURCE_H_
#define SCHEMADIFF_INTROSPECT_SOURCE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"

namespace schemadiff {

// A parsed database URL in SQLAlchemy's conventions.
struct DatabaseUrl {
  std::string dialect;  // "sqlite", "postgresql" or "mysql" (driver suffix dropped)
  std::string user;
  std::string password;
  std::string host;
  int port = 0;          // 0: the dialect's default
  std::string database;  // database name, or the file path for sqlite
  std::vector<std::pair<std::string, std::string>> query;  // ?key=value parameters
};

// A SRC/DST argument: a database URL or a YAML file.
struct Source {
  std::string text;  // as given
  bool is_url = false;
  DatabaseUrl url;  // when is_url
};

// Classifies and parses `text`: "scheme://..." is a URL (an error for unknown schemes or
// malformed URLs), anything else a YAML path.
absl::StatusOr<Source> ParseSource(const std::string& text);

// Options that apply when reading a source.
struct LoadOptions {
  std::vector<std::string> schemas;  // PostgreSQL schemas to read; empty: public
  // Alembic's bookkeeping table (in the default schema), left out of database catalogs as
  // Alembic's autogenerate leaves it out; empty: keep every table.
  std::string version_table = "alembic_version";
  // Tables left out of every source, as shell patterns (fnmatch) on the table name, or on
  // "schema.name" (PostgreSQL) when the pattern has a dot: tables the application does not own
  // (PostGIS's spatial_ref_sys, an ETL's staging_*).
  std::vector<std::string> exclude_tables;
};

// Reads the source into a catalog normalized for `dialect`.
absl::StatusOr<Catalog> LoadSource(const Source& source, const Dialect& dialect,
                                   const LoadOptions& options);

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_SOURCE_H_
