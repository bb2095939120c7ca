// DataType -> SQLAlchemy type expressions for Alembic revisions.
//
// Each canonical type has a short list of candidate expressions (generic sa.* types first, then
// the dialect's own, e.g. postgresql.JSONB or mysql.TINYINT), each with the DDL SQLAlchemy 1.4
// emits for it on that dialect. The first candidate whose DDL the dialect parses back into the
// same normalized type wins, so a revision never changes a type by accident (sa.DateTime is
// DATETIME on SQLite but TIMESTAMP WITHOUT TIME ZONE on PostgreSQL). When no candidate fits,
// the type is written as VerbatimType('<the dialect's own spelling>'), a tiny
// sa.types.UserDefinedType the revision file defines, which emits that spelling unchanged.
// SQLAlchemy 1.4 has no sa.Uuid / sa.Double: PostgreSQL gets postgresql.UUID() and
// postgresql.DOUBLE_PRECISION(), other dialects their verbatim spelling.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "render/alembic_internal.h"
#include "render/postgres_ddl.h"
#include "render/python_literal.h"

namespace schemadiff::alembic {
namespace {

// One way to write a type in a revision.
struct Candidate {
  std::string module;             // "sa", "postgresql" or "mysql"
  std::string cls;                // class name within the module, e.g. "String"
  std::vector<std::string> args;  // constructor arguments, already rendered
  std::string ddl;                // what SQLAlchemy 1.4 emits for it on the target dialect
  bool takes_collation = false;   // accepts collation= (and charset= for mysql.*)
};

std::string Python(const Candidate& c) {
  return absl::StrCat(c.module, ".", c.cls, "(", absl::StrJoin(c.args, ", "), ")");
}

// "(p)" / "(p, s)" / "" as SQLAlchemy prints precision and scale.
std::string Parens(std::optional<int> first, std::optional<int> second = std::nullopt) {
  if (!first) return "";
  if (!second) return absl::StrCat("(", *first, ")");
  return absl::StrCat("(", *first, ", ", *second, ")");
}

// MySQL integer types carry display width and UNSIGNED.
Candidate MysqlInteger(const std::string& cls, const std::string& ddl_name, const DataType& t) {
  Candidate c{"mysql", cls, {}, ddl_name};
  if (t.display_width) {
    c.args.push_back(absl::StrCat("display_width=", *t.display_width));
    absl::StrAppend(&c.ddl, "(", *t.display_width, ")");
  }
  if (t.is_unsigned) {
    c.args.push_back("unsigned=True");
    absl::StrAppend(&c.ddl, " UNSIGNED");
  }
  return c;
}

std::string TzSuffix(bool with_timezone) {
  return with_timezone ? " WITH TIME ZONE" : " WITHOUT TIME ZONE";
}

absl::StatusOr<std::vector<Candidate>> Candidates(const DataType& t, const OpContext& ctx);

// The enum's values: from the type itself, else from the named enum it refers to.
std::vector<std::string> EnumValues(const DataType& t, const OpContext& ctx) {
  if (!t.enum_values.empty() || t.enum_name.empty()) return t.enum_values;
  const auto [schema, name] = PgEnumKey(t, ctx.table_schema, *ctx.state);
  const Enum* e = FindEnum(*ctx.state, schema, name);
  return e != nullptr ? e->values : std::vector<std::string>{};
}

// The chosen expression and its DDL for one type (used for array elements too).
absl::StatusOr<Candidate> Choose(const DataType& t, const OpContext& ctx);

absl::StatusOr<std::vector<Candidate>> Candidates(const DataType& t, const OpContext& ctx) {
  const std::string_view dialect = ctx.dialect().name();
  const bool pg = dialect == "postgresql";
  const bool my = dialect == "mysql";
  std::vector<Candidate> out;
  const auto add = [&](Candidate c) { out.push_back(std::move(c)); };
  switch (t.kind) {
    case TypeKind::kTinyInt:
      if (my) add(MysqlInteger("TINYINT", "TINYINT", t));
      break;
    case TypeKind::kSmallInt:
      if (my && (t.is_unsigned || t.display_width)) add(MysqlInteger("SMALLINT", "SMALLINT", t));
      add({"sa", "SmallInteger", {}, "SMALLINT"});
      break;
    case TypeKind::kMediumInt:
      if (my) add(MysqlInteger("MEDIUMINT", "MEDIUMINT", t));
      break;
    case TypeKind::kInteger:
      if (my && (t.is_unsigned || t.display_width)) add(MysqlInteger("INTEGER", "INTEGER", t));
      add({"sa", "Integer", {}, "INTEGER"});
      break;
    case TypeKind::kBigInt:
      if (my && (t.is_unsigned || t.display_width)) add(MysqlInteger("BIGINT", "BIGINT", t));
      add({"sa", "BigInteger", {}, "BIGINT"});
      break;
    case TypeKind::kNumeric: {
      std::vector<std::string> args;
      if (t.precision) args.push_back(absl::StrCat("precision=", *t.precision));
      if (t.scale) args.push_back(absl::StrCat("scale=", *t.scale));
      const std::string parens = Parens(t.precision, t.precision ? t.scale : std::nullopt);
      if (my && t.is_unsigned) {
        std::vector<std::string> my_args = args;
        my_args.push_back("unsigned=True");
        add({"mysql", "DECIMAL", my_args, absl::StrCat("DECIMAL", parens, " UNSIGNED")});
      }
      if (t.precision || !t.scale) add({"sa", "Numeric", args, absl::StrCat("NUMERIC", parens)});
      break;
    }
    case TypeKind::kReal:
      add({"sa", "REAL", {}, "REAL"});
      if (my) add({"mysql", "FLOAT", {}, "FLOAT"});
      add({"sa", "Float", {}, "FLOAT"});
      break;
    case TypeKind::kDouble:
      if (pg) add({"postgresql", "DOUBLE_PRECISION", {}, "DOUBLE PRECISION"});
      if (my) add({"mysql", "DOUBLE", {}, "DOUBLE"});
      add({"sa", "Float", {}, "FLOAT"});
      if (pg || my) add({"sa", "Float", {"precision=53"}, "FLOAT(53)"});
      break;
    case TypeKind::kVarchar:
      if (t.length) {
        add({"sa",
             "String",
             {absl::StrCat("length=", *t.length)},
             absl::StrCat("VARCHAR(", *t.length, ")"),
             true});
      } else if (!my) {
        add({"sa", "String", {}, "VARCHAR", true});
      }
      break;
    case TypeKind::kChar:
      if (t.length) {
        add({"sa",
             "CHAR",
             {absl::StrCat("length=", *t.length)},
             absl::StrCat("CHAR(", *t.length, ")"),
             true});
      } else {
        add({"sa", "CHAR", {}, "CHAR", true});
      }
      break;
    case TypeKind::kText:
      add({"sa", "Text", {}, "TEXT", true});
      if (my) {
        add({"mysql", "TINYTEXT", {}, "TINYTEXT", true});
        add({"mysql", "MEDIUMTEXT", {}, "MEDIUMTEXT", true});
        add({"mysql", "LONGTEXT", {}, "LONGTEXT", true});
      }
      break;
    case TypeKind::kBoolean:
      add({"sa", "Boolean", {}, my ? "BOOL" : "BOOLEAN"});
      if (my) add({"mysql", "TINYINT", {"display_width=1"}, "TINYINT(1)"});
      break;
    case TypeKind::kDate:
      add({"sa", "Date", {}, "DATE"});
      break;
    case TypeKind::kTime: {
      std::vector<std::string> tz;
      if (t.with_timezone) tz.push_back("timezone=True");
      if (pg && t.precision) {
        std::vector<std::string> args = tz;
        args.push_back(absl::StrCat("precision=", *t.precision));
        add({"postgresql", "TIME", args,
             absl::StrCat("TIME(", *t.precision, ")", TzSuffix(t.with_timezone))});
      } else if (my && t.precision) {
        add({"mysql",
             "TIME",
             {absl::StrCat("fsp=", *t.precision)},
             absl::StrCat("TIME(", *t.precision, ")")});
      } else {
        add({"sa", "Time", tz, pg ? absl::StrCat("TIME", TzSuffix(t.with_timezone)) : "TIME"});
      }
      break;
    }
    case TypeKind::kTimestamp: {
      std::vector<std::string> tz;
      if (t.with_timezone) tz.push_back("timezone=True");
      if (pg && t.precision) {
        std::vector<std::string> args = tz;
        args.push_back(absl::StrCat("precision=", *t.precision));
        add({"postgresql", "TIMESTAMP", args,
             absl::StrCat("TIMESTAMP(", *t.precision, ")", TzSuffix(t.with_timezone))});
      } else if (my && t.precision) {
        add({"mysql",
             "DATETIME",
             {absl::StrCat("fsp=", *t.precision)},
             absl::StrCat("DATETIME(", *t.precision, ")")});
        add({"mysql",
             "TIMESTAMP",
             {absl::StrCat("fsp=", *t.precision)},
             absl::StrCat("TIMESTAMP(", *t.precision, ")")});
      } else if (pg) {
        add({"sa", "DateTime", tz, absl::StrCat("TIMESTAMP", TzSuffix(t.with_timezone))});
      } else {
        add({"sa", "DateTime", tz, "DATETIME"});
        add({"sa", "TIMESTAMP", tz, "TIMESTAMP"});
      }
      break;
    }
    case TypeKind::kInterval:
      if (pg) add({"sa", "Interval", {}, "INTERVAL"});
      break;
    case TypeKind::kUuid:
      if (pg) add({"postgresql", "UUID", {}, "UUID"});
      break;
    case TypeKind::kJson:
      add({"sa", "JSON", {}, "JSON"});
      break;
    case TypeKind::kJsonb:
      if (pg) add({"postgresql", "JSONB", {"astext_type=sa.Text()"}, "JSONB"});
      break;
    case TypeKind::kBinary:
      if (pg) {
        add({"sa", "LargeBinary", {}, "BYTEA"});
      } else if (t.length && t.fixed_binary) {
        add({"sa",
             "BINARY",
             {absl::StrCat("length=", *t.length)},
             absl::StrCat("BINARY(", *t.length, ")")});
      } else if (t.length) {
        add({"sa",
             "VARBINARY",
             {absl::StrCat("length=", *t.length)},
             absl::StrCat("VARBINARY(", *t.length, ")")});
        if (my) {
          add({"sa",
               "LargeBinary",
               {absl::StrCat("length=", *t.length)},
               absl::StrCat("BLOB(", *t.length, ")")});
        }
      } else {
        add({"sa", "LargeBinary", {}, "BLOB"});
      }
      break;
    case TypeKind::kEnum: {
      std::vector<std::string> values;
      std::vector<std::string> quoted;
      size_t longest = 0;
      for (const std::string& v : EnumValues(t, ctx)) {
        values.push_back(PythonStr(v));
        quoted.push_back(ctx.dialect().QuoteString(v));
        longest = std::max(longest, v.size());
      }
      if (my) {
        add({"mysql", "ENUM", values, absl::StrCat("ENUM(", absl::StrJoin(quoted, ","), ")"),
             true});
      } else if (!pg) {
        std::vector<std::string> args = values;
        if (!t.enum_name.empty()) args.push_back("name=" + PythonStr(t.enum_name));
        add({"sa", "Enum", args, absl::StrCat("VARCHAR(", longest, ")")});
      }
      break;
    }
    case TypeKind::kArray: {
      if (!pg || t.element.size() != 1) break;
      ASSIGN_OR_RETURN(const Candidate element, Choose(t.element[0], ctx));
      Candidate c{"postgresql", "ARRAY", {Python(element)}, element.ddl};
      if (t.array_dimensions > 1) c.args.push_back(absl::StrCat("dimensions=", t.array_dimensions));
      for (int i = 0; i < std::max(1, t.array_dimensions); ++i) absl::StrAppend(&c.ddl, "[]");
      add(std::move(c));
      break;
    }
    case TypeKind::kVerbatim:
      break;
  }
  return out;
}

// Whether the dialect reads `ddl` back as `type`.
bool RoundTrips(const std::string& ddl, const DataType& type, const Dialect& dialect) {
  absl::StatusOr<DataType> parsed = dialect.ParseType(ddl, /*allow_verbatim=*/true);
  return parsed.ok() && dialect.NormalizeType(*parsed) == dialect.NormalizeType(type);
}

absl::StatusOr<Candidate> Choose(const DataType& t, const OpContext& ctx) {
  const Dialect& dialect = ctx.dialect();
  if (t.kind == TypeKind::kEnum && !t.enum_name.empty() &&
      dialect.capabilities().named_enum_types) {
    // A named type (CREATE TYPE ... AS ENUM) created and dropped by its own ops.
    Candidate c{"postgresql", "ENUM", {}, dialect.QuoteIdentifier(t.enum_name)};
    for (const std::string& v : EnumValues(t, ctx)) c.args.push_back(PythonStr(v));
    const auto [schema, name] = PgEnumKey(t, ctx.table_schema, *ctx.state);
    c.args.push_back("name=" + PythonStr(name));
    if (!schema.empty()) c.args.push_back("schema=" + PythonStr(schema));
    c.args.push_back("create_type=False");
    return c;
  }
  ASSIGN_OR_RETURN(const std::vector<Candidate> candidates, Candidates(t, ctx));
  for (const Candidate& c : candidates) {
    if (RoundTrips(c.ddl, t, dialect)) return c;
  }
  const std::string spelling = dialect.RenderType(t);
  return Candidate{"", "VerbatimType", {PythonStr(spelling)}, spelling};
}

}  // namespace

absl::StatusOr<std::string> RenderType(const DataType& type, const Column* column,
                                       const OpContext& ctx) {
  ASSIGN_OR_RETURN(Candidate chosen, Choose(type, ctx));
  const std::string collation = column != nullptr ? column->collation : "";
  const std::string charset = column != nullptr ? column->charset : "";
  if (!collation.empty() || !charset.empty()) {
    if (chosen.takes_collation && (charset.empty() || chosen.module == "mysql")) {
      if (!charset.empty()) chosen.args.push_back("charset=" + PythonStr(charset));
      if (!collation.empty()) chosen.args.push_back("collation=" + PythonStr(collation));
    } else {
      // Keep the collation by writing the whole column type out.
      std::string spelling = chosen.ddl;
      if (!charset.empty()) absl::StrAppend(&spelling, " CHARACTER SET ", charset);
      if (!collation.empty()) {
        absl::StrAppend(&spelling, " COLLATE ", ctx.dialect().QuoteIdentifier(collation));
      }
      chosen = Candidate{"", "VerbatimType", {PythonStr(spelling)}, spelling};
    }
  }
  if (chosen.module.empty()) {
    ctx.file->uses_verbatim_type = true;
    return absl::StrCat(chosen.cls, "(", absl::StrJoin(chosen.args, ", "), ")");
  }
  if (chosen.module != "sa") {
    ctx.file->imports.insert(absl::StrCat("from sqlalchemy.dialects import ", chosen.module));
  }
  // Array elements may come from a dialect module too.
  for (const char* module : {"postgresql", "mysql"}) {
    for (const std::string& arg : chosen.args) {
      if (absl::StartsWith(arg, absl::StrCat(module, "."))) {
        ctx.file->imports.insert(absl::StrCat("from sqlalchemy.dialects import ", module));
      }
    }
  }
  if (absl::StrContains(absl::StrJoin(chosen.args, ","), "VerbatimType(")) {
    ctx.file->uses_verbatim_type = true;
  }
  return Python(chosen);
}

std::string RenderServerDefault(const Column& column, const OpContext& ctx) {
  const Dialect& dialect = ctx.dialect();
  const bool on_update = !column.on_update.empty() && dialect.name() == "mysql";
  if (!column.server_default && !on_update) return "";
  // A string literal is written as Alembic autogenerate writes it, unless the dialect needs it
  // as an expression: MySQL 8 takes literal defaults of TEXT / BLOB / JSON columns only as
  // DEFAULT ('x'), which SQLAlchemy emits from sa.text("('x')").
  if (!on_update && column.server_default->kind == DefaultKind::kString &&
      !absl::StartsWith(dialect.RenderDefault(*column.server_default, column.type), "(")) {
    return PythonStr(column.server_default->text);
  }
  std::string sql = column.server_default
                        ? dialect.RenderDefault(*column.server_default, column.type)
                        : std::string("NULL");
  if (on_update) absl::StrAppend(&sql, " ON UPDATE ", column.on_update);
  return absl::StrCat("sa.text(", PythonSqlText(sql), ")");
}

}  // namespace schemadiff::alembic
