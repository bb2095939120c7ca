// One render function per op kind. std::visit over the Op variant with an overload per kind
// (no catch-all), so the compiler proves every op kind is handled.
//
// Where Alembic has no operation the op is written as op.execute() with the dialect's SQL
// (PostgreSQL: ALTER INDEX ... RENAME, ALTER TABLE ... RENAME CONSTRAINT, ALTER TYPE; MySQL:
// ALTER TABLE ... RENAME INDEX and table options), or, where the dialect cannot rename at all
// (SQLite), as a drop and re-create of the index or constraint, with a comment saying so.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/dialect_mysql.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "diff/apply.h"
#include "render/alembic_internal.h"
#include "render/mysql_ddl.h"
#include "render/postgres_alter.h"
#include "render/python_literal.h"

namespace schemadiff::alembic {
namespace {

// ", schema='s'" outside batch blocks when the table is not in the default schema.
std::string SchemaKwarg(const std::string& schema, const OpContext& ctx) {
  if (schema.empty() || ctx.in_batch) return "";
  return ", schema=" + PythonStr(schema);
}

// "'table', " outside batch blocks (batch_op calls name no table).
std::string TableArg(const std::string& table, const OpContext& ctx) {
  return ctx.in_batch ? "" : PythonStr(table) + ", ";
}

std::string PythonBool(bool value) { return value ? "True" : "False"; }

std::string PythonList(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const std::string& item : items) quoted.push_back(PythonStr(item));
  return absl::StrCat("[", absl::StrJoin(quoted, ", "), "]");
}

// The dialect's SQL name of a table or type, schema-qualified when needed.
std::string QualifiedSql(const std::string& schema, const std::string& name,
                         const Dialect& dialect) {
  if (schema.empty()) return dialect.QuoteIdentifier(name);
  return absl::StrCat(dialect.QuoteIdentifier(schema), ".", dialect.QuoteIdentifier(name));
}

absl::StatusOr<const Table*> StateTable(const std::string& schema, const std::string& name,
                                        const OpContext& ctx) {
  const Table* table = FindTable(*ctx.state, schema, name);
  if (table == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat("table ", QualifiedName(schema, name),
                                                      " is not in the schema being migrated"));
  }
  return table;
}

absl::StatusOr<const Column*> StateColumn(const std::string& schema, const std::string& table,
                                          const std::string& column, const OpContext& ctx) {
  ASSIGN_OR_RETURN(const Table* t, StateTable(schema, table, ctx));
  const Column* c = FindColumn(*t, column);
  if (c == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat("column ", QualifiedName(schema, table), ".",
                                                      column,
                                                      " is not in the schema being migrated"));
  }
  return c;
}

// The named constraint `name` of a table in the current schema.
absl::StatusOr<Constraint> StateConstraint(const std::string& schema, const std::string& table,
                                           const std::string& name, const OpContext& ctx) {
  ASSIGN_OR_RETURN(const Table* t, StateTable(schema, table, ctx));
  std::optional<Constraint> found = FindConstraint(*t, name);
  if (!found) {
    return absl::FailedPreconditionError(absl::StrCat("constraint ", name, " of ",
                                                      QualifiedName(schema, table),
                                                      " is not in the schema being migrated"));
  }
  return *found;
}

// Gives `constraint` a new name (kept verbatim: it came from a rename op).
Constraint Renamed(Constraint constraint, const std::string& name) {
  std::visit(
      [&](auto& c) {
        c.name = name;
        c.name_origin = NameOrigin::kExplicit;
      },
      constraint);
  return constraint;
}

// Alembic's type_= keyword for drop_constraint.
std::string ConstraintType(const Constraint& c) {
  switch (c.index()) {
    case 0:
      return "primary";
    case 1:
      return "unique";
    case 2:
      return "foreignkey";
    default:
      return "check";
  }
}

