// Reads a SQLite database with a fixed number of statements whatever the number of tables, in
// one read transaction:
//  - sqlite_schema: every table's CREATE TABLE, every index's CREATE INDEX and every trigger's
//    CREATE TRIGGER text (triggers are kept verbatim so that table rebuilds re-create them);
//  - pragma_table_xinfo joined to sqlite_schema: columns, declared types, NOT NULL, defaults,
//    primary key positions, generated columns;
//  - pragma_foreign_key_list joined to sqlite_schema: foreign keys and their actions.
// The parsed CREATE TABLE text supplies what pragmas omit (constraint names, CHECKs, collations,
// AUTOINCREMENT, DEFERRABLE) and the unique constraints; the parsed CREATE INDEX text supplies
// the indexes. PRAGMA index_list / index_xinfo are not used: SQLite looks each index up by name
// in a schema hash table whose bucket count is capped, so one call per index costs time that
// grows with the schema (1.3 s of 4.3 s at 10,000 tables), while the stored text already holds
// everything they report. Expressions are kept as written; NormalizeCatalog canonicalizes them
// (and types, defaults, object order) with the SQLite dialect.
#include "introspect/sqlite_introspector.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/dialect_sqlite.h"
#include "catalog/normalize.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "introspect/sqlite_create_index_parser.h"
#include "introspect/sqlite_create_table_parser.h"

namespace schemadiff {
namespace {

// User tables of the main schema: not SQLite's own, not virtual tables or their shadow tables.
constexpr std::string_view kUserTables =
    "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name NOT IN "
    "(SELECT name FROM pragma_table_list WHERE schema = 'main' AND type != 'table')";

// An open read-only connection.
struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;

struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

// A prepared statement stepped row by row.
class Statement {
 public:
  static absl::StatusOr<Statement> Prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
      return absl::InternalError(sqlite3_errmsg(db));
    }
    return Statement(db, stmt);
  }

  // Advances to the next row: true when there is one.
  absl::StatusOr<bool> Step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return absl::InternalError(sqlite3_errmsg(db_));
  }

  bool IsNull(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }
  std::string Text(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt_.get(), column);
    return text == nullptr
               ? std::string()
               : std::string(reinterpret_cast<const char*>(text),
                             static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column)));
  }
  long long Int(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

 private:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, StatementFinalizer> stmt_;
};

// Runs a statement without results.
absl::Status Exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return absl::InternalError(sqlite3_errmsg(db));
  }
  return absl::OkStatus();
}

std::string Lower(std::string_view text) { return absl::AsciiStrToLower(Absl(text)); }

// A collation name as the catalog keeps it: SQLite's built-ins in upper case.
std::string CanonicalCollation(std::string_view name) {
  const std::string upper = absl::AsciiStrToUpper(Absl(name));
  if (upper == "BINARY" || upper == "NOCASE" || upper == "RTRIM") return upper;
  return std::string(name);
}

// Lower-cased column names joined, to match constraint definitions with pragma results.
std::string ColumnsKey(const std::vector<std::string>& columns) {
  std::string key;
  for (const std::string& column : columns) absl::StrAppend(&key, Lower(column), "\x1f");
  return key;
}

// An FK action as the catalog spells it ("" for NO ACTION).
std::string CanonicalAction(std::string_view action) {
  const std::string upper = absl::AsciiStrToUpper(Absl(action));
  return upper == "NO ACTION" ? "" : upper;
}

// What is being built for one table.
struct TableState {
  Table table;
  SqliteCreateTable definition;
  std::unordered_map<std::string, size_t> column_by_lower_name;
  std::vector<std::string> declared_types;  // parallel to table.columns
  std::vector<bool> foreign_key_used;       // parallel to definition.foreign_keys
};

// A CREATE INDEX or CREATE TRIGGER statement waiting for its table.
struct PendingObject {
  std::string table;
  std::string name;
  std::string sql;
};

// One row of the foreign key query.
struct ForeignKeyRow {
  std::string table;
  long long id = 0;
  std::string referred_table;
  std::string from;
  std::optional<std::string> to;
  std::string on_update;
  std::string on_delete;
};

// Reads everything; errors are reported by the caller with the database path.
class Reader {
 public:
  explicit Reader(sqlite3* db) : db_(db), dialect_(SqliteDialect()) {}

