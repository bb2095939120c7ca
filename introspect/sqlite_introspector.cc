// Reads a SQLite database with a fixed number of bulk statements (the pragma table-valued
// functions joined to sqlite_schema), whatever the number of tables, inside one read
// transaction; the stored CREATE TABLE / CREATE INDEX text supplies what the pragmas omit.
// Expressions are kept as written; NormalizeCatalog canonicalizes them (and types, defaults,
// object order) with the SQLite dialect.
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
  std::unordered_map<std::string, const SqliteColumnDef*> def_by_lower_name;
  std::unordered_map<std::string, size_t> column_by_lower_name;
  std::vector<std::string> declared_types;  // parallel to table.columns
  std::vector<bool> unique_used;            // parallel to definition.uniques
  std::vector<bool> foreign_key_used;       // parallel to definition.foreign_keys
  std::vector<ForeignKey> foreign_keys;     // references resolved once all tables are read
};

// One row of the index query.
struct IndexRow {
  std::string table;
  std::string name;
  bool unique = false;
  std::string origin;
  long long cid = 0;
  std::string column;
  bool descending = false;
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
  std::string match;
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
    Catalog catalog;
    catalog.dialect = "sqlite";
    for (TableState& state : tables_) {
      for (ForeignKey& fk : state.foreign_keys) {
        ResolveReferences(fk);
        state.table.foreign_keys.push_back(std::move(fk));
      }
    }
    for (TableState& state : tables_) catalog.tables.push_back(std::move(state.table));
    return catalog;
  }

 private:
  absl::Status ReadAll() {
    RETURN_IF_ERROR(ReadSchema());
    RETURN_IF_ERROR(ReadColumns());
    RETURN_IF_ERROR(ReadIndexes());
    return ReadForeignKeys();
  }

  // sqlite_schema: the user tables with their parsed definitions, and every index's SQL.
  absl::Status ReadSchema() {
    ASSIGN_OR_RETURN(
        Statement stmt,
        Statement::Prepare(db_, absl::StrCat("SELECT m.type, m.name, m.sql, ", Absl(kUserTables),
                                             " FROM sqlite_schema AS m")));
    while (true) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      const std::string type = stmt.Text(0);
      std::string name = stmt.Text(1);
      if (type == "index") {
        if (!stmt.IsNull(2)) index_sql_.emplace(std::move(name), stmt.Text(2));
        continue;
      }
      if (stmt.Int(3) == 0) continue;
      absl::StatusOr<SqliteCreateTable> definition = ParseSqliteCreateTable(stmt.Text(2));
      if (!definition.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("table '", name, "': ", definition.status().message()));
      }
      table_by_name_.emplace(name, tables_.size());
      table_by_lower_name_.emplace(Lower(name), tables_.size());
      TableState& state = tables_.emplace_back();
      state.table.name = std::move(name);
      state.definition = *std::move(definition);
      state.unique_used.assign(state.definition.uniques.size(), false);
      state.foreign_key_used.assign(state.definition.foreign_keys.size(), false);
      if (state.definition.without_rowid) state.table.options["without_rowid"] = "true";
      if (state.definition.strict) state.table.options["strict"] = "true";
    }
    // Pointers into definitions are taken once `tables_` no longer grows.
    for (TableState& state : tables_) {
      for (const SqliteColumnDef& def : state.definition.columns) {
        state.def_by_lower_name.emplace(Lower(def.name), &def);
      }
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
        if (state != nullptr) FinishColumns(*state, std::move(pk));
        pk.clear();
        state = current;
      }
      Column column;
      column.name = stmt.Text(1);
      const std::string declared = stmt.Text(2);
      ASSIGN_OR_RETURN(column.type, dialect_.ParseType(declared, /*allow_verbatim=*/true));
      column.nullable = stmt.Int(3) == 0;
      if (!stmt.IsNull(4)) column.server_default = dialect_.ParseDefault(stmt.Text(4), column.type);
      if (stmt.Int(5) > 0) pk.emplace_back(stmt.Int(5), column.name);
      const long long hidden = stmt.Int(6);
      const auto def = state->def_by_lower_name.find(Lower(column.name));
      if (def != state->def_by_lower_name.end()) {
        if (!def->second->collation.empty()) {
          column.collation = CanonicalCollation(def->second->collation);
        }
        column.autoincrement = def->second->autoincrement;
        if (hidden == 2 || hidden == 3) {
          column.generated = Generated{def->second->generated_expression, /*stored=*/hidden == 3};
        }
      }
      state->column_by_lower_name.emplace(Lower(column.name), state->table.columns.size());
      state->declared_types.push_back(declared);
      state->table.columns.push_back(std::move(column));
    }
    if (state != nullptr) FinishColumns(*state, std::move(pk));
    return absl::OkStatus();
  }

  // The primary key (from the pk positions of table_xinfo) and the CHECK constraints.
  void FinishColumns(TableState& state, std::vector<std::pair<long long, std::string>> pk) {
    Table& table = state.table;
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
    for (const SqliteCheckDef& check : state.definition.checks) {
      CheckConstraint constraint;
      constraint.name = check.name;
      constraint.expression = check.expression;
      table.checks.push_back(std::move(constraint));
    }
  }

  // PRAGMA index_list + index_xinfo of every table: unique constraints and indexes.
  absl::Status ReadIndexes() {
    ASSIGN_OR_RETURN(Statement stmt,
                     Statement::Prepare(
                         db_, absl::StrCat("SELECT m.name, il.name, il.\"unique\", il.origin, "
                                           "ii.cid, ii.name, ii.\"desc\" FROM sqlite_schema AS m, "
                                           "pragma_index_list(m.name) AS il, "
                                           "pragma_index_xinfo(il.name) AS ii WHERE ",
                                           Absl(kUserTables),
                                           " AND ii.key = 1 ORDER BY m.name, il.name, ii.seqno")));
    std::vector<IndexRow> group;
    while (true) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      IndexRow index_row{stmt.Text(0), stmt.Text(1), stmt.Int(2) != 0, stmt.Text(3),
                         stmt.Int(4),  stmt.Text(5), stmt.Int(6) != 0};
      if (!group.empty() &&
          (group[0].table != index_row.table || group[0].name != index_row.name)) {
        RETURN_IF_ERROR(AddIndex(group));
        group.clear();
      }
      group.push_back(std::move(index_row));
    }
    if (!group.empty()) RETURN_IF_ERROR(AddIndex(group));
    return absl::OkStatus();
  }

  // Adds one index (all its key rows) to its table.
  absl::Status AddIndex(const std::vector<IndexRow>& rows) {
    TableState* state = FindState(rows[0].table);
    if (state == nullptr || rows[0].origin == "pk") return absl::OkStatus();
    if (rows[0].origin == "u") {
      UniqueConstraint unique;
      for (const IndexRow& row : rows) unique.columns.push_back(row.column);
      const std::string key = ColumnsKey(unique.columns);
      for (size_t i = 0; i < state->definition.uniques.size(); ++i) {
        if (!state->unique_used[i] && ColumnsKey(state->definition.uniques[i].columns) == key) {
          state->unique_used[i] = true;
          unique.name = state->definition.uniques[i].name;
          break;
        }
      }
      state->table.uniques.push_back(std::move(unique));
      return absl::OkStatus();
    }
    const auto sql = index_sql_.find(rows[0].name);
    if (sql == index_sql_.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("index '", rows[0].name, "' has no CREATE INDEX statement"));
    }
    absl::StatusOr<SqliteCreateIndex> definition = ParseSqliteCreateIndex(sql->second);
    if (!definition.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("index '", rows[0].name, "': ", definition.status().message()));
    }
    if (definition->keys.size() != rows.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat("index '", rows[0].name, "': ", definition->keys.size(),
                       " keys in CREATE INDEX but ", rows.size(), " in PRAGMA index_xinfo"));
    }
    Index index;
    index.name = rows[0].name;
    index.unique = rows[0].unique;
    index.where = definition->where;
    for (size_t i = 0; i < rows.size(); ++i) {
      const SqliteIndexKeyDef& key = definition->keys[i];
      IndexElement element;
      if (rows[i].cid == -2) {
        element.expression = key.expression;
      } else {
        element.column = rows[i].cid == -1 ? "rowid" : rows[i].column;
      }
      element.descending = rows[i].descending;
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
                                             "f.\"to\", f.on_update, f.on_delete, f.\"match\" "
                                             "FROM sqlite_schema AS m, "
                                             "pragma_foreign_key_list(m.name) AS f WHERE ",
                                             Absl(kUserTables), " ORDER BY m.name, f.id, f.seq")));
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
                           stmt.Text(6),
                           stmt.Text(7)};
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
  // text tells: name and deferrability.
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
    const std::string match = absl::AsciiStrToUpper(rows[0].match);
    fk.match = match == "NONE" || match == "SIMPLE" ? "" : match;
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
      fk.deferrable = def.deferrable;
      fk.initially_deferred = def.initially_deferred;
      break;
    }
    state->foreign_keys.push_back(std::move(fk));
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
  std::unordered_map<std::string, std::string> index_sql_;
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
