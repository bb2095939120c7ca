#include "render/postgres_ddl.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/dialect_postgres.h"
#include "catalog/postgres_lexer.h"
#include "common/strings.h"
#include "diff/overloaded.h"

namespace schemadiff {
namespace {

std::string Q(std::string_view name) { return QuotePostgresIdentifier(name); }

std::string QuotedList(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const std::string& n : names) quoted.push_back(Q(n));
  return absl::StrJoin(quoted, ", ");
}

std::string Named(const std::string& name) {
  return name.empty() ? "" : absl::StrCat("CONSTRAINT ", Q(name), " ");
}

std::string Deferrable(bool deferrable, bool initially_deferred) {
  if (!deferrable) return "";
  return initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
}

std::string SerialType(const DataType& type) {
  switch (type.kind) {
    case TypeKind::kSmallInt:
    case TypeKind::kTinyInt:
      return "smallserial";
    case TypeKind::kInteger:
    case TypeKind::kMediumInt:
      return "serial";
    case TypeKind::kBigInt:
      return "bigserial";
    default:
      return "";
  }
}

}  // namespace

std::string PgName(std::string_view schema, std::string_view name) {
  return schema.empty() ? Q(name) : absl::StrCat(Q(schema), ".", Q(name));
}

std::pair<std::string, std::string> PgEnumKey(const DataType& enum_type,
                                              const std::string& table_schema,
                                              const Catalog& catalog) {
  const std::string& full = enum_type.enum_name;
  const size_t dot = full.find('.');
  if (dot != std::string::npos && FindEnum(catalog, "", full) == nullptr) {
    std::string schema = full.substr(0, dot);
    if (schema == PostgresDialect().DefaultSchemaName()) schema.clear();
    return {schema, full.substr(dot + 1)};
  }
  if (!table_schema.empty() && FindEnum(catalog, table_schema, full) != nullptr) {
    return {table_schema, full};
  }
  return {"", full};
}

std::string PgTypeSql(const DataType& type, const std::string& table_schema,
                      const Catalog& catalog) {
  const bool array = type.kind == TypeKind::kArray && !type.element.empty();
  const DataType& scalar = array ? type.element[0] : type;
  if (scalar.kind != TypeKind::kEnum || scalar.enum_name.empty()) {
    return PostgresDialect().RenderType(type);
  }
  const auto [schema, name] = PgEnumKey(scalar, table_schema, catalog);
  return absl::StrCat(PgName(schema, name), array ? "[]" : "");
}

std::string PgIdentityOptions(const Identity& identity) {
  std::vector<std::string> options;
  if (identity.start) options.push_back(absl::StrCat("START WITH ", *identity.start));
  if (identity.increment) options.push_back(absl::StrCat("INCREMENT BY ", *identity.increment));
  return options.empty() ? "" : absl::StrCat(" (", absl::StrJoin(options, " "), ")");
}

std::string PgColumnDefinition(const Column& column, const std::string& table_schema,
                               const Catalog& catalog) {
  const Dialect& dialect = PostgresDialect();
  const std::string serial = column.autoincrement ? SerialType(column.type) : "";
  std::string sql = absl::StrCat(
      Q(column.name), " ", serial.empty() ? PgTypeSql(column.type, table_schema, catalog) : serial);
  if (!column.collation.empty()) absl::StrAppend(&sql, " COLLATE ", Q(column.collation));
  if (column.generated) {
    absl::StrAppend(&sql, " GENERATED ALWAYS AS (", column.generated->expression, ") STORED");
  } else if (column.identity) {
    absl::StrAppend(&sql, " GENERATED ", column.identity->always ? "ALWAYS" : "BY DEFAULT",
                    " AS IDENTITY", PgIdentityOptions(*column.identity));
  } else if (column.server_default && serial.empty()) {
    absl::StrAppend(&sql, " DEFAULT ", dialect.RenderDefault(*column.server_default, column.type));
  }
  if (!column.nullable) absl::StrAppend(&sql, " NOT NULL");
  return sql;
}