  absl::StatusOr<Catalog> Read() {
    RETURN_IF_ERROR(Exec(db_, "BEGIN"));
    absl::Status status = ReadAll();
    // A read transaction has nothing to keep: end it whatever happened.
    Exec(db_, "ROLLBACK").IgnoreError();
    RETURN_IF_ERROR(status);
    for (TableState& state : tables_) {
      for (ForeignKey& fk : state.table.foreign_keys) ResolveReferences(fk);
    }
    Catalog catalog;
    catalog.dialect = "sqlite";
    catalog.tables.reserve(tables_.size());
    for (TableState& state : tables_) catalog.tables.push_back(std::move(state.table));
    return catalog;
  }

 private:
  absl::Status ReadAll() {
    RETURN_IF_ERROR(ReadSchema());
    RETURN_IF_ERROR(ReadColumns());
    for (const PendingObject& index : indexes_) RETURN_IF_ERROR(AddIndex(index));
    for (PendingObject& trigger : triggers_) {
      if (TableState* state = FindState(trigger.table)) {
        state->table.triggers.push_back(Trigger{std::move(trigger.name), std::move(trigger.sql)});
      }
    }
    return ReadForeignKeys();
  }

  // sqlite_schema: the user tables with their parsed definitions, the SQL of indexes and
  // triggers (in name order, for deterministic output).
  absl::Status ReadSchema() {
    ASSIGN_OR_RETURN(Statement stmt,
                     Statement::Prepare(db_, absl::StrCat("SELECT m.type, m.name, m.tbl_name, "
                                                          "m.sql, ",
                                                          Absl(kUserTables),
                                                          " FROM sqlite_schema AS m WHERE m.type "
                                                          "IN ('table', 'index', 'trigger') "
                                                          "ORDER BY m.name")));
    while (true) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      std::string name = stmt.Text(1);
      const std::string type = stmt.Text(0);
      if (type == "index") {
        // Indexes without SQL back PRIMARY KEY / UNIQUE constraints (sqlite_autoindex_*).
        if (!stmt.IsNull(3)) indexes_.push_back({stmt.Text(2), std::move(name), stmt.Text(3)});
        continue;
      }
      if (type == "trigger") {
        triggers_.push_back({stmt.Text(2), std::move(name), stmt.Text(3)});
        continue;
      }
      if (stmt.Int(4) == 0) continue;
      absl::StatusOr<SqliteCreateTable> definition = ParseSqliteCreateTable(stmt.Text(3));
      if (!definition.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("table '", name, "': ", definition.status().message()));
      }
      table_by_name_.emplace(name, tables_.size());
      table_by_lower_name_.emplace(Lower(name), tables_.size());
      TableState& state = tables_.emplace_back();
      state.table.name = std::move(name);
      state.definition = *std::move(definition);
      state.foreign_key_used.assign(state.definition.foreign_keys.size(), false);
      if (state.definition.without_rowid) state.table.options["without_rowid"] = "true";
      if (state.definition.strict) state.table.options["strict"] = "true";
    }
    return absl::OkStatus();
  }

  // PRAGMA table_xinfo of every table: columns, primary key, defaults, generated columns.
  absl::Status ReadColumns() {
    ASSIGN_OR_RETURN(
        Statement stmt,
        Statement::Prepare(db_, absl::StrCat("SELECT m.name, c.name, c.type, c.\"notnull\", "
                                             "c.dflt_value, c.pk, c.hidden FROM sqlite_schema "
                                             "AS m, pragma_table_xinfo(m.name) AS c WHERE ",
                                             Absl(kUserTables))));
    std::vector<std::pair<long long, std::string>> pk;
    TableState* state = nullptr;
    while (true) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      TableState* current = FindState(stmt.Text(0));
      if (current == nullptr) continue;
      if (current != state) {
        if (state != nullptr) RETURN_IF_ERROR(FinishColumns(*state, std::move(pk)));
        pk.clear();
        state = current;
      }
      Column column;
      column.name = stmt.Text(1);
      std::string declared = stmt.Text(2);
      ASSIGN_OR_RETURN(column.type, dialect_.ParseType(declared, /*allow_verbatim=*/true));
      column.nullable = stmt.Int(3) == 0;
      if (!stmt.IsNull(4)) column.server_default = dialect_.ParseDefault(stmt.Text(4), column.type);
      if (stmt.Int(5) > 0) pk.emplace_back(stmt.Int(5), column.name);
      const long long hidden = stmt.Int(6);  // 2: generated VIRTUAL, 3: generated STORED
      if (hidden == 2 || hidden == 3) column.generated = Generated{"", /*stored=*/hidden == 3};
      state->column_by_lower_name.emplace(Lower(column.name), state->table.columns.size());
      state->declared_types.push_back(std::move(declared));
      state->table.columns.push_back(std::move(column));
    }
    if (state != nullptr) RETURN_IF_ERROR(FinishColumns(*state, std::move(pk)));
    return absl::OkStatus();
  }

  // The table's column name for `name` (any case), or an error naming the table.
  absl::StatusOr<std::string> ColumnName(const TableState& state, std::string_view name) const {
    const auto it = state.column_by_lower_name.find(Lower(name));
    if (it == state.column_by_lower_name.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("table '", state.table.name, "' has no column '", Absl(name), "'"));
    }
    return state.table.columns[it->second].name;
  }

  // With all columns read: what the CREATE TABLE text adds to them, the primary key (from the
  // pk positions of table_xinfo), unique and CHECK constraints.
  absl::Status FinishColumns(TableState& state, std::vector<std::pair<long long, std::string>> pk) {
    Table& table = state.table;
    table.columns.shrink_to_fit();  // growth slack is most of the memory at 10,000 tables
    for (const SqliteColumnDef& def : state.definition.columns) {
      const auto it = state.column_by_lower_name.find(Lower(def.name));
      if (it == state.column_by_lower_name.end()) continue;
      Column& column = table.columns[it->second];
      if (!def.collation.empty()) column.collation = CanonicalCollation(def.collation);
      column.autoincrement = def.autoincrement;
      if (column.generated.has_value()) column.generated->expression = def.generated_expression;
    }
    if (!pk.empty()) {
      std::sort(pk.begin(), pk.end());
      PrimaryKey key;
      if (state.definition.primary_key.has_value()) key.name = state.definition.primary_key->name;
      for (auto& entry : pk) key.columns.push_back(std::move(entry.second));
      // Key columns SQLite never lets be NULL: the rowid alias (a single column declared
      // INTEGER) and every key column of a WITHOUT ROWID table.
      const bool without_rowid = state.definition.without_rowid;
      const bool rowid_alias =
          !without_rowid && key.columns.size() == 1 &&
          absl::EqualsIgnoreCase(
              Absl(state.declared_types[state.column_by_lower_name.at(Lower(key.columns[0]))]),
              "INTEGER");
      if (rowid_alias || without_rowid) {
        for (const std::string& name : key.columns) {
          table.columns[state.column_by_lower_name.at(Lower(name))].nullable = false;
        }
      }
      table.primary_key = std::move(key);
    }
    for (const SqliteKeyDef& def : state.definition.uniques) {
      UniqueConstraint unique;
      unique.name = def.name;
      for (const std::string& column : def.columns) {
        ASSIGN_OR_RETURN(std::string name, ColumnName(state, column));
        unique.columns.push_back(std::move(name));
      }
      table.uniques.push_back(std::move(unique));
    }
    for (const SqliteCheckDef& def : state.definition.checks) {
      CheckConstraint check;
      check.name = def.name;
      check.expression = def.expression;
      table.checks.push_back(std::move(check));
    }
    return absl::OkStatus();
  }

  // Adds an index read from its CREATE INDEX statement to its table.
  absl::Status AddIndex(const PendingObject& pending) {
    TableState* state = FindState(pending.table);
    if (state == nullptr) return absl::OkStatus();
    absl::StatusOr<SqliteCreateIndex> definition = ParseSqliteCreateIndex(pending.sql);
    if (!definition.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("index '", pending.name, "': ", definition.status().message()));
    }
    Index index;
    index.name = pending.name;
    index.unique = definition->unique;
    index.where = std::move(definition->where);
    for (SqliteIndexKeyDef& key : definition->keys) {
      IndexElement element;
      // A single name is a column when the table has one by that name (any case); anything
      // else is an expression.
      const auto column = state->column_by_lower_name.find(Lower(key.name));
      if (!key.name.empty() && column != state->column_by_lower_name.end()) {
        element.column = state->table.columns[column->second].name;
      } else {
        element.expression = std::move(key.expression);
      }
      element.descending = key.descending;
      if (!key.collation.empty()) element.collation = CanonicalCollation(key.collation);
      index.elements.push_back(std::move(element));
    }
    state->table.indexes.push_back(std::move(index));
    return absl::OkStatus();
  }

  // PRAGMA foreign_key_list of every table.
  absl::Status ReadForeignKeys() {
    ASSIGN_OR_RETURN(
        Statement stmt,
        Statement::Prepare(db_, absl::StrCat("SELECT m.name, f.id, f.\"table\", f.\"from\", "
                                             "f.\"to\", f.on_update, f.on_delete "
                                             "FROM sqlite_schema AS m, "
                                             "pragma_foreign_key_list(m.name) AS f WHERE ",
                                             Absl(kUserTables))));
    std::vector<ForeignKeyRow> group;
    while (true) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      ForeignKeyRow fk_row{stmt.Text(0),
                           stmt.Int(1),
                           stmt.Text(2),
                           stmt.Text(3),
                           stmt.IsNull(4) ? std::nullopt : std::optional<std::string>(stmt.Text(4)),
                           stmt.Text(5),
                           stmt.Text(6)};
      // Rows come table by table, each key's columns together in seq order.
      if (!group.empty() && (group[0].table != fk_row.table || group[0].id != fk_row.id)) {
        AddForeignKey(group);
        group.clear();
      }
      group.push_back(std::move(fk_row));
    }
    if (!group.empty()) AddForeignKey(group);
    return absl::OkStatus();
  }

  // Adds one foreign key (all its column rows) to its table, with what only the CREATE TABLE
  // text tells: name, MATCH and deferrability.
  void AddForeignKey(const std::vector<ForeignKeyRow>& rows) {
    TableState* state = FindState(rows[0].table);
    if (state == nullptr) return;
    ForeignKey fk;
    fk.referred_table = rows[0].referred_table;
    for (const ForeignKeyRow& row : rows) {
      fk.columns.push_back(row.from);
      if (row.to.has_value()) fk.referred_columns.push_back(*row.to);
    }
    fk.on_update = CanonicalAction(rows[0].on_update);
    fk.on_delete = CanonicalAction(rows[0].on_delete);
    const std::string key = absl::StrCat(ColumnsKey(fk.columns), "\x1e", Lower(fk.referred_table),
                                         "\x1e", ColumnsKey(fk.referred_columns));
    for (size_t i = 0; i < state->definition.foreign_keys.size(); ++i) {
      const SqliteForeignKeyDef& def = state->definition.foreign_keys[i];
      if (state->foreign_key_used[i] ||
          absl::StrCat(ColumnsKey(def.columns), "\x1e", Lower(def.referred_table), "\x1e",
                       ColumnsKey(def.referred_columns)) != key) {
        continue;
      }
      state->foreign_key_used[i] = true;
      fk.name = def.name;
      // PRAGMA foreign_key_list reports MATCH as NONE whatever was written.
      const std::string match = absl::AsciiStrToUpper(def.match);
      fk.match = match == "SIMPLE" ? "" : match;
      fk.deferrable = def.deferrable;
      fk.initially_deferred = def.initially_deferred;
      break;
    }
    state->table.foreign_keys.push_back(std::move(fk));
  }

  // Spells the referred table and columns as the referred table declares them, and fills in
  // its primary key when the REFERENCES clause named no columns.
  void ResolveReferences(ForeignKey& fk) const {
    const auto it = table_by_lower_name_.find(Lower(fk.referred_table));
    if (it == table_by_lower_name_.end()) return;
    const TableState& referred = tables_[it->second];
    fk.referred_table = referred.table.name;
    if (fk.referred_columns.empty() && referred.table.primary_key.has_value()) {
      fk.referred_columns = referred.table.primary_key->columns;
      return;
    }
    for (std::string& column : fk.referred_columns) {
      const auto col = referred.column_by_lower_name.find(Lower(column));
      if (col != referred.column_by_lower_name.end()) {
        column = referred.table.columns[col->second].name;
      }
    }
  }

  TableState* FindState(const std::string& name) {
    const auto it = table_by_name_.find(name);
    return it == table_by_name_.end() ? nullptr : &tables_[it->second];
  }

  sqlite3* db_;
  const Dialect& dialect_;
  std::vector<TableState> tables_;
  std::unordered_map<std::string, size_t> table_by_name_;
  std::unordered_map<std::string, size_t> table_by_lower_name_;
  std::vector<PendingObject> indexes_;
  std::vector<PendingObject> triggers_;
};

}  // namespace

absl::StatusOr<Catalog> IntrospectSqlite(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return absl::NotFoundError(absl::StrCat("sqlite database '", path, "' does not exist"));
  }
  if (!std::filesystem::is_regular_file(path, error)) {
    return absl::InvalidArgumentError(absl::StrCat("sqlite database '", path, "' is not a file"));
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    return absl::UnavailableError(absl::StrCat(
        "sqlite database '", path,
        "': cannot open: ", raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db.get(), 5000);
  absl::StatusOr<Catalog> catalog = Reader(db.get()).Read();
  if (!catalog.ok()) {
    return absl::Status(catalog.status().code(),
                        absl::StrCat("sqlite database '", path, "': ", catalog.status().message()));
  }
  RETURN_IF_ERROR(NormalizeCatalog(SqliteDialect(), &*catalog));
  return catalog;
}

}  // namespace schemadiff
