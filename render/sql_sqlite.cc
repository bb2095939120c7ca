#include "render/sql_sqlite.h"

#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "common/version.h"
#include "diff/apply.h"
#include "render/sql_writer.h"
#include "render/sqlite_alter.h"
#include "render/sqlite_ddl.h"
#include "render/sqlite_rebuild.h"

namespace schemadiff {
namespace {

using TableKey = std::pair<std::string, std::string>;  // (schema, name)

// Whether `op` creates, drops or renames the table `key`: the end of the run of ops that can be
// folded into one CREATE TABLE or rebuild of that table.
bool EndsTableRun(const Op& op, const TableKey& key) {
  if (const auto* create = std::get_if<CreateTable>(&op)) {
    return TableKey(create->table.schema, create->table.name) == key;
  }
  if (const auto* drop = std::get_if<DropTable>(&op)) {
    return TableKey(drop->table.schema, drop->table.name) == key;
  }
  if (const auto* rename = std::get_if<RenameTable>(&op)) {
    return rename->schema == key.first && (rename->from == key.second || rename->to == key.second);
  }
  return false;
}

// Renders the ops SQLite's ALTER TABLE (or CREATE/DROP) does in place, one op at a time,
// against the catalog as it is before the op.
class NativeRenderer {
 public:
  NativeRenderer(const Dialect& dialect, const Catalog& catalog, SqlWriter* out)
      : dialect_(dialect), catalog_(catalog), out_(out) {}

  absl::Status operator()(const DropTable& op) {
    out_->Statement(absl::StrCat("DROP TABLE ", Name(op.table.schema, op.table.name)));
    return absl::OkStatus();
  }
  absl::Status operator()(const RenameTable& op) {
    out_->Statement(absl::StrCat("ALTER TABLE ", Name(op.schema, op.from), " RENAME TO ",
                                 dialect_.QuoteIdentifier(op.to)));
    return absl::OkStatus();
  }
  absl::Status operator()(const AddColumn& op) {
    out_->Statement(absl::StrCat("ALTER TABLE ", Name(op.schema, op.table), " ADD COLUMN ",
                                 SqliteColumnDefinition(dialect_, op.column)));
    return absl::OkStatus();
  }
  absl::Status operator()(const DropColumn& op) {
    out_->Statement(absl::StrCat("ALTER TABLE ", Name(op.schema, op.table), " DROP COLUMN ",
                                 dialect_.QuoteIdentifier(op.column.name)));
    return absl::OkStatus();
  }
  absl::Status operator()(const AlterColumn&) {
    out_->Comment("SQLite stores no column comments: nothing to do.");
    return absl::OkStatus();
  }
  absl::Status operator()(const RenameColumn& op) {
    out_->Statement(absl::StrCat("ALTER TABLE ", Name(op.schema, op.table), " RENAME COLUMN ",
                                 dialect_.QuoteIdentifier(op.from), " TO ",
                                 dialect_.QuoteIdentifier(op.to)));
    return absl::OkStatus();
  }
  absl::Status operator()(const CreateIndex& op) {
    ASSIGN_OR_RETURN(const std::string sql,
                     SqliteCreateIndex(dialect_, op.schema, op.table, op.index));
    out_->Statement(sql);
    return absl::OkStatus();
  }
  absl::Status operator()(const DropIndex& op) {
    ASSIGN_OR_RETURN(const std::string sql, SqliteDropIndex(dialect_, op.schema, op.index.name));
    out_->Statement(sql);
    return absl::OkStatus();
  }
  // SQLite cannot rename an index: drop it and create it again under the new name.
  absl::Status operator()(const RenameIndex& op) {
    const Table* table = FindTable(catalog_, op.schema, op.table);
    const Index* index = nullptr;
    if (table != nullptr) {
      for (const Index& candidate : table->indexes) {
        if (candidate.name == op.from) index = &candidate;
      }
    }
    if (index == nullptr) {
      return absl::FailedPreconditionError(absl::StrCat("cannot rename index ", op.from,
                                                        ": no such index on ",
                                                        QualifiedName(op.schema, op.table)));
    }
    Index renamed = *index;
    renamed.name = op.to;
    ASSIGN_OR_RETURN(const std::string drop, SqliteDropIndex(dialect_, op.schema, op.from));
    ASSIGN_OR_RETURN(const std::string create,
                     SqliteCreateIndex(dialect_, op.schema, op.table, renamed));
    out_->Statement(drop);
    out_->Statement(create);
    return absl::OkStatus();
  }
  absl::Status operator()(const SetTableComment&) {
    out_->Comment("SQLite stores no table comments: nothing to do.");
    return absl::OkStatus();
  }
  absl::Status operator()(const CreateEnum&) { return NoEnums(); }
  absl::Status operator()(const DropEnum&) { return NoEnums(); }
  absl::Status operator()(const AlterEnum&) { return NoEnums(); }
  // Always folded into a CREATE TABLE or a rebuild by the caller.
  absl::Status operator()(const CreateTable&) { return Folded(); }
  absl::Status operator()(const AddConstraint&) { return Folded(); }
  absl::Status operator()(const DropConstraint&) { return Folded(); }
  absl::Status operator()(const RenameConstraint&) { return Folded(); }
  absl::Status operator()(const AlterTableOptions&) { return Folded(); }

