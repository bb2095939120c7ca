#include "introspect/mysql_introspector.h"

#include <utility>

#include "common/status_macros.h"
#include "introspect/mysql_catalog_builder.h"
#include "introspect/mysql_reader.h"

namespace schemadiff {

absl::StatusOr<Catalog> IntrospectMysql(const DatabaseUrl& url) {
  ASSIGN_OR_RETURN(MysqlCatalogRows rows, ReadMysqlCatalogRows(url));
  return BuildMysqlCatalog(std::move(rows));
}

}  // namespace schemadiff
