// The body of upgrade() / downgrade(): steps in order, with batch blocks where the dialect
// can only rebuild a table (SQLite).
//
// Batch blocks pass copy_from= with the table's exact definition, tracked with ApplyOp, instead
// of letting Alembic reflect the table: SQLAlchemy 1.4's SQLite reflection drops unnamed CHECK
// constraints (Alembic skips them on purpose), partial-index predicates, expression indexes,
// collations and AUTOINCREMENT, and a rebuild would silently lose them. Batch operations can
// only address named constraints, so unnamed constraints and the primary key are written in the
// definition as they will be after the block; their ops appear as comments in the block.
#include <algorithm>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "diff/apply.h"
#include "render/alembic_internal.h"
#include "render/mysql_plan.h"
#include "render/plan_tables.h"
#include "render/python_literal.h"
#include "render/sqlite_ddl.h"

namespace schemadiff::alembic {
namespace {

// The temporary table that holds a table's AUTOINCREMENT counter during a rebuild.
constexpr char kSequenceCopy[] = "_schemadiff_sequence";

// A dialect that changes columns and constraints only by rebuilding the table.
bool RebuildOnly(const Dialect& dialect) { return !dialect.capabilities().alter_column_type; }

// Ops that can go inside a batch block.
bool Batchable(const Op& op) {
  return std::holds_alternative<AddColumn>(op) || std::holds_alternative<DropColumn>(op) ||
         std::holds_alternative<AlterColumn>(op) || std::holds_alternative<AddConstraint>(op) ||
         std::holds_alternative<DropConstraint>(op) ||
         std::holds_alternative<RenameConstraint>(op) ||
         std::holds_alternative<AlterTableOptions>(op);
}

// A rowid table whose rowid has no INTEGER PRIMARY KEY alias: batch mode's copy cannot carry
// its rowids over.
bool HasBareRowid(const Table& table, const Dialect& dialect) {
  return !SqliteOptionOn(table, "without_rowid") && !SqliteHasRowidAlias(dialect, table);
}

// Conservative: any case-insensitive occurrence of the name counts as a use.
bool Mentions(const std::string& sql, const std::string& column) {
  return !sql.empty() &&
         absl::StrContains(absl::AsciiStrToLower(sql), absl::AsciiStrToLower(column));
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// SQLite's ALTER TABLE DROP COLUMN refuses columns used by keys, indexes, constraints or
// generated columns; those need a rebuild.
bool SqliteColumnInUse(const Table& table, const std::string& column) {
  if (table.primary_key && Contains(table.primary_key->columns, column)) return true;
  for (const auto& u : table.uniques) {
    if (Contains(u.columns, column)) return true;
  }
  for (const auto& f : table.foreign_keys) {
    if (Contains(f.columns, column)) return true;
  }
  for (const auto& c : table.checks) {
    if (Mentions(c.expression, column)) return true;
  }
  for (const auto& index : table.indexes) {
    if (Mentions(index.where, column)) return true;
    for (const auto& e : index.elements) {
      if (e.column == column || Mentions(e.expression, column)) return true;
    }
  }
  for (const auto& other : table.columns) {
    if (other.generated && Mentions(other.generated->expression, column)) return true;
  }
  return false;
}

// SQLite's ALTER TABLE ADD COLUMN takes no NOT NULL column without a non-null default, no
// CURRENT_* or expression default, no STORED generated column and no AUTOINCREMENT.
bool SqliteAddColumnNeedsRebuild(const Column& column) {
  const std::optional<DefaultExpr>& d = column.server_default;
  if (!column.nullable && (!d || d->kind == DefaultKind::kNull)) return true;
  if (d && (d->kind == DefaultKind::kCurrentTimestamp || d->kind == DefaultKind::kCurrentDate ||
            d->kind == DefaultKind::kCurrentTime || d->kind == DefaultKind::kExpression)) {
    return true;
  }
  return (column.generated && column.generated->stored) || column.autoincrement;
}

// Whether `op` needs a table rebuild on `dialect`, given the schema right before it.
bool NeedsRebuild(const Op& op, const Catalog& state, const Dialect& dialect) {
  const DialectCapabilities& caps = dialect.capabilities();
  if (const auto* add = std::get_if<AddColumn>(&op)) {
    return RebuildOnly(dialect) && SqliteAddColumnNeedsRebuild(add->column);
  }
  if (const auto* drop = std::get_if<DropColumn>(&op)) {
    if (!caps.drop_column) return true;
    const Table* table = FindTable(state, drop->schema, drop->table);
    return RebuildOnly(dialect) && table != nullptr && SqliteColumnInUse(*table, drop->column.name);
  }
  if (const auto* alter = std::get_if<AlterColumn>(&op)) {
    const uint32_t c = alter->changes;
    return ((c & (kAlterType | kAlterCollation)) && !caps.alter_column_type) ||
           ((c & kAlterNullable) && !caps.alter_column_nullability) ||
           ((c & (kAlterDefault | kAlterOnUpdate)) && !caps.alter_column_default) ||
           ((c & kAlterComment) && !caps.comments) ||
           ((c & (kAlterAutoincrement | kAlterGenerated)) && RebuildOnly(dialect));
  }
  if (std::holds_alternative<AddConstraint>(op) || std::holds_alternative<DropConstraint>(op)) {
    return !caps.add_drop_constraints;
  }
  if (std::holds_alternative<RenameConstraint>(op)) return !caps.rename_constraint;
  if (std::holds_alternative<AlterTableOptions>(op)) return RebuildOnly(dialect);
  return false;
}

// Columns a table constraint is declared on (empty for CHECKs, which name none).
std::vector<std::string> ConstraintColumns(const Constraint& c) {
  if (const auto* pk = std::get_if<PrimaryKey>(&c)) return pk->columns;
  if (const auto* u = std::get_if<UniqueConstraint>(&c)) return u->columns;
  if (const auto* f = std::get_if<ForeignKey>(&c)) return f->columns;
  return {};
}

// Whether a constraint lives in a batch block's table definition rather than in batch ops.
bool InDefinition(const Constraint& c) {
  return std::holds_alternative<PrimaryKey>(c) || ConstraintName(c).empty();
}

// "UNIQUE (a, b)" and friends, for comments.
std::string DescribeConstraint(const Constraint& c) {
  const auto join = [](const std::vector<std::string>& cols) {
    return absl::StrCat("(", absl::StrJoin(cols, ", "), ")");
  };
  std::string text;
  if (const auto* pk = std::get_if<PrimaryKey>(&c)) {
    text = "PRIMARY KEY " + join(pk->columns);
  } else if (const auto* u = std::get_if<UniqueConstraint>(&c)) {
    text = "UNIQUE " + join(u->columns);
  } else if (const auto* f = std::get_if<ForeignKey>(&c)) {
    text = absl::StrCat("FOREIGN KEY ", join(f->columns), " REFERENCES ", f->referred_table,
                        join(f->referred_columns));
  } else {
    text = absl::StrCat("CHECK (", std::get<CheckConstraint>(c).expression, ")");
  }
  const std::string& name = ConstraintName(c);
  return CommentText(name.empty() ? text : absl::StrCat(name, " ", text));
}

// Renders the steps of one plan into lines relative to the function body.
class BodyRenderer {
 public:
  BodyRenderer(FileContext* file, Catalog state) : file_(file), state_(std::move(state)) {}

  absl::Status RenderSteps(const std::vector<Step>& steps) {
    const Dialect& dialect = *file_->dialect;
    tables_ = PlanTables(steps);
    size_t i = 0;
    while (i < steps.size()) {
      if (!RebuildOnly(dialect) || !Batchable(steps[i].op)) {
        RETURN_IF_ERROR(RenderTopLevel(steps[i]));
        ++i;
        continue;
      }
      const auto table = OpTable(steps[i].op);
      std::vector<const Step*> run;
      while (i < steps.size() && Batchable(steps[i].op) && OpTable(steps[i].op) == table) {
        run.push_back(&steps[i]);
        ++i;
      }
      RETURN_IF_ERROR(RenderRun(run));
    }
    return absl::OkStatus();
  }

  std::vector<std::string>& lines() { return lines_; }
  bool wrote_ops() const { return wrote_ops_; }

 private:
  // The context of an op on a table in `table_schema`.
  OpContext Context(bool in_batch, const std::string& table_schema) const {
    OpContext ctx;
    ctx.file = file_;
    ctx.state = &state_;
    ctx.in_batch = in_batch;
    ctx.table_schema = table_schema;
    return ctx;
  }

  void Emit(const Lines& lines, int depth) {
    const std::string indent(4 * depth, ' ');
    for (const std::string& line : lines) lines_.push_back(line.empty() ? line : indent + line);
  }

  void EmitWarnings(const Step& step, int depth) {
    for (const Warning& w : step.warnings) Emit({RenderWarningComment(w)}, depth);
  }

  absl::Status RenderTopLevel(const Step& step) {
    EmitWarnings(step, 0);
    const auto [schema, table] = OpTable(step.op);
    OpContext ctx = Context(false, schema);
    ctx.lock_safe = tables_.LockSafe(schema, table);
    if (const auto* alter = std::get_if<AlterColumn>(&step.op);
        alter && tables_.FollowsValueRename(*alter, state_)) {
      // The stored default follows the enum's RENAME VALUE by itself (before or after it);
      // setting it apart would name a value that does not exist yet.
      AlterColumn rest = *alter;
      rest.changes &= ~kAlterDefault;
      Emit({"# the default follows the enum value's RENAME VALUE"}, 0);
      if (rest.changes != 0) {
        ASSIGN_OR_RETURN(const Lines lines, RenderOp(rest, ctx));
        Emit(lines, 0);
      }
      wrote_ops_ = true;
    } else {
      ASSIGN_OR_RETURN(const Lines lines, RenderOp(step.op, ctx));
      Emit(lines, 0);
      wrote_ops_ = wrote_ops_ || !lines.empty();
    }
    RETURN_IF_ERROR(ApplyOp(step.op, &state_));
    tables_.Track(step.op);
    return absl::OkStatus();
  }

  // Consecutive batchable steps of one table: a batch block if any of them needs a rebuild.
  absl::Status RenderRun(const std::vector<const Step*>& run) {
    const Dialect& dialect = *file_->dialect;
    Catalog probe = state_;
    bool rebuild = false;
    for (const Step* step : run) {
      rebuild = rebuild || NeedsRebuild(step->op, probe, dialect);
      RETURN_IF_ERROR(ApplyOp(step->op, &probe));
    }
    if (!rebuild) {
      for (const Step* step : run) RETURN_IF_ERROR(RenderTopLevel(*step));
      return absl::OkStatus();
    }
    // Constraints written in the definition must name existing columns: columns added in this
    // run that such constraints use are added first, in their own step.
    std::set<std::string> needed;
    for (const Step* step : run) {
      if (const auto* add = std::get_if<AddConstraint>(&step->op)) {
        if (!InDefinition(add->constraint)) continue;
        for (const std::string& c : ConstraintColumns(add->constraint)) needed.insert(c);
      }
    }
    std::vector<const Step*> hoisted;
    std::vector<const Step*> rest;
    std::set<std::string> touched;  // columns named by earlier ops of the run
    for (const Step* step : run) {
      const auto* add = std::get_if<AddColumn>(&step->op);
      if (add != nullptr && needed.count(add->column.name) && !touched.count(add->column.name)) {
        hoisted.push_back(step);
        continue;
      }
      if (const auto* drop = std::get_if<DropColumn>(&step->op)) touched.insert(drop->column.name);
      if (const auto* alter = std::get_if<AlterColumn>(&step->op)) touched.insert(alter->from.name);
      rest.push_back(step);
    }
    if (!hoisted.empty()) {
      RETURN_IF_ERROR(RenderRun(hoisted));
      return RenderRun(rest);
    }
    return RenderBatch(run);
  }

  absl::Status RenderBatch(const std::vector<const Step*>& run) {
    const auto [schema, name] = OpTable(run.front()->op);
    const Table* now = FindTable(state_, schema, name);
    Catalog after_catalog = state_;
    for (const Step* step : run) RETURN_IF_ERROR(ApplyOp(step->op, &after_catalog));
    const Table* after = FindTable(after_catalog, schema, name);
    if (now == nullptr || after == nullptr) {
      return absl::FailedPreconditionError(absl::StrCat("table ", QualifiedName(schema, name),
                                                        " is not in the schema being migrated"));
    }
    const Table before_table = *now;  // state_ moves on while the block is rendered
    const Table* before = &before_table;
    // The definition: columns, named constraints and indexes as they are now; the primary key,
    // unnamed constraints and AUTOINCREMENT as they will be.
    Table definition = *before;
    definition.primary_key = after->primary_key;
    definition.options = after->options;
    const auto named = [](const auto& c) { return !c.name.empty(); };
    const auto unnamed = [](const auto& c) { return c.name.empty(); };
    const auto merge = [&](auto& out, const auto& now, const auto& later) {
      out.clear();
      std::copy_if(now.begin(), now.end(), std::back_inserter(out), named);
      std::copy_if(later.begin(), later.end(), std::back_inserter(out), unnamed);
    };
    merge(definition.uniques, before->uniques, after->uniques);
    merge(definition.foreign_keys, before->foreign_keys, after->foreign_keys);
    merge(definition.checks, before->checks, after->checks);
    for (Column& column : definition.columns) {
      const Column* later = FindColumn(*after, column.name);
      if (later != nullptr) column.autoincrement = later->autoincrement;
    }

    // The block's statements, rendered against the evolving schema.
    std::vector<std::string> outer;
    lines_.swap(outer);
    bool folded = false;
    bool auto_recreates = false;
    bool has_ops = false;
    for (const Step* step : run) {
      EmitWarnings(*step, 1);
      ASSIGN_OR_RETURN(const Lines body, BatchStatements(step->op, &folded));
      Emit(body, 1);
      for (const std::string& line : body) {
        if (!absl::StartsWith(line, "batch_op.")) continue;
        has_ops = true;
        // Alembic's recreate="auto" rebuilds for anything but add_column with a plain default.
        auto_recreates = auto_recreates || !absl::StartsWith(line, "batch_op.add_column(") ||
                         absl::StrContains(line, "server_default=sa.text(") ||
                         absl::StrContains(line, "persisted=True");
      }
      RETURN_IF_ERROR(ApplyOp(step->op, &state_));
    }
    if (!has_ops) Emit({"pass"}, 1);
    lines_.swap(outer);

    for (const Step* step : run) {
      if (const auto* alter = std::get_if<AlterColumn>(&step->op)) {
        Emit(FillNullsBeforeNotNull(*alter, *file_->dialect), 0);
      }
    }
    const OpContext ctx = Context(false, schema);
    const Dialect& dialect = *file_->dialect;
    ASSIGN_OR_RETURN(Lines table_def, RenderTableDefinition(definition, ctx));
    const std::string quoted_name = dialect.QuoteString(name);
    const bool keep_sequence =
        SqliteAutoincrementKey(*before) != nullptr && SqliteAutoincrementKey(*after) != nullptr;
    if (HasBareRowid(*before, dialect) && HasBareRowid(*after, dialect)) {
      Emit({absl::StrCat("# WARNING [table-rebuild]: ", CommentText(name),
                         " has no INTEGER PRIMARY KEY: the batch copy gives its rows new rowids "
                         "(--format sql keeps them)")},
           0);
    }
    if (keep_sequence) {
      Emit(
          {"# keep the AUTOINCREMENT counter across the rebuild: ids of deleted rows stay unused",
           Execute(absl::StrCat("CREATE TEMP TABLE ", dialect.QuoteIdentifier(kSequenceCopy),
                                " AS SELECT seq FROM sqlite_sequence WHERE name = ", quoted_name))},
          0);
    }
    Emit({absl::StrCat("# copy_from: ", CommentText(name),
                       " as batch mode rebuilds it (SQLite reflection would lose CHECK "
                       "constraints, partial and expression indexes, collations, AUTOINCREMENT)")},
         0);
    if (folded) {
      Emit({"# the primary key and unnamed constraints are written as they will be after this "
            "block: batch_op can only drop or add named constraints"},
           0);
    }
    table_def.front() = "table_def = " + table_def.front();
    Emit(table_def, 0);
    Emit({"# views and triggers on the table refer to the rebuilt one once it has its name back",
          Execute("PRAGMA legacy_alter_table = ON")},
         0);
    Emit({absl::StrCat("with op.batch_alter_table(", PythonStr(name),
                       ", schema=", schema.empty() ? "None" : PythonStr(schema),
                       auto_recreates ? "" : ", recreate='always'",
                       ", copy_from=table_def) as batch_op:")},
         0);
    lines_.insert(lines_.end(), outer.begin(), outer.end());
    lines_.push_back("");
    Emit({Execute("PRAGMA legacy_alter_table = OFF")}, 0);
    if (keep_sequence) {
      const std::string copy = dialect.QuoteIdentifier(kSequenceCopy);
      Emit({Execute(absl::StrCat("DELETE FROM sqlite_sequence WHERE name = ", quoted_name)),
            Execute(absl::StrCat("INSERT INTO sqlite_sequence (name, seq) SELECT ", quoted_name,
                                 ", seq FROM ", copy)),
            Execute(absl::StrCat("DROP TABLE ", copy))},
           0);
    }
    wrote_ops_ = true;
    return absl::OkStatus();
  }

  // One op inside a batch block; constraint changes kept in the definition become comments.
  absl::StatusOr<Lines> BatchStatements(const Op& op, bool* folded) {
    const OpContext ctx = Context(true, OpTable(op).first);
    if (std::holds_alternative<AlterTableOptions>(op)) {
      return Lines{"# new table options: in the table definition above"};
    }
    if (const auto* add = std::get_if<AddConstraint>(&op); add && InDefinition(add->constraint)) {
      *folded = true;
      return Lines{absl::StrCat("# add ", DescribeConstraint(add->constraint),
                                ": in the table definition above")};
    }
    if (const auto* drop = std::get_if<DropConstraint>(&op);
        drop && InDefinition(drop->constraint)) {
      *folded = true;
      return Lines{absl::StrCat("# drop ", DescribeConstraint(drop->constraint),
                                ": left out of the table definition above")};
    }
    if (const auto* rename = std::get_if<RenameConstraint>(&op)) {
      // A rename is a drop and an add here; each half may belong to the definition.
      const Table* table = FindTable(state_, rename->schema, rename->table);
      std::optional<Constraint> existing;
      if (table != nullptr) existing = FindConstraint(*table, rename->from);
      if (!existing) {
        return absl::FailedPreconditionError(absl::StrCat(
            "constraint ", rename->from, " of ", QualifiedName(rename->schema, rename->table),
            " is not in the schema being migrated"));
      }
      Constraint renamed = *existing;
      std::visit(
          [&](auto& c) {
            c.name = rename->to;
            c.name_origin = NameOrigin::kExplicit;
          },
          renamed);
      ASSIGN_OR_RETURN(
          Lines lines,
          BatchStatements(DropConstraint{rename->schema, rename->table, *existing}, folded));
      ASSIGN_OR_RETURN(
          Lines add,
          BatchStatements(AddConstraint{rename->schema, rename->table, renamed}, folded));
      lines.insert(lines.begin(), absl::StrCat("# rename constraint ", CommentText(rename->from),
                                               " to ", CommentText(rename->to)));
      lines.insert(lines.end(), add.begin(), add.end());
      return lines;
    }
    return RenderOp(op, ctx);
  }

  FileContext* file_;
  Catalog state_;
  // Tables the plan creates and drops, its enum value renames (table ops are never inside batch
  // blocks, so top-level steps are all it tracks).
  PlanTables tables_;
  std::vector<std::string> lines_;
  bool wrote_ops_ = false;
};

}  // namespace

std::string RenderWarningComment(const Warning& warning) {
  return absl::StrCat("# ", warning.severity == Severity::kInfo ? "NOTE" : "WARNING", " [",
                      CommentText(warning.code), "]: ", CommentText(warning.message));
}

absl::StatusOr<std::vector<std::string>> RenderBody(const Plan& plan, const Catalog& from,
                                                    FileContext* file) {
  std::vector<std::string> lines;
  for (const Warning& note : plan.notes) lines.push_back(RenderWarningComment(note));
  lines.push_back("# ### commands auto generated by Alembic - please adjust! ###");
  BodyRenderer renderer(file, from);
  // MySQL refuses to change columns a foreign key uses: drop and re-add such keys around it.
  const std::optional<Plan> detoured =
      file->dialect->name() == "mysql" ? WithMysqlForeignKeyDetours(plan, from) : std::nullopt;
  RETURN_IF_ERROR(renderer.RenderSteps(detoured ? detoured->steps : plan.steps));
  lines.insert(lines.end(), renderer.lines().begin(), renderer.lines().end());
  if (!renderer.wrote_ops()) lines.push_back("pass");
  lines.push_back("# ### end Alembic commands ###");
  return lines;
}

}  // namespace schemadiff::alembic
