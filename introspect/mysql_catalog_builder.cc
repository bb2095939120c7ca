#include "introspect/mysql_catalog_builder.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "catalog/dialect_mysql.h"
#include "catalog/mysql_lexer.h"
#include "catalog/normalize.h"
#include "common/parallel.h"
#include "common/status_macros.h"

namespace schemadiff {
namespace {

// Character set facts from information_schema.COLLATIONS.
class Collations {
 public:
  explicit Collations(const std::vector<MysqlCollationRow>& rows) {
    for (const MysqlCollationRow& row : rows) {
      charset_of_[row.name] = row.charset;
      if (row.is_default) default_of_[row.charset] = row.name;
    }
  }
  // The character set of `collation` ("" when unknown).
  std::string CharsetOf(const std::string& collation) const {
    auto it = charset_of_.find(collation);
    return it == charset_of_.end() ? "" : it->second;
  }
  // Whether `collation` is its character set's default.
  bool IsDefault(const std::string& charset, const std::string& collation) const {
    auto it = default_of_.find(charset);
    return it != default_of_.end() && it->second == collation;
  }

 private:
  std::unordered_map<std::string, std::string> charset_of_;
  std::unordered_map<std::string, std::string> default_of_;
};

// A table under construction and what its columns are compared against.
struct TableState {
  Table table;
  std::string charset;                       // the table's default character set
  std::string collation;                     // the table's default collation
  std::vector<MysqlColumnRow*> column_rows;  // its COLUMNS rows, until they become columns
};

// Table options that differ from the database's defaults.
std::map<std::string, std::string> TableOptions(const MysqlTableRow& row,
                                                const MysqlServerInfo& server,
                                                const Collations& collations) {
  std::map<std::string, std::string> options;
  if (!row.engine.empty() && !absl::EqualsIgnoreCase(row.engine, server.default_engine)) {
    options["engine"] = row.engine;
  }
  if (!row.collation.empty() && row.collation != server.default_collation) {
    const std::string charset = collations.CharsetOf(row.collation);
    if (charset != collations.CharsetOf(server.default_collation)) options["charset"] = charset;
    if (!collations.IsDefault(charset, row.collation) || charset.empty()) {
      options["collation"] = row.collation;
    }
  }
  return options;
}

// Parsed column types and defaults by their catalog spelling: a schema spells the same few
// types and defaults over and over.
class ParseCache {
 public:
  explicit ParseCache(MysqlFlavor flavor) : flavor_(flavor) {}

  const DataType& Type(const std::string& column_type) {
    auto [it, inserted] = types_.try_emplace(column_type);
    if (inserted) {
      absl::StatusOr<DataType> type = MysqlDialect().ParseType(column_type, true);
      it->second = type.ok() ? *std::move(type) : MakeVerbatim(column_type);
    }
    return it->second;
  }

  std::optional<DefaultExpr> Default(const MysqlColumnRow& row, const Column& column) {
    if (!row.column_default) return std::nullopt;
    const std::string key = absl::StrCat(row.column_type, "\x1f", row.nullable, "\x1f", row.extra,
                                         "\x1f", *row.column_default);
    auto [it, inserted] = defaults_.try_emplace(key);
    if (inserted) {
      it->second = ParseMysqlColumnDefault(row.column_default, row.extra, column, flavor_);
    }
    return it->second;
  }