// The keyword arguments of an alter_column call, in Alembic's order.
class AlterArgs {
 public:
  void Add(const std::string& key, const std::string& value) {
    args_.push_back(absl::StrCat(key, "=", value));
  }
  // "<head>" then one continuation line per argument, Alembic style.
  Lines Render(const std::string& head) const {
    Lines lines = {head + (args_.empty() ? ")" : ",")};
    for (size_t i = 0; i < args_.size(); ++i) {
      lines.push_back(absl::StrCat("           ", args_[i], i + 1 < args_.size() ? "," : ")"));
    }
    return lines;
  }

 private:
  std::vector<std::string> args_;
};

// existing_* keywords describing an unchanged column (renames, MySQL CHANGE COLUMN needs them).
absl::Status AddExisting(const Column& column, const OpContext& ctx, AlterArgs* args) {
  ASSIGN_OR_RETURN(const std::string type, RenderType(column.type, &column, ctx));
  args->Add("existing_type", type);
  if (column.comment) args->Add("existing_comment", PythonStr(*column.comment));
  args->Add("existing_nullable", PythonBool(column.nullable));
  const std::string server_default = RenderServerDefault(column, ctx);
  if (!server_default.empty()) args->Add("existing_server_default", server_default);
  return absl::OkStatus();
}

// sa.Identity(...) for `identity`, with start / increment spelled out (as 1) when `other` sets
// them: Alembic compares only the attributes given, so leaving them out would keep old values.
std::string IdentityExpr(Identity identity, const std::optional<Identity>& other) {
  if (other && other->start && !identity.start) identity.start = 1;
  if (other && other->increment && !identity.increment) identity.increment = 1;
  std::string out = absl::StrCat("sa.Identity(always=", PythonBool(identity.always));
  if (identity.start) absl::StrAppend(&out, ", start=", *identity.start);
  if (identity.increment) absl::StrAppend(&out, ", increment=", *identity.increment);
  return out + ")";
}

}  // namespace

std::string Execute(const std::string& sql) {
  return absl::StrCat("op.execute(", PythonSqlText(sql), ")");
}

Lines FillNullsBeforeNotNull(const AlterColumn& op, const Dialect& dialect) {
  if (!(op.changes & kAlterNullable) || op.to.nullable || !op.to.server_default) return {};
  const std::string table = QualifiedSql(op.schema, op.table, dialect);
  const std::string column = dialect.QuoteIdentifier(op.from.name);
  return {absl::StrCat("# rows holding NULL take the new default before ",
                       CommentText(op.from.name), " becomes NOT NULL"),
          Execute(absl::StrCat("UPDATE ", table, " SET ", column, " = ",
                               dialect.RenderDefault(*op.to.server_default, op.to.type), " WHERE ",
                               column, " IS NULL"))};
}

namespace {

struct OpRenderer {
  const OpContext& ctx;

  absl::StatusOr<Lines> operator()(const CreateTable& op) const {
    const Table& table = op.table;
    ASSIGN_OR_RETURN(std::vector<std::string> elements,
                     RenderColumnAndConstraintElements(table, ctx));
    if (!table.schema.empty()) elements.push_back("schema=" + PythonStr(table.schema));
    if (table.comment) elements.push_back("comment=" + PythonStr(*table.comment));
    ASSIGN_OR_RETURN(std::vector<std::string> kwargs, RenderTableKwargs(table, ctx));
    for (std::string& kwarg : kwargs) elements.push_back(std::move(kwarg));
    return ElementLines(absl::StrCat("op.create_table(", PythonStr(table.name), ","), elements);
  }

  absl::StatusOr<Lines> operator()(const DropTable& op) const {
    return Lines{absl::StrCat("op.drop_table(", PythonStr(op.table.name),
                              SchemaKwarg(op.table.schema, ctx), ")")};
  }

  absl::StatusOr<Lines> operator()(const RenameTable& op) const {
    return Lines{absl::StrCat("op.rename_table(", PythonStr(op.from), ", ", PythonStr(op.to),
                              SchemaKwarg(op.schema, ctx), ")")};
  }

  absl::StatusOr<Lines> operator()(const AddColumn& op) const {
    ASSIGN_OR_RETURN(const Table* table, StateTable(op.schema, op.table, ctx));
    ASSIGN_OR_RETURN(const std::string column, RenderColumn(op.column, *table, ctx));
    return Lines{absl::StrCat(ctx.prefix(), "add_column(", TableArg(op.table, ctx), column,
                              SchemaKwarg(op.schema, ctx), ")")};
  }

