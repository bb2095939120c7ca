#include "catalog/dialect.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "catalog/dialect_mysql.h"
#include "catalog/dialect_postgres.h"
#include "catalog/dialect_sqlite.h"
#include "common/strings.h"

namespace schemadiff {

absl::StatusOr<const Dialect*> DialectByName(std::string_view name) {
  const std::string lower = absl::AsciiStrToLower(Absl(name));
  if (lower == "sqlite" || lower == "sqlite3") return &SqliteDialect();
  if (lower == "mysql" || lower == "mariadb") return &MysqlDialect();
  if (lower == "postgresql" || lower == "postgres") return &PostgresDialect();
  return absl::InvalidArgumentError(
      absl::StrCat("unknown dialect '", Absl(name), "' (expected sqlite, postgresql or mysql)"));
}

}  // namespace schemadiff