 private:
  MysqlFlavor flavor_;
  std::unordered_map<std::string, DataType> types_;
  std::unordered_map<std::string, std::optional<DefaultExpr>> defaults_;
};

// The column a COLUMNS row describes.
Column MakeColumn(MysqlColumnRow& row, const TableState& owner, const Collations& collations,
                  ParseCache& cache) {
  Column column;
  column.name = std::move(row.name);
  column.type = cache.Type(row.column_type);
  column.nullable = row.nullable;
  const std::string extra = absl::AsciiStrToLower(row.extra);
  column.autoincrement = absl::StrContains(extra, "auto_increment");
  if (absl::StrContains(extra, "generated") && !row.generation_expression.empty() &&
      !absl::StrContains(extra, "default_generated")) {
    column.generated =
        Generated{MysqlDialect().NormalizeExpression(row.generation_expression),
                  absl::StrContains(extra, "stored") || absl::StrContains(extra, "persistent")};
  } else {
    column.server_default = cache.Default(row, column);
  }
  const size_t on_update = extra.find("on update ");
  if (on_update != std::string::npos) {
    column.on_update = NormalizeMysqlOnUpdate(row.extra.substr(on_update + 10));
  }
  if (!row.charset.empty()) {
    if (row.charset != owner.charset) {
      if (collations.IsDefault(row.charset, row.collation)) {
        column.charset = row.charset;
      } else {
        column.collation = row.collation;
      }
    } else if (row.collation != owner.collation) {
      column.collation = row.collation;
    }
  }
  if (!row.comment.empty()) column.comment = std::move(row.comment);
  return column;
}

// MariaDB stores JSON as LONGTEXT with a column CHECK (json_valid(`col`)) named after the
// column: true when `check` is that CHECK for a text column of `table`, which becomes JSON.
bool FoldJsonCheck(const MysqlCheckRow& check, Table& table) {
  if (!check.column_level) return false;
  Column* column = FindColumn(table, check.name);
  if (column == nullptr || column->type.kind != TypeKind::kText) return false;
  const std::string expected = CanonicalMysqlExpression(
      absl::StrCat("json_valid(", QuoteMysqlIdentifier(column->name), ")"));
  if (CanonicalMysqlExpression(check.clause) != expected) return false;
  column->type = MakeType(TypeKind::kJson);
  return true;
}

// The indexes of STATISTICS rows, per table, key parts in order.
void AddIndexes(const std::vector<MysqlIndexRow>& rows,
                std::unordered_map<std::string, TableState*>& tables) {
  std::vector<const MysqlIndexRow*> sorted;
  sorted.reserve(rows.size());
  for (const MysqlIndexRow& row : rows) sorted.push_back(&row);
  std::stable_sort(
      sorted.begin(), sorted.end(), [](const MysqlIndexRow* a, const MysqlIndexRow* b) {
        return std::tie(a->table, a->name, a->seq) < std::tie(b->table, b->name, b->seq);
      });
  Index* current = nullptr;
  const MysqlIndexRow* previous = nullptr;
  for (const MysqlIndexRow* row : sorted) {
    auto owner = tables.find(row->table);
    if (owner == tables.end()) continue;
    Table& table = owner->second->table;
    const bool same =
        previous != nullptr && previous->table == row->table && previous->name == row->name;
    previous = row;
    if (row->name == "PRIMARY") {
      if (!table.primary_key) table.primary_key = PrimaryKey{};
      table.primary_key->columns.push_back(row->column);
      current = nullptr;
      continue;
    }
    if (!same || current == nullptr) {
      Index index;
      index.name = row->name;
      index.unique = row->unique;
      index.method = absl::AsciiStrToLower(row->index_type);
      table.indexes.push_back(std::move(index));
      current = &table.indexes.back();
    }
    IndexElement element;
    element.column = row->column;
    element.expression = row->expression;
    element.descending = row->descending;
    element.prefix_length = row->sub_part;
    current->elements.push_back(std::move(element));
  }
}

// The foreign keys of KEY_COLUMN_USAGE and REFERENTIAL_CONSTRAINTS rows.
void AddForeignKeys(const MysqlCatalogRows& rows,
                    std::unordered_map<std::string, TableState*>& tables) {
  std::vector<const MysqlForeignKeyColumnRow*> sorted;
  for (const MysqlForeignKeyColumnRow& row : rows.foreign_key_columns) sorted.push_back(&row);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const MysqlForeignKeyColumnRow* a, const MysqlForeignKeyColumnRow* b) {
                     return std::tie(a->table, a->name, a->position) <
                            std::tie(b->table, b->name, b->position);
                   });
  std::map<std::pair<std::string, std::string>, const MysqlForeignKeyRuleRow*> rules;
  for (const MysqlForeignKeyRuleRow& rule : rows.foreign_key_rules) {
    rules[{rule.table, rule.name}] = &rule;
  }
  ForeignKey* current = nullptr;
  const MysqlForeignKeyColumnRow* previous = nullptr;
  for (const MysqlForeignKeyColumnRow* row : sorted) {
    auto owner = tables.find(row->table);
    if (owner == tables.end()) continue;
    Table& table = owner->second->table;
    if (previous == nullptr || previous->table != row->table || previous->name != row->name) {
      ForeignKey fk;
      fk.name = row->name;
      fk.referred_table = row->referenced_table;
      if (row->referenced_schema != rows.server.database) {
        fk.referred_schema = row->referenced_schema;
      }
      auto rule = rules.find({row->table, row->name});
      if (rule != rules.end()) {
        fk.on_update = rule->second->update_rule;
        fk.on_delete = rule->second->delete_rule;
      }
      table.foreign_keys.push_back(std::move(fk));
      current = &table.foreign_keys.back();
    }
    previous = row;
    current->columns.push_back(row->column);
    current->referred_columns.push_back(row->referenced_column);
  }
}

}  // namespace

