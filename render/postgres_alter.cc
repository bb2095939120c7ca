#include "render/postgres_alter.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/dialect_postgres.h"
#include "catalog/postgres_lexer.h"
#include "diff/overloaded.h"
#include "render/postgres_ddl.h"

namespace schemadiff {
namespace {

std::string Q(std::string_view name) { return QuotePostgresIdentifier(name); }
std::string S(std::string_view value) { return QuotePostgresString(value); }

// The scalar type of `type` (its element for arrays).
const DataType& Scalar(const DataType& type) {
  return type.kind == TypeKind::kArray && !type.element.empty() ? type.element[0] : type;
}

// True when PostgreSQL's assignment cast cannot be relied on and USING must convert.
bool NeedsUsing(const DataType& from, const DataType& to) {
  if ((from.kind == TypeKind::kArray) != (to.kind == TypeKind::kArray)) return true;
  const DataType& a = Scalar(from);
  const DataType& b = Scalar(to);
  return a.kind != b.kind || a.enum_name != b.enum_name || a.verbatim != b.verbatim;
}

// True unless the change is one PostgreSQL makes without rewriting the table.
bool Rewrites(const DataType& from, const DataType& to) {
  const bool textual = (from.kind == TypeKind::kVarchar || from.kind == TypeKind::kText) &&
                       (to.kind == TypeKind::kVarchar || to.kind == TypeKind::kText);
  if (textual) {
    if (to.kind == TypeKind::kText || !to.length) return false;
    return from.kind == TypeKind::kText || !from.length || *to.length < *from.length;
  }
  if (from.kind == TypeKind::kNumeric && to.kind == TypeKind::kNumeric) {
    if (!to.precision) return false;
    return !from.precision || from.scale != to.scale || *to.precision < *from.precision;
  }
  return !(from == to);
}

// The USING expression converting column `column` to `type_sql`; enums go through text.
std::string UsingExpression(const std::string& column, const DataType& from, const DataType& to,
                            const std::string& type_sql) {
  const bool via_text = Scalar(from).kind == TypeKind::kEnum || Scalar(to).kind == TypeKind::kEnum;
  if (!via_text) return absl::StrCat(column, "::", type_sql);
  const bool array = from.kind == TypeKind::kArray;
  return absl::StrCat(column, array ? "::text[]::" : "::text::", type_sql);
}

std::string SerialSequenceType(const DataType& type) {
  switch (type.kind) {
    case TypeKind::kSmallInt:
    case TypeKind::kTinyInt:
      return "smallint";
    case TypeKind::kBigInt:
      return "bigint";
    default:
      return "integer";
  }
}

// Handles the column's lock-safe SET NOT NULL: a NOT VALID check validated on its own (no
// exclusive lock while it scans) lets SET NOT NULL skip its own scan.
void SetNotNull(const AlterColumn& op, const PgRenderContext& ctx) {
  const std::string table = PgName(op.schema, op.table);
  const std::string set =
      absl::StrCat("ALTER TABLE ", table, " ALTER COLUMN ", Q(op.to.name), " SET NOT NULL");
  if (!ctx.safe || !ctx.existing_table) {
    ctx.script->Statement(set);
    return;
  }
  const std::string check = Q(PgDerivedName(absl::StrCat(op.table, "_", op.to.name), "_not_null"));
  ctx.script->Comment(absl::StrCat("SET NOT NULL on ", QualifiedName(op.table, op.to.name),
                                   " without a long lock: validate a CHECK first"));
  ctx.script->Statement(absl::StrCat("ALTER TABLE ", table, " ADD CONSTRAINT ", check, " CHECK (",
                                     Q(op.to.name), " IS NOT NULL) NOT VALID"));
  ctx.script->Standalone(absl::StrCat("ALTER TABLE ", table, " VALIDATE CONSTRAINT ", check));
  ctx.script->Statement(set);
  ctx.script->Statement(absl::StrCat("ALTER TABLE ", table, " DROP CONSTRAINT ", check));
}

// Serial and identity transitions, in an order PostgreSQL accepts: the old mechanism goes
// before the new one comes.
void ChangeAutoincrement(const AlterColumn& op, const PgRenderContext& ctx) {
  const Column& from = op.from;
  const Column& to = op.to;
  PostgresScript& s = *ctx.script;
  const std::string table = PgName(op.schema, op.table);
  const std::string column = Q(to.name);
  const std::string alter = absl::StrCat("ALTER TABLE ", table, " ALTER COLUMN ", column, " ");
  const std::string next_value = absl::StrCat("COALESCE(MAX(", column, "), 0) + 1");
  if (from.autoincrement && !to.autoincrement) {
    s.Statement(alter + "DROP DEFAULT");
    const std::string body =
        absl::StrCat("BEGIN EXECUTE 'DROP SEQUENCE ' || pg_get_serial_sequence(", S(table), ", ",
                     S(to.name), "); END");
    s.Statement(absl::StrCat("DO ", S(body)));
  }
  if (from.identity && !to.identity) s.Statement(alter + "DROP IDENTITY");
  if (!from.identity && to.identity) {
    s.Statement(absl::StrCat(alter, "ADD GENERATED ", to.identity->always ? "ALWAYS" : "BY DEFAULT",
                             " AS IDENTITY", PgIdentityOptions(*to.identity)));
    if (!to.identity->start && ctx.existing_table) {
      s.Statement(absl::StrCat("SELECT setval(pg_get_serial_sequence(", S(table), ", ", S(to.name),
                               "), ", next_value, ", false) FROM ", table));
    }
  } else if (from.identity && to.identity && !(*from.identity == *to.identity)) {
    std::vector<std::string> parts;
    if (from.identity->always != to.identity->always) {
      parts.push_back(to.identity->always ? "SET GENERATED ALWAYS" : "SET GENERATED BY DEFAULT");
    }
    if (from.identity->increment != to.identity->increment) {
      parts.push_back(absl::StrCat("SET INCREMENT BY ", to.identity->increment.value_or(1)));
    }
    if (from.identity->start != to.identity->start) {
      parts.push_back(absl::StrCat("SET START WITH ", to.identity->start.value_or(1)));
    }
    s.Statement(alter + absl::StrJoin(parts, " "));
  }
  if (!from.autoincrement && to.autoincrement) {
    const std::string sequence =
        PgName(op.schema, PgDerivedName(absl::StrCat(op.table, "_", to.name), "_seq"));
    s.Statement(absl::StrCat("CREATE SEQUENCE ", sequence, " AS ", SerialSequenceType(to.type),
                             " OWNED BY ", table, ".", column));
    s.Statement(absl::StrCat(alter, "SET DEFAULT nextval(", S(sequence), "::regclass)"));
    if (ctx.existing_table) {
      s.Statement(
          absl::StrCat("SELECT setval(", S(sequence), ", ", next_value, ", false) FROM ", table));
    }
  }
}

}  // namespace

absl::Status RenderPgAlterColumn(const AlterColumn& op, const PgRenderContext& ctx) {
  const Column& from = op.from;
  const Column& to = op.to;
  const Dialect& dialect = PostgresDialect();
  PostgresScript& s = *ctx.script;
  const std::string table = PgName(op.schema, op.table);
  const std::string column = Q(to.name);
  const std::string alter = absl::StrCat("ALTER TABLE ", table, " ALTER COLUMN ", column, " ");
  uint32_t changes = op.changes;

  if (changes & kAlterGenerated) {
    if (from.generated && !to.generated) {
      s.Statement(alter + "DROP EXPRESSION");
    } else {
      s.Comment("PostgreSQL cannot change a generated column in place: drop it and add it again");
      s.Statement(absl::StrCat("ALTER TABLE ", table, " DROP COLUMN ", column));
      s.Statement(absl::StrCat("ALTER TABLE ", table, " ADD COLUMN ",
                               PgColumnDefinition(to, op.schema, ctx.state)));
      if (to.comment) s.Statement(PgColumnComment(op.schema, op.table, to.name, to.comment));
      return absl::OkStatus();
    }
  }

  const bool serial = to.autoincrement || to.identity.has_value();
  bool default_done = false;
  if (changes & (kAlterType | kAlterCollation)) {
    const bool convert = (changes & kAlterType) && NeedsUsing(from.type, to.type);
    const bool readd_default = convert && from.server_default.has_value();
    if (readd_default) s.Statement(alter + "DROP DEFAULT");
    const std::string type_sql = PgTypeSql(to.type, op.schema, ctx.state);
    std::string sql = alter + "TYPE " + type_sql;
    if (!to.collation.empty()) {
      absl::StrAppend(&sql, " COLLATE ", Q(to.collation));
    } else if (!from.collation.empty()) {
      absl::StrAppend(&sql, " COLLATE \"default\"");
    }
    if (convert)
      absl::StrAppend(&sql, " USING ", UsingExpression(column, from.type, to.type, type_sql));
    if (ctx.safe && ctx.existing_table && (changes & kAlterType) && Rewrites(from.type, to.type)) {
      s.AddWarning(
          {"lock", Severity::kWarning,
           absl::StrCat("changing the type of ", QualifiedName(op.table, to.name), " rewrites ",
                        QualifiedName(op.schema, op.table), " under an ACCESS EXCLUSIVE lock")});
    }
    s.Statement(sql);
    if (readd_default) {
      if (to.server_default && !serial) {
        s.Statement(alter + "SET DEFAULT " + dialect.RenderDefault(*to.server_default, to.type));
      }
      default_done = true;
    }
  }
  if ((changes & kAlterNullable) && !to.nullable) SetNotNull(op, ctx);
  if (changes & kAlterAutoincrement) ChangeAutoincrement(op, ctx);
  if ((changes & kAlterDefault) && !default_done && !serial) {
    s.Statement(to.server_default
                    ? alter + "SET DEFAULT " + dialect.RenderDefault(*to.server_default, to.type)
                    : alter + "DROP DEFAULT");
  }
  if ((changes & kAlterNullable) && to.nullable) s.Statement(alter + "DROP NOT NULL");
  if (changes & kAlterComment) {
    s.Statement(PgColumnComment(op.schema, op.table, to.name, to.comment));
  }
  if (changes & kAlterOnUpdate) {
    s.Comment("PostgreSQL columns have no ON UPDATE clause: nothing to do");
  }
  return absl::OkStatus();
}

absl::Status RenderPgAddConstraint(const AddConstraint& op, const PgRenderContext& ctx) {
  PostgresScript& s = *ctx.script;
  const std::string table = PgName(op.schema, op.table);
  const std::string add = absl::StrCat("ALTER TABLE ", table, " ADD ");
  const std::string definition = PgConstraintDefinition(op.constraint, op.schema);
  const bool lock_safe = ctx.safe && ctx.existing_table && !ConstraintName(op.constraint).empty();
  std::visit(
      Overloaded{
          [&](const auto& key) {  // PrimaryKey, UniqueConstraint
            if (!lock_safe) {
              s.Statement(add + definition);
              return;
            }
            constexpr bool kPrimary = std::is_same_v<std::decay_t<decltype(key)>, PrimaryKey>;
            Index index;
            index.name = key.name;
            index.unique = true;
            for (const std::string& c : key.columns) {
              IndexElement element;
              element.column = c;
              index.elements.push_back(std::move(element));
            }
            std::string attach =
                absl::StrCat(add, "CONSTRAINT ", Q(key.name), kPrimary ? " PRIMARY KEY" : " UNIQUE",
                             " USING INDEX ", Q(key.name));
            if constexpr (!kPrimary) {
              index.nulls_not_distinct = key.nulls_not_distinct;
              if (key.deferrable) {
                absl::StrAppend(&attach, key.initially_deferred ? " DEFERRABLE INITIALLY DEFERRED"
                                                                : " DEFERRABLE");
              }
            }
            s.Comment("build the index without blocking writes, then attach it");
            s.Standalone(PgCreateIndex(index, op.schema, op.table, /*concurrently=*/true));
            s.Statement(attach);
          },
          [&](const ForeignKey& fk) {
            if (fk.not_valid || !lock_safe) {
              s.Statement(add + definition + (fk.not_valid ? " NOT VALID" : ""));
              return;
            }
            s.Statement(add + definition + " NOT VALID");
            s.Standalone(absl::StrCat("ALTER TABLE ", table, " VALIDATE CONSTRAINT ", Q(fk.name)));
          },
          [&](const CheckConstraint& ck) {
            if (ck.not_valid || !lock_safe) {
              s.Statement(add + definition + (ck.not_valid ? " NOT VALID" : ""));
              return;
            }
            s.Statement(add + definition + " NOT VALID");
            s.Standalone(absl::StrCat("ALTER TABLE ", table, " VALIDATE CONSTRAINT ", Q(ck.name)));
          },
      },
      op.constraint);
  return absl::OkStatus();
}

}  // namespace schemadiff