 private:
  std::string Name(std::string_view schema, std::string_view name) const {
    return SqliteQualified(dialect_, schema, name);
  }
  absl::Status NoEnums() {
    out_->Comment("SQLite has no enum types (enum columns are rendered inline): nothing to do.");
    return absl::OkStatus();
  }
  static absl::Status Folded() {
    return absl::InternalError("SQLite renderer: op needs a table rebuild");
  }

  const Dialect& dialect_;
  const Catalog& catalog_;
  SqlWriter* out_;
};

// Renders a whole plan, tracking the schema as it evolves.
class SqliteScript {
 public:
  SqliteScript(const Plan& plan, const Catalog& from, const Dialect& dialect)
      : plan_(plan), dialect_(dialect), work_(from), folded_(plan.steps.size(), false) {}

  absl::StatusOr<std::string> Render() {
    out_.Comment(absl::StrCat("Generated by schemadiff ", Absl(Version()), ": SQLite, ",
                              plan_.steps.size(), " operation(s)."));
    for (const Warning& note : plan_.notes) out_.AddWarning(note);
    if (plan_.steps.empty()) {
      out_.Comment("No changes.");
      return out_.text();
    }
    out_.Comment("Run it with the sqlite3 shell: sqlite3 DATABASE < THIS_FILE");
    out_.Comment(".bail on stops at the first error; the open transaction is then rolled back.");
    out_.Line(".bail on");
    out_.Statement("PRAGMA foreign_keys=OFF");
    out_.Statement("BEGIN");
    for (size_t i = 0; i < plan_.steps.size(); ++i) RETURN_IF_ERROR(RenderStep(i));
    out_.BlankLine();
    out_.Statement("PRAGMA foreign_key_check");
    out_.Statement("COMMIT");
    out_.Statement("PRAGMA foreign_keys=ON");
    return out_.text();
  }

 private:
  absl::Status RenderStep(size_t index) {
    const Step& step = plan_.steps[index];
    if (!folded_[index]) {
      out_.BlankLine();
      if (std::holds_alternative<CreateTable>(step.op) || RunNeedsRebuild(index)) {
        RETURN_IF_ERROR(RenderFolded(index));
      } else {
        out_.Comment(DescribeOp(step.op));
        for (const Warning& warning : step.warnings) out_.AddWarning(warning);
        RETURN_IF_ERROR(std::visit(NativeRenderer(dialect_, work_, &out_), step.op));
      }
    }
    return ApplyOp(step.op, &work_);
  }

  // Whether the run of ops of the table of step `first` (from it up to the table being
  // created, dropped or renamed) holds an op that needs a rebuild. If so the rebuild starts at
  // `first`, so that ALTERs SQLite could do in place (some of which rewrite the table, like DROP
  // COLUMN) are not done before rewriting the table anyway.
  bool RunNeedsRebuild(size_t first) const {
    const Op& op = plan_.steps[first].op;
    if (std::holds_alternative<DropTable>(op) || std::holds_alternative<RenameTable>(op)) {
      return false;
    }
    const TableKey key = OpTable(op);
    if (key.second.empty()) return false;
    size_t end = first + 1;
    while (end < plan_.steps.size() && !EndsTableRun(plan_.steps[end].op, key)) ++end;
    Catalog scratch = TableScratch(key, first, end);
    for (size_t i = first; i < end; ++i) {
      const Op& later = plan_.steps[i].op;
      if (!Replays(later, key, scratch)) continue;
      if (!folded_[i] && OpTable(later) == key && SqliteNeedsRebuild(later, scratch)) return true;
      // An op that does not apply is reported when it is rendered.
      if (!ApplyOp(later, &scratch).ok()) break;
    }
    return false;
  }

  // A catalog with what the steps [first, end) need to replay the state of table `key`: that
  // table as it is now, the tables those steps rename a column of or rename (which updates the
  // foreign keys of `key` that refer to them), and the enum types. Copying the whole schema for
  // every table would make rendering quadratic in the number of tables.
  Catalog TableScratch(const TableKey& key, size_t first, size_t end) const {
    Catalog scratch;
    scratch.dialect = work_.dialect;
    scratch.enums = work_.enums;
    scratch.naming_convention = work_.naming_convention;
    auto add = [&](const std::string& schema, const std::string& name) {
      if (FindTable(scratch, schema, name) != nullptr) return;
      if (const Table* table = FindTable(work_, schema, name)) scratch.tables.push_back(*table);
    };
    add(key.first, key.second);
    for (size_t i = first; i < end; ++i) {
      const Op& op = plan_.steps[i].op;
      if (const auto* rename = std::get_if<RenameTable>(&op)) add(rename->schema, rename->from);
      if (const auto* rename = std::get_if<RenameColumn>(&op)) add(rename->schema, rename->table);
    }
    return scratch;
  }