absl::StatusOr<Catalog> BuildMysqlCatalog(MysqlCatalogRows rows) {
  const Collations collations(rows.collations);
  const MysqlFlavor flavor =
      absl::StrContains(absl::AsciiStrToLower(rows.server.version), "mariadb")
          ? MysqlFlavor::kMariaDb
          : MysqlFlavor::kMysql;

  std::vector<TableState> states;
  states.reserve(rows.tables.size());
  for (const MysqlTableRow& row : rows.tables) {
    TableState state;
    state.table.name = row.name;
    if (!row.comment.empty()) state.table.comment = row.comment;
    state.table.options = TableOptions(row, rows.server, collations);
    state.collation = row.collation;
    state.charset = collations.CharsetOf(row.collation);
    states.push_back(std::move(state));
  }
  std::unordered_map<std::string, TableState*> tables;
  for (TableState& state : states) tables[state.table.name] = &state;

  // Each table's rows, found through the table map: cheaper than sorting the (large) rows.
  for (MysqlColumnRow& row : rows.columns) {
    auto owner = tables.find(row.table);
    if (owner != tables.end()) owner->second->column_rows.push_back(&row);  // else a view's
  }
  // Tables make their columns side by side, each slice with its own cache.
  ParallelSlices(states.size(), [&](size_t begin, size_t end) {
    ParseCache cache(flavor);
    for (size_t i = begin; i < end; ++i) {
      TableState& state = states[i];
      std::vector<MysqlColumnRow*>& column_rows = state.column_rows;
      std::stable_sort(column_rows.begin(), column_rows.end(),
                       [](const MysqlColumnRow* a, const MysqlColumnRow* b) {
                         return a->position < b->position;
                       });
      // Exact capacities: grown one push at a time, 10,000 tables' columns would carry a third
      // or more of spare room.
      state.table.columns.reserve(column_rows.size());
      for (MysqlColumnRow* row : column_rows) {
        state.table.columns.push_back(MakeColumn(*row, state, collations, cache));
      }
      column_rows = {};
    }
  });
  rows.columns = {};  // the biggest part of the rows: free it before the catalog grows further

  for (const MysqlCheckRow& row : rows.checks) {
    auto owner = tables.find(row.table);
    if (owner == tables.end()) continue;
    Table& table = owner->second->table;
    if (flavor == MysqlFlavor::kMariaDb && FoldJsonCheck(row, table)) continue;
    CheckConstraint check;
    check.name = row.name;
    check.expression = row.clause;
    table.checks.push_back(std::move(check));
  }
  AddIndexes(rows.indexes, tables);
  AddForeignKeys(rows, tables);

  Catalog catalog;
  catalog.dialect = "mysql";
  catalog.tables.reserve(states.size());
  for (TableState& state : states) catalog.tables.push_back(std::move(state.table));
  RETURN_IF_ERROR(NormalizeCatalog(MysqlDialect(), &catalog));
  return catalog;
}

}  // namespace schemadiff
