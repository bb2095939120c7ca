// Reads a PostgreSQL database into the catalog model.
#ifndef SCHEMADIFF_INTROSPECT_POSTGRES_INTROSPECTOR_H_
#define SCHEMADIFF_INTROSPECT_POSTGRES_INTROSPECTOR_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "introspect/source.h"

namespace schemadiff {

// Introspects the schemas `schemas` (empty: public) of the database at `url`, in one read-only
// transaction with a statement timeout and a fixed number of catalog queries. Tables of
// `public` get the schema "" (the default schema), other schemas keep their names. A schema
// that does not exist is empty (a migration may be about to create it). The result is
// normalized for the PostgreSQL dialect.
absl::StatusOr<Catalog> IntrospectPostgres(const DatabaseUrl& url,
                                           const std::vector<std::string>& schemas);

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_POSTGRES_INTROSPECTOR_H_