  absl::StatusOr<Lines> operator()(const DropColumn& op) const {
    return Lines{absl::StrCat(ctx.prefix(), "drop_column(", TableArg(op.table, ctx),
                              PythonStr(op.column.name), SchemaKwarg(op.schema, ctx), ")")};
  }

  absl::StatusOr<Lines> operator()(const AlterColumn& op) const {
    if (op.changes & kAlterGenerated) {
      // Neither Alembic nor the databases alter a generation expression in place: the column
      // is dropped and added again (its values are computed, so nothing is lost).
      Lines lines = {"# the generated column is re-created with its new definition"};
      ASSIGN_OR_RETURN(Lines drop, (*this)(DropColumn{op.schema, op.table, op.from}));
      ASSIGN_OR_RETURN(Lines add, (*this)(AddColumn{op.schema, op.table, op.to}));
      lines.insert(lines.end(), drop.begin(), drop.end());
      lines.insert(lines.end(), add.begin(), add.end());
      return lines;
    }
    const Column& from = op.from;
    const Column& to = op.to;
    const bool pg = ctx.dialect().name() == "postgresql";
    // In a batch block the fill runs before the block (see RenderBatch).
    Lines lines = ctx.in_batch ? Lines{} : FillNullsBeforeNotNull(op, ctx.dialect());
    const bool autoincrement_changed = op.changes & kAlterAutoincrement;
    const bool identity_changed = autoincrement_changed && from.identity != to.identity;
    // PostgreSQL serial columns are a sequence plus a default: SQL of their own.
    const bool pg_serial = pg && autoincrement_changed && from.autoincrement != to.autoincrement;
    const std::string using_sql =
        pg && (op.changes & kAlterType) ? PgUsingExpression(op, *ctx.state) : "";
    bool default_changed =
        (op.changes & (kAlterDefault | kAlterOnUpdate)) && !(pg && to.autoincrement);
    if (pg_serial) {
      const Lines removal = PgSerialRemoval(op);
      lines.insert(lines.end(), removal.begin(), removal.end());
    }
    AlterArgs args;
    ASSIGN_OR_RETURN(const std::string existing_type, RenderType(from.type, &from, ctx));
    const std::string existing_default = RenderServerDefault(from, ctx);
    if (!using_sql.empty() && !existing_default.empty()) {
      AlterArgs drop;
      drop.Add("existing_type", existing_type);
      drop.Add("server_default", "None");
      drop.Add("existing_nullable", PythonBool(from.nullable));
      if (!op.schema.empty()) drop.Add("schema", PythonStr(op.schema));
      lines.push_back("# the old default may not convert: dropped first, set again with the type");
      const Lines call = drop.Render(
          absl::StrCat("op.alter_column(", TableArg(op.table, ctx), PythonStr(from.name)));
      lines.insert(lines.end(), call.begin(), call.end());
      default_changed = !RenderServerDefault(to, ctx).empty();
    }
    const bool default_dropped = !using_sql.empty() && !existing_default.empty();
    bool changes_something = default_changed || identity_changed;
    args.Add("existing_type", existing_type);
    if (identity_changed) {
      args.Add("server_default", to.identity ? IdentityExpr(*to.identity, from.identity) : "None");
    } else if (default_changed) {
      const std::string rendered = RenderServerDefault(to, ctx);
      args.Add("server_default", rendered.empty() ? "None" : rendered);
    }
    if (op.changes & (kAlterType | kAlterCollation)) {
      ASSIGN_OR_RETURN(const std::string type, RenderType(to.type, &to, ctx));
      args.Add("type_", type);
      if (!using_sql.empty()) args.Add("postgresql_using", PythonSqlText(using_sql));
      changes_something = true;
    }
    if (op.changes & kAlterNullable) {
      args.Add("nullable", PythonBool(to.nullable));
      changes_something = true;
    }
    if (op.changes & kAlterComment) {
      args.Add("comment", to.comment ? PythonStr(*to.comment) : "None");
      changes_something = true;
    }
    if (from.comment) args.Add("existing_comment", PythonStr(*from.comment));
    if (!(op.changes & kAlterNullable)) args.Add("existing_nullable", PythonBool(from.nullable));
    if (autoincrement_changed && !identity_changed && !pg) {
      args.Add("autoincrement", PythonBool(to.autoincrement));
      changes_something = true;
    }
    if (identity_changed) {
      // Alembic adds an identity only when told there was none.
      args.Add("existing_server_default",
               from.identity ? IdentityExpr(*from.identity, std::nullopt) : "None");
    } else if (!default_changed && !default_dropped && !existing_default.empty() && !pg_serial) {
      args.Add("existing_server_default", existing_default);
    }
    if (!op.schema.empty() && !ctx.in_batch) args.Add("schema", PythonStr(op.schema));
    if (changes_something) {
      const Lines call = args.Render(absl::StrCat(ctx.prefix(), "alter_column(",
                                                  TableArg(op.table, ctx), PythonStr(from.name)));
      lines.insert(lines.end(), call.begin(), call.end());
    }
    if (pg && autoincrement_changed) {
      const Lines addition = PgSerialAddition(op);
      lines.insert(lines.end(), addition.begin(), addition.end());
    }
    return lines;
  }

