// Joins the information_schema rows of a MySQL / MariaDB database into a catalog, on the client.
#ifndef SCHEMADIFF_INTROSPECT_MYSQL_CATALOG_BUILDER_H_
#define SCHEMADIFF_INTROSPECT_MYSQL_CATALOG_BUILDER_H_

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "introspect/mysql_rows.h"

namespace schemadiff {

// The catalog `rows` describe, normalized for the MySQL dialect. Folds what the server reports
// apart back into what was declared: MariaDB's LONGTEXT + json_valid CHECK is JSON; the index
// InnoDB made for a foreign key is not listed; unique indexes are unique constraints; column
// charsets and collations are kept only where they differ from the table's, and table options
// only where they differ from the database's defaults.
// Takes the rows by value and moves their strings into the catalog.
absl::StatusOr<Catalog> BuildMysqlCatalog(MysqlCatalogRows rows);

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_MYSQL_CATALOG_BUILDER_H_
