#include "render/mysql_ddl.h"

#include <set>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/dialect_mysql.h"
#include "diff/overloaded.h"

namespace schemadiff {
namespace {

// "(`a`, `b`)".
std::string ColumnList(const Dialect& dialect, const std::vector<std::string>& columns) {
  std::vector<std::string> quoted;
  quoted.reserve(columns.size());
  for (const std::string& c : columns) quoted.push_back(dialect.QuoteIdentifier(c));
  return absl::StrCat("(", absl::StrJoin(quoted, ", "), ")");
}

// "CONSTRAINT `name` " or "" for an unnamed constraint.
std::string ConstraintName(const Dialect& dialect, const std::string& name) {
  return name.empty() ? "" : absl::StrCat("CONSTRAINT ", dialect.QuoteIdentifier(name), " ");
}

}  // namespace

std::string MysqlTableName(const Dialect& dialect, std::string_view schema, std::string_view name) {
  if (schema.empty()) return dialect.QuoteIdentifier(name);
  return absl::StrCat(dialect.QuoteIdentifier(schema), ".", dialect.QuoteIdentifier(name));
}

std::string MysqlColumnDefinition(const Dialect& dialect, const Column& column) {
  std::string out =
      absl::StrCat(dialect.QuoteIdentifier(column.name), " ", dialect.RenderType(column.type));
  if (!column.charset.empty()) absl::StrAppend(&out, " CHARACTER SET ", column.charset);
  if (!column.collation.empty()) absl::StrAppend(&out, " COLLATE ", column.collation);
  if (column.generated) {
    // Generated columns take no DEFAULT, and MariaDB no NULL / NOT NULL either.
    absl::StrAppend(&out, " GENERATED ALWAYS AS (", column.generated->expression, ") ",
                    column.generated->stored ? "STORED" : "VIRTUAL");
  } else {
    absl::StrAppend(&out, column.nullable ? " NULL" : " NOT NULL");
    if (column.server_default) {
      absl::StrAppend(&out, " DEFAULT ",
                      dialect.RenderDefault(*column.server_default, column.type));
    }
    const std::string on_update = RenderMysqlOnUpdate(column);
    if (!on_update.empty()) absl::StrAppend(&out, " ON UPDATE ", on_update);
    if (column.autoincrement || column.identity) absl::StrAppend(&out, " AUTO_INCREMENT");
  }
  if (column.comment) absl::StrAppend(&out, " COMMENT ", dialect.QuoteString(*column.comment));
  return out;
}

std::string MysqlIndexDefinition(const Dialect& dialect, const Index& index) {
  std::string out;
  if (index.unique) {
    out = "UNIQUE INDEX";
  } else if (index.method == "fulltext") {
    out = "FULLTEXT INDEX";
  } else if (index.method == "spatial") {
    out = "SPATIAL INDEX";
  } else {
    out = "INDEX";
  }
  if (!index.name.empty()) absl::StrAppend(&out, " ", dialect.QuoteIdentifier(index.name));
  std::vector<std::string> parts;
  for (const IndexElement& e : index.elements) {
    std::string part = e.expression.empty() ? dialect.QuoteIdentifier(e.column)
                                            : absl::StrCat("(", e.expression, ")");
    if (e.prefix_length) absl::StrAppend(&part, "(", *e.prefix_length, ")");
    if (e.descending) absl::StrAppend(&part, " DESC");
    parts.push_back(std::move(part));
  }
  absl::StrAppend(&out, " (", absl::StrJoin(parts, ", "), ")");
  if (index.method == "hash") absl::StrAppend(&out, " USING HASH");
  return out;
}

std::string MysqlConstraintDefinition(const Dialect& dialect, const Constraint& constraint) {
  return std::visit(
      Overloaded{
          [&](const PrimaryKey& pk) {
            return absl::StrCat("PRIMARY KEY ", ColumnList(dialect, pk.columns));
          },
          [&](const UniqueConstraint& uq) {
            return absl::StrCat("UNIQUE INDEX ",
                                uq.name.empty() ? "" : dialect.QuoteIdentifier(uq.name) + " ",
                                ColumnList(dialect, uq.columns));
          },
          [&](const CheckConstraint& ck) {
            return absl::StrCat(ConstraintName(dialect, ck.name), "CHECK (", ck.expression, ")");
          },
          [&](const ForeignKey& fk) {
            std::string out = absl::StrCat(
                ConstraintName(dialect, fk.name), "FOREIGN KEY ", ColumnList(dialect, fk.columns),
                " REFERENCES ", MysqlTableName(dialect, fk.referred_schema, fk.referred_table), " ",
                ColumnList(dialect, fk.referred_columns));
            if (!fk.on_delete.empty()) absl::StrAppend(&out, " ON DELETE ", fk.on_delete);
            if (!fk.on_update.empty()) absl::StrAppend(&out, " ON UPDATE ", fk.on_update);
            return out;
          },
      },
      constraint);
}

absl::StatusOr<std::string> MysqlDropConstraintClause(const Dialect& dialect,
                                                      const Constraint& constraint) {
  if (std::holds_alternative<PrimaryKey>(constraint)) return std::string("DROP PRIMARY KEY");
  const std::string& name = schemadiff::ConstraintName(constraint);
  if (name.empty()) {
    return absl::FailedPreconditionError(
        "MySQL cannot drop an unnamed constraint: give it a name in the schema");
  }
  const std::string quoted = dialect.QuoteIdentifier(name);
  if (std::holds_alternative<UniqueConstraint>(constraint)) return "DROP INDEX " + quoted;
  if (std::holds_alternative<ForeignKey>(constraint)) return "DROP FOREIGN KEY " + quoted;
  return "DROP CONSTRAINT " + quoted;
}

std::string MysqlTableOptions(const Dialect& dialect,
                              const std::map<std::string, std::string>& options,
                              const std::optional<std::string>& comment) {
  std::vector<std::string> parts;
  for (const auto& [key, value] : options) {
    if (key == "engine") {
      parts.push_back(absl::StrCat("ENGINE=", value));
    } else if (key == "charset") {
      parts.push_back(absl::StrCat("DEFAULT CHARSET=", value));
    } else if (key == "collation") {
      parts.push_back(absl::StrCat("COLLATE=", value));
    } else {
      parts.push_back(absl::StrCat(key, "=", value));
    }
  }
  if (comment) parts.push_back(absl::StrCat("COMMENT=", dialect.QuoteString(*comment)));
  return absl::StrJoin(parts, " ");
}

std::vector<std::string> MysqlTableOptionClauses(const std::map<std::string, std::string>& from,
                                                 const std::map<std::string, std::string>& to) {
  auto value = [](const std::map<std::string, std::string>& options, const std::string& key) {
    auto it = options.find(key);
    return it == options.end() ? std::string() : it->second;
  };
  std::set<std::string> keys;
  for (const auto& [key, v] : from) keys.insert(key);
  for (const auto& [key, v] : to) keys.insert(key);
  std::vector<std::string> out;
  bool convert = false;
  for (const std::string& key : keys) {
    const std::string target = value(to, key);
    if (value(from, key) == target) continue;
    if (key == "charset" || key == "collation") {
      convert = true;
    } else if (key == "engine") {
      out.push_back("ENGINE=" + (target.empty() ? std::string("InnoDB") : target));
    } else if (!target.empty()) {
      out.push_back(absl::StrCat(key, "=", target));
    }
  }
  if (convert) {
    const std::string collation = value(to, "collation");
    std::string charset = value(to, "charset");
    // A collation's name starts with its character set's.
    if (charset.empty() && !collation.empty()) charset = collation.substr(0, collation.find('_'));
    std::string clause =
        absl::StrCat("CONVERT TO CHARACTER SET ", charset.empty() ? "DEFAULT" : charset);
    if (!collation.empty()) absl::StrAppend(&clause, " COLLATE ", collation);
    out.push_back(std::move(clause));
  }
  return out;
}

std::string MysqlCreateTable(const Dialect& dialect, const Table& table) {
  std::vector<std::string> lines;
  for (const Column& column : table.columns) {
    lines.push_back(MysqlColumnDefinition(dialect, column));
  }
  if (table.primary_key) lines.push_back(MysqlConstraintDefinition(dialect, *table.primary_key));
  for (const UniqueConstraint& uq : table.uniques) {
    lines.push_back(MysqlConstraintDefinition(dialect, uq));
  }
  for (const Index& index : table.indexes) lines.push_back(MysqlIndexDefinition(dialect, index));
  for (const CheckConstraint& ck : table.checks) {
    lines.push_back(MysqlConstraintDefinition(dialect, ck));
  }
  for (const ForeignKey& fk : table.foreign_keys) {
    lines.push_back(MysqlConstraintDefinition(dialect, fk));
  }
  std::string out = absl::StrCat("CREATE TABLE ", MysqlTableName(dialect, table.schema, table.name),
                                 " (\n  ", absl::StrJoin(lines, ",\n  "), "\n)");
  const std::string options = MysqlTableOptions(dialect, table.options, table.comment);
  if (!options.empty()) absl::StrAppend(&out, " ", options);
  return out;
}

}  // namespace schemadiff