  absl::StatusOr<Lines> operator()(const RenameColumn& op) const {
    ASSIGN_OR_RETURN(const Column* column, StateColumn(op.schema, op.table, op.from, ctx));
    AlterArgs args;
    args.Add("new_column_name", PythonStr(op.to));
    RETURN_IF_ERROR(AddExisting(*column, ctx, &args));
    if (!op.schema.empty() && !ctx.in_batch) args.Add("schema", PythonStr(op.schema));
    return args.Render(
        absl::StrCat(ctx.prefix(), "alter_column(", TableArg(op.table, ctx), PythonStr(op.from)));
  }

  absl::StatusOr<Lines> operator()(const CreateIndex& op) const {
    const Index& index = op.index;
    if (index.name.empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "an index on ", QualifiedName(op.schema, op.table),
          " has no name and no naming convention names it; Alembic needs index names"));
    }
    ASSIGN_OR_RETURN(const std::string kwargs, RenderIndexKwargs(index, ctx));
    const bool concurrently = PgConcurrently(ctx);
    const Lines call = {absl::StrCat(
        ctx.prefix(), "create_index(", RenderName(index.name, index.name_origin, ctx), ", ",
        TableArg(op.table, ctx), "[", absl::StrJoin(RenderIndexKeys(index, ctx), ", "),
        "], unique=", PythonBool(index.unique), SchemaKwarg(op.schema, ctx), kwargs,
        concurrently ? ", postgresql_concurrently=True" : "", ")")};
    return concurrently ? AutocommitBlock(call) : call;
  }

  absl::StatusOr<Lines> operator()(const DropIndex& op) const {
    const std::string name = RenderName(op.index.name, op.index.name_origin, ctx);
    if (ctx.in_batch) return Lines{absl::StrCat("batch_op.drop_index(", name, ")")};
    ASSIGN_OR_RETURN(Lines lines, MysqlForeignKeyIndexesFirst(op));
    const bool concurrently = PgConcurrently(ctx);
    const Lines call = {absl::StrCat("op.drop_index(", name, ", table_name=", PythonStr(op.table),
                                     SchemaKwarg(op.schema, ctx),
                                     concurrently ? ", postgresql_concurrently=True" : "", ")")};
    const Lines rendered = concurrently ? AutocommitBlock(call) : call;
    lines.insert(lines.end(), rendered.begin(), rendered.end());
    return lines;
  }

  // MySQL refuses to drop the last index a foreign key can use: before `drop` (an index, unique
  // or primary key drop) takes it, create the index InnoDB keeps for such a key.
  absl::StatusOr<Lines> MysqlForeignKeyIndexesFirst(const Op& drop) const {
    if (ctx.dialect().name() != "mysql") return Lines{};
    const auto [schema, table_name] = OpTable(drop);
    ASSIGN_OR_RETURN(const Table* before, StateTable(schema, table_name, ctx));
    Catalog after = *ctx.state;
    RETURN_IF_ERROR(ApplyOp(drop, &after));
    Lines lines;
    for (const Index& index :
         MysqlForeignKeyIndexesToRecreate(*before, *FindTable(after, schema, table_name))) {
      ASSIGN_OR_RETURN(Lines create, (*this)(CreateIndex{schema, table_name, index}));
      lines.insert(lines.end(), create.begin(), create.end());
    }
    return lines;
  }

  absl::StatusOr<Lines> operator()(const RenameIndex& op) const {
    const Dialect& dialect = ctx.dialect();
    Lines lines = {absl::StrCat("# rename index ", CommentText(op.from), " to ", CommentText(op.to),
                                ": Alembic has no rename operation for indexes")};
    if (dialect.capabilities().rename_index && dialect.name() == "postgresql") {
      lines.push_back(
          Execute(absl::StrCat("ALTER INDEX ", QualifiedSql(op.schema, op.from, dialect),
                               " RENAME TO ", dialect.QuoteIdentifier(op.to))));
      return lines;
    }
    if (dialect.capabilities().rename_index && dialect.name() == "mysql") {
      lines.push_back(Execute(
          absl::StrCat("ALTER TABLE ", QualifiedSql(op.schema, op.table, dialect), " RENAME INDEX ",
                       dialect.QuoteIdentifier(op.from), " TO ", dialect.QuoteIdentifier(op.to))));
      return lines;
    }
    ASSIGN_OR_RETURN(const Table* table, StateTable(op.schema, op.table, ctx));
    const auto it = std::find_if(table->indexes.begin(), table->indexes.end(),
                                 [&](const Index& i) { return i.name == op.from; });
    if (it == table->indexes.end()) {
      return absl::FailedPreconditionError(absl::StrCat("index ", op.from, " of ",
                                                        QualifiedName(op.schema, op.table),
                                                        " is not in the schema being migrated"));
    }
    lines.back() += " (dropped and created again)";
    Index renamed = *it;
    renamed.name = op.to;
    renamed.name_origin = NameOrigin::kExplicit;
    ASSIGN_OR_RETURN(Lines drop, (*this)(DropIndex{op.schema, op.table, *it}));
    ASSIGN_OR_RETURN(Lines create, (*this)(CreateIndex{op.schema, op.table, renamed}));
    lines.insert(lines.end(), drop.begin(), drop.end());
    lines.insert(lines.end(), create.begin(), create.end());
    return lines;
  }

  absl::StatusOr<Lines> operator()(const AddConstraint& op) const {
    const std::string table = TableArg(op.table, ctx);
    const std::string schema = SchemaKwarg(op.schema, ctx);
    return std::visit(
        [&](const auto& c) -> absl::StatusOr<Lines> {
          using T = std::decay_t<decltype(c)>;
          const std::string name = RenderName(c.name, c.name_origin, ctx);
          if constexpr (std::is_same_v<T, PrimaryKey>) {
            return Lines{absl::StrCat(ctx.prefix(), "create_primary_key(", name, ", ", table,
                                      PythonList(c.columns), schema, ")")};
          } else if constexpr (std::is_same_v<T, UniqueConstraint>) {
            if (c.nulls_not_distinct) {
              return absl::UnimplementedError(absl::StrCat(
                  "unique constraint ", c.name,
                  " uses NULLS NOT DISTINCT, which SQLAlchemy 1.4 cannot express (use --format "
                  "sql)"));
            }
            std::string opts;
            if (c.deferrable) opts += ", deferrable=True";
            if (c.initially_deferred) opts += ", initially='DEFERRED'";
            return Lines{absl::StrCat(ctx.prefix(), "create_unique_constraint(", name, ", ", table,
                                      PythonList(c.columns), schema, opts, ")")};
          } else if constexpr (std::is_same_v<T, ForeignKey>) {
            std::string args =
                absl::StrCat(name, ", ", table, PythonStr(c.referred_table), ", ",
                             PythonList(c.columns), ", ", PythonList(c.referred_columns));
            if (!op.schema.empty() && !ctx.in_batch) {
              absl::StrAppend(&args, ", source_schema=", PythonStr(op.schema));
            }
            if (!c.referred_schema.empty()) {
              absl::StrAppend(&args, ", referent_schema=", PythonStr(c.referred_schema));
            }
            if (!c.on_update.empty()) absl::StrAppend(&args, ", onupdate=", PythonStr(c.on_update));
            if (!c.on_delete.empty()) absl::StrAppend(&args, ", ondelete=", PythonStr(c.on_delete));
            if (c.initially_deferred) absl::StrAppend(&args, ", initially='DEFERRED'");
            if (c.deferrable) absl::StrAppend(&args, ", deferrable=True");
            if (!c.match.empty()) absl::StrAppend(&args, ", match=", PythonStr(c.match));
            return Lines{absl::StrCat(ctx.prefix(), "create_foreign_key(", args, ")")};
          } else {
            return Lines{absl::StrCat(ctx.prefix(), "create_check_constraint(", name, ", ", table,
                                      PythonSqlText(c.expression), schema, ")")};
          }
        },
        op.constraint);
  }

  absl::StatusOr<Lines> operator()(const DropConstraint& op) const {
    if (ctx.dialect().name() == "mysql" && !ctx.in_batch) {
      // MySQL's primary key is always PRIMARY (SQLAlchemy drops it by kind, not by name); a
      // dropped foreign key leaves InnoDB's index for it behind; a dropped key may be the last
      // index a foreign key can use.
      ASSIGN_OR_RETURN(Lines lines, MysqlForeignKeyIndexesFirst(op));
      DropConstraint named = op;
      if (auto* pk = std::get_if<PrimaryKey>(&named.constraint); pk && pk->name.empty()) {
        pk->name = "PRIMARY";
      }
      ASSIGN_OR_RETURN(Lines drop, DropConstraintLines(named));
      lines.insert(lines.end(), drop.begin(), drop.end());
      if (const auto* fk = std::get_if<ForeignKey>(&op.constraint)) {
        ASSIGN_OR_RETURN(const Table* table, StateTable(op.schema, op.table, ctx));
        if (!MysqlForeignKeyHasCoveringIndex(*table, *fk)) {
          lines.push_back(absl::StrCat(
              "op.drop_index(", PythonStr(MysqlImplicitForeignKeyIndexName(*table, *fk)),
              ", table_name=", PythonStr(op.table), SchemaKwarg(op.schema, ctx), ")"));
        }
      }
      return lines;
    }
    return DropConstraintLines(op);
  }

  absl::StatusOr<Lines> DropConstraintLines(const DropConstraint& op) const {
    const std::string& raw_name = ConstraintName(op.constraint);
    if (raw_name.empty()) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot drop an unnamed constraint of ", QualifiedName(op.schema, op.table),
                       " with Alembic: it needs the constraint's name"));
    }
    const std::string name = std::visit(
        [&](const auto& c) { return RenderName(c.name, c.name_origin, ctx); }, op.constraint);
    const std::string table =
        ctx.in_batch ? "" : absl::StrCat(", ", PythonStr(op.table), SchemaKwarg(op.schema, ctx));
    return Lines{absl::StrCat(ctx.prefix(), "drop_constraint(", name, table,
                              ", type_=", PythonStr(ConstraintType(op.constraint)), ")")};
  }

  absl::StatusOr<Lines> operator()(const RenameConstraint& op) const {
    const Dialect& dialect = ctx.dialect();
    Lines lines = {absl::StrCat("# rename constraint ", CommentText(op.from), " to ",
                                CommentText(op.to),
                                ": Alembic has no rename operation for constraints")};
    if (dialect.capabilities().rename_constraint && dialect.name() == "postgresql") {
      lines.push_back(Execute(absl::StrCat(
          "ALTER TABLE ", QualifiedSql(op.schema, op.table, dialect), " RENAME CONSTRAINT ",
          dialect.QuoteIdentifier(op.from), " TO ", dialect.QuoteIdentifier(op.to))));
      return lines;
    }
    lines.back() += " (dropped and created again)";
    ASSIGN_OR_RETURN(const Constraint existing, StateConstraint(op.schema, op.table, op.from, ctx));
    ASSIGN_OR_RETURN(Lines drop, (*this)(DropConstraint{op.schema, op.table, existing}));
    ASSIGN_OR_RETURN(Lines add,
                     (*this)(AddConstraint{op.schema, op.table, Renamed(existing, op.to)}));
    lines.insert(lines.end(), drop.begin(), drop.end());
    lines.insert(lines.end(), add.begin(), add.end());
    return lines;
  }

  absl::StatusOr<Lines> operator()(const SetTableComment& op) const {
    const std::string existing = op.from ? PythonStr(*op.from) : "None";
    const std::string schema = op.schema.empty() ? "None" : PythonStr(op.schema);
    if (op.to) {
      return Lines{absl::StrCat(ctx.prefix(), "create_table_comment("),
                   absl::StrCat("    ", PythonStr(op.table), ","),
                   absl::StrCat("    ", PythonStr(*op.to), ","),
                   absl::StrCat("    existing_comment=", existing, ","),
                   absl::StrCat("    schema=", schema),
                   ")"};
    }
    return Lines{absl::StrCat(ctx.prefix(), "drop_table_comment("),
                 absl::StrCat("    ", PythonStr(op.table), ","),
                 absl::StrCat("    existing_comment=", existing, ","),
                 absl::StrCat("    schema=", schema), ")"};
  }

  absl::StatusOr<Lines> operator()(const AlterTableOptions& op) const {
    const Dialect& dialect = ctx.dialect();
    if (dialect.name() != "mysql") {
      return absl::UnimplementedError(absl::StrCat("table options of ",
                                                   QualifiedName(op.schema, op.table),
                                                   " cannot be changed on ", Absl(dialect.name())));
    }
    const std::vector<std::string> clauses = MysqlTableOptionClauses(op.from, op.to);
    if (clauses.empty()) return Lines{};
    return Lines{Execute(absl::StrCat("ALTER TABLE ", QualifiedSql(op.schema, op.table, dialect),
                                      " ", absl::StrJoin(clauses, ", ")))};
  }

  // postgresql.ENUM('a', 'b', name='x'[, schema='s'])
  absl::StatusOr<std::string> EnumExpr(const Enum& e) const {
    const Dialect& dialect = ctx.dialect();
    if (!dialect.capabilities().named_enum_types) {
      return absl::UnimplementedError(absl::StrCat("enum type ", e.name, ": ", Absl(dialect.name()),
                                                   " has no named enum types"));
    }
    ctx.file->imports.insert("from sqlalchemy.dialects import postgresql");
    std::vector<std::string> args;
    for (const std::string& v : e.values) args.push_back(PythonStr(v));
    args.push_back("name=" + PythonStr(e.name));
    if (!e.schema.empty()) args.push_back("schema=" + PythonStr(e.schema));
    return absl::StrCat("postgresql.ENUM(", absl::StrJoin(args, ", "), ")");
  }

  absl::StatusOr<Lines> operator()(const CreateEnum& op) const {
    ASSIGN_OR_RETURN(const std::string expr, EnumExpr(op.enum_type));
    return Lines{expr + ".create(op.get_bind())"};
  }

  absl::StatusOr<Lines> operator()(const DropEnum& op) const {
    ASSIGN_OR_RETURN(const std::string expr, EnumExpr(op.enum_type));
    return Lines{expr + ".drop(op.get_bind())"};
  }

  absl::StatusOr<Lines> operator()(const AlterEnum& op) const {
    const Dialect& dialect = ctx.dialect();
    if (!dialect.capabilities().named_enum_types) {
      return absl::UnimplementedError(absl::StrCat(
          "enum type ", op.to.name, ": ", Absl(dialect.name()), " has no named enum types"));
    }
    return PgAlterEnum(op, ctx);
  }
};

}  // namespace

absl::StatusOr<Lines> RenderOp(const Op& op, const OpContext& ctx) {
  return std::visit(OpRenderer{ctx}, op);
}

}  // namespace schemadiff::alembic