  // Whether `op` is replayed on a TableScratch of `key`: the ops of that table, and renames of
  // tables the scratch holds.
  static bool Replays(const Op& op, const TableKey& key, const Catalog& scratch) {
    if (OpTable(op) == key) return true;
    if (const auto* rename = std::get_if<RenameTable>(&op)) {
      return FindTable(scratch, rename->schema, rename->from) != nullptr;
    }
    if (const auto* rename = std::get_if<RenameColumn>(&op)) {
      return FindTable(scratch, rename->schema, rename->table) != nullptr;
    }
    return false;
  }

  // Renders the step at `first` together with the later ops of its table (up to the table
  // being created, dropped or renamed again) as one CREATE TABLE or one rebuild.
  absl::Status RenderFolded(size_t first) {
    const Op& op = plan_.steps[first].op;
    const TableKey key = OpTable(op);
    std::vector<size_t> members = {first};
    for (size_t i = first + 1; i < plan_.steps.size(); ++i) {
      if (folded_[i]) continue;
      const Op& later = plan_.steps[i].op;
      if (EndsTableRun(later, key)) break;
      if (OpTable(later) == key) members.push_back(i);
    }
    for (size_t i : members) folded_[i] = true;

    // The table's final state: every op up to the last member that bears on it, in plan order.
    Catalog scratch = TableScratch(key, first, members.back() + 1);
    for (size_t i = first; i <= members.back(); ++i) {
      const Op& later = plan_.steps[i].op;
      if (Replays(later, key, scratch)) RETURN_IF_ERROR(ApplyOp(later, &scratch));
    }
    const Table* after = FindTable(scratch, key.first, key.second);
    if (after == nullptr) {
      return absl::InternalError(absl::StrCat("SQLite renderer: table ",
                                              QualifiedName(key.first, key.second),
                                              " is missing after its operations"));
    }

    const bool create = std::holds_alternative<CreateTable>(op);
    if (!create) {
      out_.Comment(absl::StrCat("Rebuild table ", QualifiedName(key.first, key.second),
                                " (SQLite cannot ALTER it in place):"));
    }
    for (size_t i : members) out_.Comment(DescribeOp(plan_.steps[i].op));
    for (size_t i : members) {
      for (const Warning& warning : plan_.steps[i].warnings) out_.AddWarning(warning);
    }
    if (create) return WriteCreate(*after);

    const Table* before = FindTable(work_, key.first, key.second);
    if (before == nullptr) {
      return absl::FailedPreconditionError(absl::StrCat(
          "cannot alter table ", QualifiedName(key.first, key.second), ": it does not exist"));
    }
    SqliteRebuild rebuild{*before, *after, {}, TempName(key)};
    for (size_t i : members) rebuild.ops.push_back(plan_.steps[i].op);
    return WriteSqliteRebuild(dialect_, rebuild, &out_);
  }

  absl::Status WriteCreate(const Table& table) {
    ASSIGN_OR_RETURN(const std::string sql, SqliteCreateTable(dialect_, table, table.name));
    out_.Statement(sql);
    for (const Index& index : table.indexes) {
      ASSIGN_OR_RETURN(const std::string create,
                       SqliteCreateIndex(dialect_, table.schema, table.name, index));
      out_.Statement(create);
    }
    for (const Trigger& trigger : table.triggers) out_.Statement(SqliteCreateTrigger(trigger));
    return absl::OkStatus();
  }

  // "_new_<name>", made unique among the tables (SQLite compares names case-insensitively).
  std::string TempName(const TableKey& key) const {
    const std::string base = absl::StrCat("_new_", key.second);
    std::string name = base;
    for (int n = 2;; ++n) {
      bool taken = false;
      for (const Table& table : work_.tables) {
        taken = taken || (table.schema == key.first &&
                          absl::AsciiStrToLower(table.name) == absl::AsciiStrToLower(name));
      }
      if (!taken) return name;
      name = absl::StrCat(base, "_", n);
    }
  }

  const Plan& plan_;
  const Dialect& dialect_;
  Catalog work_;              // the schema after the steps rendered so far
  std::vector<bool> folded_;  // steps already rendered as part of an earlier CREATE / rebuild
  SqlWriter out_;
};

}  // namespace

absl::StatusOr<std::string> RenderSqliteSql(const Plan& plan, const Catalog& from,
                                            const Dialect& dialect,
                                            const SqlRenderOptions& /*options*/) {
  return SqliteScript(plan, from, dialect).Render();
}

}  // namespace schemadiff
