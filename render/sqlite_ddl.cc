#include "render/sqlite_ddl.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/dialect_sqlite.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

// "(a, b)" with every name quoted.
std::string QuotedList(const Dialect& dialect, const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  quoted.reserve(names.size());
  for (const std::string& name : names) quoted.push_back(dialect.QuoteIdentifier(name));
  return absl::StrCat("(", absl::StrJoin(quoted, ", "), ")");
}

// "CONSTRAINT name " for a named constraint, "" for an unnamed one.
std::string ConstraintPrefix(const Dialect& dialect, const std::string& name) {
  return name.empty() ? "" : absl::StrCat("CONSTRAINT ", dialect.QuoteIdentifier(name), " ");
}

// A referential action keyword checked against the ones SQLite knows (never pasted blindly).
absl::StatusOr<std::string> ReferentialAction(const std::string& action, const ForeignKey& fk) {
  const std::string upper = absl::AsciiStrToUpper(action);
  for (const char* known : {"", "NO ACTION", "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT"}) {
    if (upper == known) return upper;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("foreign key ", fk.name.empty() ? "(unnamed)" : fk.name,
                   ": SQLite has no referential action '", action, "'"));
}

absl::StatusOr<std::string> ForeignKeyClause(const Dialect& dialect, const ForeignKey& fk) {
  std::string out = absl::StrCat(ConstraintPrefix(dialect, fk.name), "FOREIGN KEY ",
                                 QuotedList(dialect, fk.columns), " REFERENCES ",
                                 dialect.QuoteIdentifier(fk.referred_table));
  if (!fk.referred_columns.empty()) {
    absl::StrAppend(&out, " ", QuotedList(dialect, fk.referred_columns));
  }
  ASSIGN_OR_RETURN(const std::string on_delete, ReferentialAction(fk.on_delete, fk));
  ASSIGN_OR_RETURN(const std::string on_update, ReferentialAction(fk.on_update, fk));
  if (!on_delete.empty()) absl::StrAppend(&out, " ON DELETE ", on_delete);
  if (!on_update.empty()) absl::StrAppend(&out, " ON UPDATE ", on_update);
  if (!fk.match.empty()) {
    const std::string match = absl::AsciiStrToUpper(fk.match);
    if (match != "SIMPLE" && match != "FULL" && match != "PARTIAL") {
      return absl::InvalidArgumentError(
          absl::StrCat("foreign key ", fk.name, ": unknown MATCH type '", fk.match, "'"));
    }
    absl::StrAppend(&out, " MATCH ", match);
  }
  if (fk.deferrable) {
    absl::StrAppend(&out, fk.initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
  }
  return out;
}

}  // namespace

bool SqliteOptionOn(const Table& table, std::string_view key) {
  const auto it = table.options.find(std::string(key));
  return it != table.options.end() && SqliteOptionValueOn(it->second);
}

bool SqliteHasRowidAlias(const Dialect& dialect, const Table& table) {
  if (SqliteOptionOn(table, "without_rowid") || !table.primary_key.has_value() ||
      table.primary_key->columns.size() != 1) {
    return false;
  }
  const Column* column = FindColumn(table, table.primary_key->columns[0]);
  return column != nullptr && absl::EqualsIgnoreCase(dialect.RenderType(column->type), "INTEGER");
}

const Column* SqliteAutoincrementKey(const Table& table) {
  if (!table.primary_key.has_value() || table.primary_key->columns.size() != 1) return nullptr;
  const Column* column = FindColumn(table, table.primary_key->columns[0]);
  return column != nullptr && column->autoincrement ? column : nullptr;
}

std::string SqliteQualified(const Dialect& dialect, std::string_view schema,
                            std::string_view name) {
  if (schema.empty()) return dialect.QuoteIdentifier(name);
  return absl::StrCat(dialect.QuoteIdentifier(schema), ".", dialect.QuoteIdentifier(name));
}

std::string SqliteColumnDefinition(const Dialect& dialect, const Column& column) {
  std::string out =
      absl::StrCat(dialect.QuoteIdentifier(column.name), " ", dialect.RenderType(column.type));
  if (!column.collation.empty()) {
    absl::StrAppend(&out, " COLLATE ", dialect.QuoteIdentifier(column.collation));
  }
  if (!column.nullable) absl::StrAppend(&out, " NOT NULL");
  if (column.generated.has_value()) {
    absl::StrAppend(&out, " GENERATED ALWAYS AS (", column.generated->expression, ")",
                    column.generated->stored ? " STORED" : " VIRTUAL");
  } else if (column.server_default.has_value()) {
    absl::StrAppend(&out, " DEFAULT ", dialect.RenderDefault(*column.server_default, column.type));
  }
  return out;
}