std::string PgConstraintDefinition(const Constraint& constraint, const std::string& table_schema) {
  return std::visit(
      Overloaded{
          [](const PrimaryKey& pk) {
            return absl::StrCat(Named(pk.name), "PRIMARY KEY (", QuotedList(pk.columns), ")");
          },
          [](const UniqueConstraint& uq) {
            return absl::StrCat(
                Named(uq.name), "UNIQUE", uq.nulls_not_distinct ? " NULLS NOT DISTINCT" : "", " (",
                QuotedList(uq.columns), ")", Deferrable(uq.deferrable, uq.initially_deferred));
          },
          [&table_schema](const ForeignKey& fk) {
            const std::string& referred_schema =
                ReferredSchema(PostgresDialect(), table_schema, fk);
            std::string sql =
                absl::StrCat(Named(fk.name), "FOREIGN KEY (", QuotedList(fk.columns),
                             ") REFERENCES ", PgName(referred_schema, fk.referred_table), " (",
                             QuotedList(fk.referred_columns), ")");
            if (!fk.match.empty()) absl::StrAppend(&sql, " MATCH ", fk.match);
            if (!fk.on_delete.empty()) absl::StrAppend(&sql, " ON DELETE ", fk.on_delete);
            if (!fk.on_update.empty()) absl::StrAppend(&sql, " ON UPDATE ", fk.on_update);
            absl::StrAppend(&sql, Deferrable(fk.deferrable, fk.initially_deferred));
            return sql;
          },
          [](const CheckConstraint& ck) {
            return absl::StrCat(Named(ck.name), "CHECK (", ck.expression, ")");
          },
      },
      constraint);
}

std::string PgCreateIndex(const Index& index, const std::string& schema, const std::string& table,
                          bool concurrently) {
  std::vector<std::string> keys;
  for (const IndexElement& e : index.elements) {
    std::string key = e.expression.empty() ? Q(e.column) : absl::StrCat("(", e.expression, ")");
    if (!e.collation.empty()) absl::StrAppend(&key, " COLLATE ", Q(e.collation));
    if (!e.opclass.empty()) absl::StrAppend(&key, " ", Q(e.opclass));
    if (e.descending) absl::StrAppend(&key, " DESC");
    if (e.nulls == "first") absl::StrAppend(&key, " NULLS FIRST");
    if (e.nulls == "last") absl::StrAppend(&key, " NULLS LAST");
    keys.push_back(std::move(key));
  }
  std::string sql = absl::StrCat(
      "CREATE ", index.unique ? "UNIQUE " : "", "INDEX ", concurrently ? "CONCURRENTLY " : "",
      index.name.empty() ? "" : Q(index.name) + " ", "ON ", PgName(schema, table));
  if (!index.method.empty()) absl::StrAppend(&sql, " USING ", Q(index.method));
  absl::StrAppend(&sql, " (", absl::StrJoin(keys, ", "), ")");
  if (!index.include.empty()) absl::StrAppend(&sql, " INCLUDE (", QuotedList(index.include), ")");
  if (index.nulls_not_distinct) absl::StrAppend(&sql, " NULLS NOT DISTINCT");
  if (!index.where.empty()) absl::StrAppend(&sql, " WHERE ", index.where);
  return sql;
}

std::string PgColumnComment(const std::string& schema, const std::string& table,
                            const std::string& column, const std::optional<std::string>& comment) {
  return absl::StrCat("COMMENT ON COLUMN ", PgName(schema, table), ".", Q(column), " IS ",
                      comment ? QuotePostgresString(*comment) : "NULL");
}

std::string PgDerivedName(std::string_view base, std::string_view suffix) {
  constexpr size_t kMaxBytes = 63;
  std::string head(base);
  if (head.size() + suffix.size() > kMaxBytes) {
    head.resize(kMaxBytes - suffix.size());
    // Do not cut a UTF-8 sequence in half.
    while (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0) == 0x80) {
      head.pop_back();
    }
    if (!head.empty() && static_cast<unsigned char>(head.back()) >= 0xC0) head.pop_back();
  }
  return absl::StrCat(head, Absl(suffix));
}

}  // namespace schemadiff
