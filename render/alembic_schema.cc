// Schema objects as SQLAlchemy constructors: sa.Column, constraints, index keys, sa.Table.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "render/alembic_internal.h"
#include "render/python_literal.h"
#include "render/sqlite_ddl.h"

namespace schemadiff::alembic {
namespace {

// ['a', 'b'] as a Python list of string literals.
std::string PythonList(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  quoted.reserve(items.size());
  for (const std::string& item : items) quoted.push_back(PythonStr(item));
  return absl::StrCat("[", absl::StrJoin(quoted, ", "), "]");
}

bool IsIntegerKind(TypeKind kind) {
  return kind == TypeKind::kTinyInt || kind == TypeKind::kSmallInt ||
         kind == TypeKind::kMediumInt || kind == TypeKind::kInteger || kind == TypeKind::kBigInt;
}

// SQLAlchemy's ForeignKey('table.column') splits on dots, so a referred name containing one
// would silently point elsewhere.
absl::Status CheckDotFree(const ForeignKey& fk) {
  std::vector<std::string> names = fk.referred_columns;
  names.push_back(fk.referred_table);
  names.push_back(fk.referred_schema);
  for (const std::string& name : names) {
    if (name.find('.') != std::string::npos) {
      return absl::UnimplementedError(absl::StrCat(
          "foreign key ", fk.name.empty() ? "(unnamed)" : fk.name, " refers to '", name,
          "': SQLAlchemy cannot reference names containing '.', so Alembic output is not "
          "possible for it (use --format sql)"));
    }
  }
  return absl::OkStatus();
}

// One index key as SQL text: column or expression with COLLATE, operator class, order, NULLS.
std::string IndexKeySql(const IndexElement& e, const Dialect& dialect) {
  std::string sql;
  if (!e.expression.empty()) {
    // PostgreSQL and MySQL need parentheses around expression keys; SQLite takes them bare.
    sql = dialect.name() == "sqlite" ? e.expression : absl::StrCat("(", e.expression, ")");
  } else {
    sql = dialect.QuoteIdentifier(e.column);
  }
  if (e.prefix_length) absl::StrAppend(&sql, "(", *e.prefix_length, ")");  // MySQL
  if (!e.collation.empty())
    absl::StrAppend(&sql, " COLLATE ", dialect.QuoteIdentifier(e.collation));
  if (!e.opclass.empty()) absl::StrAppend(&sql, " ", e.opclass);
  if (e.descending) absl::StrAppend(&sql, " DESC");
  if (!e.nulls.empty()) absl::StrAppend(&sql, " NULLS ", absl::AsciiStrToUpper(e.nulls));
  return sql;
}

}  // namespace

std::optional<Constraint> FindConstraint(const Table& table, const std::string& name) {
  if (table.primary_key && table.primary_key->name == name) return Constraint(*table.primary_key);
  for (const auto& u : table.uniques) {
    if (u.name == name) return Constraint(u);
  }
  for (const auto& f : table.foreign_keys) {
    if (f.name == name) return Constraint(f);
  }
  for (const auto& c : table.checks) {
    if (c.name == name) return Constraint(c);
  }
  return std::nullopt;
}

std::string RenderName(const std::string& name, NameOrigin origin, const OpContext& ctx) {
  if (name.empty()) return "None";
  if (origin == NameOrigin::kConvention)
    return absl::StrCat(ctx.prefix(), "f(", PythonStr(name), ")");
  return PythonStr(name);
}

absl::StatusOr<std::string> RenderColumn(const Column& column, const Table& table,
                                         const OpContext& ctx) {
  const Dialect& dialect = ctx.dialect();
  ASSIGN_OR_RETURN(const std::string type, RenderType(column.type, &column, ctx));
  std::vector<std::string> args = {PythonStr(column.name), type};
  if (column.generated) {
    args.push_back(absl::StrCat("sa.Computed(", PythonSqlText(column.generated->expression),
                                ", persisted=", column.generated->stored ? "True" : "False", ")"));
  }
  if (column.identity) {
    std::string identity =
        absl::StrCat("sa.Identity(always=", column.identity->always ? "True" : "False");
    if (column.identity->start) absl::StrAppend(&identity, ", start=", *column.identity->start);
    if (column.identity->increment) {
      absl::StrAppend(&identity, ", increment=", *column.identity->increment);
    }
    args.push_back(identity + ")");
  }
  const std::string server_default = RenderServerDefault(column, ctx);
  if (!server_default.empty()) args.push_back("server_default=" + server_default);
  // SQLite's AUTOINCREMENT is a table option (sqlite_autoincrement); elsewhere SQLAlchemy's
  // "auto" would make a lone integer primary key SERIAL / AUTO_INCREMENT, so say what we mean.
  if (dialect.name() != "sqlite" && !column.identity) {
    const bool lone_integer_pk = table.primary_key && table.primary_key->columns.size() == 1 &&
                                 table.primary_key->columns[0] == column.name &&
                                 IsIntegerKind(column.type.kind);
    if (column.autoincrement) {
      args.push_back("autoincrement=True");
    } else if (lone_integer_pk) {
      args.push_back("autoincrement=False");
    }
  }
  args.push_back(absl::StrCat("nullable=", column.nullable ? "True" : "False"));
  if (column.comment) args.push_back("comment=" + PythonStr(*column.comment));
  return absl::StrCat("sa.Column(", absl::StrJoin(args, ", "), ")");
}

absl::StatusOr<std::string> RenderConstraintElement(const Constraint& constraint,
                                                    const OpContext& ctx) {
  // Table elements are written outside any batch block (in op.create_table, or in a copy_from
  // definition made before the block opens), so conventional names use op.f().
  OpContext plain = ctx;
  plain.in_batch = false;
  return std::visit(
      [&](const auto& c) -> absl::StatusOr<std::string> {
        using T = std::decay_t<decltype(c)>;
        std::vector<std::string> args;
        if constexpr (std::is_same_v<T, PrimaryKey>) {
          for (const std::string& col : c.columns) args.push_back(PythonStr(col));
          if (!c.name.empty()) args.push_back("name=" + RenderName(c.name, c.name_origin, plain));
          return absl::StrCat("sa.PrimaryKeyConstraint(", absl::StrJoin(args, ", "), ")");
        } else if constexpr (std::is_same_v<T, UniqueConstraint>) {
          if (c.nulls_not_distinct) {
            return absl::UnimplementedError(
                absl::StrCat("unique constraint ", c.name,
                             " uses NULLS NOT DISTINCT, which SQLAlchemy 1.4 cannot express (use "
                             "--format sql)"));
          }
          for (const std::string& col : c.columns) args.push_back(PythonStr(col));
          if (c.deferrable) args.push_back("deferrable=True");
          if (c.initially_deferred) args.push_back("initially='DEFERRED'");
          if (!c.name.empty()) args.push_back("name=" + RenderName(c.name, c.name_origin, plain));
          return absl::StrCat("sa.UniqueConstraint(", absl::StrJoin(args, ", "), ")");
        } else if constexpr (std::is_same_v<T, ForeignKey>) {
          RETURN_IF_ERROR(CheckDotFree(c));
          std::vector<std::string> refs;
          for (const std::string& col : c.referred_columns) {
            refs.push_back(c.referred_schema.empty()
                               ? absl::StrCat(c.referred_table, ".", col)
                               : absl::StrCat(c.referred_schema, ".", c.referred_table, ".", col));
          }
          args = {PythonList(c.columns), PythonList(refs)};
          if (!c.name.empty()) args.push_back("name=" + RenderName(c.name, c.name_origin, plain));
          if (!c.on_update.empty()) args.push_back("onupdate=" + PythonStr(c.on_update));
          if (!c.on_delete.empty()) args.push_back("ondelete=" + PythonStr(c.on_delete));
          if (c.initially_deferred) args.push_back("initially='DEFERRED'");
          if (c.deferrable) args.push_back("deferrable=True");
          if (!c.match.empty()) args.push_back("match=" + PythonStr(c.match));
          return absl::StrCat("sa.ForeignKeyConstraint(", absl::StrJoin(args, ", "), ")");
        } else {
          args.push_back(PythonSqlText(c.expression));
          if (!c.name.empty()) args.push_back("name=" + RenderName(c.name, c.name_origin, plain));
          return absl::StrCat("sa.CheckConstraint(", absl::StrJoin(args, ", "), ")");
        }
      },
      constraint);
}

namespace {

// Whether an index key needs SQL text rather than a column name.
bool IsTextKey(const IndexElement& e) {
  return !e.expression.empty() || !e.collation.empty() || !e.opclass.empty() || e.descending ||
         !e.nulls.empty();
}

// SQLAlchemy's MySQL compiler reads mysql_length by column name and fails on text keys, so
// an index that has text keys writes its prefix lengths into the text too.
bool PrefixLengthsInText(const Index& index) {
  return std::any_of(index.elements.begin(), index.elements.end(), IsTextKey);
}

}  // namespace

std::vector<std::string> RenderIndexKeys(const Index& index, const OpContext& ctx) {
  std::vector<std::string> keys;
  const bool lengths_in_text = PrefixLengthsInText(index);
  for (const IndexElement& e : index.elements) {
    const bool plain = !IsTextKey(e) && !(lengths_in_text && e.prefix_length);
    keys.push_back(
        plain ? PythonStr(e.column)
              : absl::StrCat("sa.text(", PythonSqlText(IndexKeySql(e, ctx.dialect())), ")"));
  }
  return keys;
}

absl::StatusOr<std::string> RenderIndexKwargs(const Index& index, const OpContext& ctx) {
  const std::string_view dialect = ctx.dialect().name();
  if (index.nulls_not_distinct) {
    return absl::UnimplementedError(absl::StrCat(
        "index ", index.name,
        " uses NULLS NOT DISTINCT, which SQLAlchemy 1.4 cannot express (use --format sql)"));
  }
  std::string out;
  if (!index.where.empty()) {
    absl::StrAppend(&out, ", ", Absl(dialect), "_where=sa.text(", PythonSqlText(index.where), ")");
  }
  const std::string method = absl::AsciiStrToLower(index.method);
  if (dialect == "mysql" && (method == "fulltext" || method == "spatial")) {
    absl::StrAppend(&out, ", mysql_prefix=", PythonStr(absl::AsciiStrToUpper(method)));
  } else if (!method.empty() && dialect == "postgresql") {
    absl::StrAppend(&out, ", postgresql_using=", PythonStr(index.method));
  }
  if (!index.include.empty()) {
    absl::StrAppend(&out, ", ", Absl(dialect), "_include=", PythonList(index.include));
  }
  std::vector<std::string> lengths;
  for (const IndexElement& e : index.elements) {
    if (e.prefix_length && !PrefixLengthsInText(index)) {
      lengths.push_back(absl::StrCat(PythonStr(e.column), ": ", *e.prefix_length));
    }
  }
  if (!lengths.empty())
    absl::StrAppend(&out, ", mysql_length={", absl::StrJoin(lengths, ", "), "}");
  return out;
}

absl::StatusOr<std::vector<std::string>> RenderTableKwargs(const Table& table,
                                                           const OpContext& ctx) {
  std::vector<std::string> kwargs;
  const std::string_view dialect = ctx.dialect().name();
  if (dialect == "sqlite") {
    if (SqliteAutoincrementKey(table) != nullptr) kwargs.push_back("sqlite_autoincrement=True");
    if (SqliteOptionOn(table, "without_rowid")) kwargs.push_back("sqlite_with_rowid=False");
    if (SqliteOptionOn(table, "strict")) {
      return absl::UnimplementedError(absl::StrCat(
          "table ", table.name,
          " is STRICT, which SQLAlchemy 1.4 cannot create, so Alembic output is not possible for "
          "it (use --format sql)"));
    }
  } else if (dialect == "mysql") {
    for (const auto& [key, value] : table.options) {
      const std::string lower = absl::AsciiStrToLower(key);
      const std::string option = lower == "charset"     ? "default_charset"
                                 : lower == "collation" ? "collate"
                                                        : lower;
      kwargs.push_back(absl::StrCat("mysql_", option, "=", PythonStr(value)));
    }
  }
  std::sort(kwargs.begin(), kwargs.end());
  return kwargs;
}

absl::StatusOr<std::vector<std::string>> RenderColumnAndConstraintElements(const Table& table,
                                                                           const OpContext& ctx) {
  std::vector<std::string> elements;
  for (const Column& column : table.columns) {
    ASSIGN_OR_RETURN(std::string rendered, RenderColumn(column, table, ctx));
    elements.push_back(std::move(rendered));
  }
  std::vector<std::string> constraints;
  std::vector<Constraint> all;
  if (table.primary_key && !table.primary_key->columns.empty()) all.push_back(*table.primary_key);
  for (const auto& u : table.uniques) all.push_back(u);
  for (const auto& f : table.foreign_keys) all.push_back(f);
  for (const auto& c : table.checks) all.push_back(c);
  for (const Constraint& c : all) {
    ASSIGN_OR_RETURN(std::string rendered, RenderConstraintElement(c, ctx));
    constraints.push_back(std::move(rendered));
  }
  std::sort(constraints.begin(), constraints.end());  // as Alembic orders them
  elements.insert(elements.end(), constraints.begin(), constraints.end());
  return elements;
}

absl::StatusOr<Lines> RenderTableDefinition(const Table& table, const OpContext& ctx) {
  ASSIGN_OR_RETURN(std::vector<std::string> elements,
                   RenderColumnAndConstraintElements(table, ctx));
  for (const Index& index : table.indexes) {
    std::vector<std::string> args = {PythonStr(index.name)};
    for (std::string& key : RenderIndexKeys(index, ctx)) args.push_back(std::move(key));
    if (index.unique) args.push_back("unique=True");
    ASSIGN_OR_RETURN(const std::string kwargs, RenderIndexKwargs(index, ctx));
    elements.push_back(absl::StrCat("sa.Index(", absl::StrJoin(args, ", "), kwargs, ")"));
  }
  if (!table.schema.empty()) elements.push_back("schema=" + PythonStr(table.schema));
  ASSIGN_OR_RETURN(std::vector<std::string> kwargs, RenderTableKwargs(table, ctx));
  for (std::string& kwarg : kwargs) elements.push_back(std::move(kwarg));
  return ElementLines(absl::StrCat("sa.Table(", PythonStr(table.name), ", sa.MetaData(),"),
                      elements);
}

Lines ElementLines(std::string opening, const std::vector<std::string>& elements) {
  Lines lines = {std::move(opening)};
  for (size_t i = 0; i < elements.size(); ++i) {
    lines.push_back(elements[i] + (i + 1 < elements.size() ? "," : ""));
  }
  lines.push_back(")");
  return lines;
}

}  // namespace schemadiff::alembic