absl::StatusOr<std::string> SqliteCreateTable(const Dialect& dialect, const Table& table,
                                              std::string_view name) {
  if (table.columns.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "table ", QualifiedName(table.schema, table.name), " has no columns; SQLite needs one"));
  }
  const Column* autoincrement_key = SqliteAutoincrementKey(table);
  std::vector<std::string> items;
  for (const Column& column : table.columns) {
    std::string item = SqliteColumnDefinition(dialect, column);
    if (&column == autoincrement_key) {
      absl::StrAppend(&item, " ", ConstraintPrefix(dialect, table.primary_key->name),
                      "PRIMARY KEY AUTOINCREMENT");
    }
    items.push_back(std::move(item));
  }
  if (table.primary_key.has_value() && autoincrement_key == nullptr) {
    items.push_back(absl::StrCat(ConstraintPrefix(dialect, table.primary_key->name), "PRIMARY KEY ",
                                 QuotedList(dialect, table.primary_key->columns)));
  }
  for (const UniqueConstraint& unique : table.uniques) {
    items.push_back(absl::StrCat(ConstraintPrefix(dialect, unique.name), "UNIQUE ",
                                 QuotedList(dialect, unique.columns)));
  }
  for (const CheckConstraint& check : table.checks) {
    items.push_back(
        absl::StrCat(ConstraintPrefix(dialect, check.name), "CHECK (", check.expression, ")"));
  }
  for (const ForeignKey& fk : table.foreign_keys) {
    ASSIGN_OR_RETURN(std::string clause, ForeignKeyClause(dialect, fk));
    items.push_back(std::move(clause));
  }
  std::string out = absl::StrCat("CREATE TABLE ", SqliteQualified(dialect, table.schema, name),
                                 " (\n  ", absl::StrJoin(items, ",\n  "), "\n)");
  std::vector<std::string> options;
  if (SqliteOptionOn(table, "without_rowid")) options.push_back("WITHOUT ROWID");
  if (SqliteOptionOn(table, "strict")) options.push_back("STRICT");
  if (!options.empty()) absl::StrAppend(&out, " ", absl::StrJoin(options, ", "));
  return out;
}

absl::StatusOr<std::string> SqliteCreateIndex(const Dialect& dialect, std::string_view schema,
                                              std::string_view table, const Index& index) {
  if (index.name.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("an index of table ", QualifiedName(schema, table),
                     " has no name; SQLite indexes need one (add a name or an \"ix\" naming "
                     "convention)"));
  }
  std::vector<std::string> keys;
  for (const IndexElement& element : index.elements) {
    std::string key =
        element.column.empty() ? element.expression : dialect.QuoteIdentifier(element.column);
    if (!element.collation.empty()) {
      absl::StrAppend(&key, " COLLATE ", dialect.QuoteIdentifier(element.collation));
    }
    if (element.descending) absl::StrAppend(&key, " DESC");
    keys.push_back(std::move(key));
  }
  std::string out =
      absl::StrCat(index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ",
                   SqliteQualified(dialect, schema, index.name), " ON ",
                   dialect.QuoteIdentifier(table), " (", absl::StrJoin(keys, ", "), ")");
  if (!index.where.empty()) absl::StrAppend(&out, " WHERE ", index.where);
  return out;
}

std::string SqliteCreateTrigger(const Trigger& trigger) {
  std::string_view sql = trigger.sql;
  while (!sql.empty() && (sql.back() == ';' || absl::ascii_isspace(sql.back()))) {
    sql.remove_suffix(1);
  }
  return std::string(sql);
}

absl::StatusOr<std::string> SqliteDropIndex(const Dialect& dialect, std::string_view schema,
                                            std::string_view index) {
  if (index.empty()) {
    return absl::InvalidArgumentError("cannot drop an index without a name in SQLite");
  }
  return absl::StrCat("DROP INDEX ", SqliteQualified(dialect, schema, index));
}

}  // namespace schemadiff
