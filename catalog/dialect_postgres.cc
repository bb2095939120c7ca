// The PostgreSQL dialect (15).
//
// Types. Spellings PostgreSQL stores as one type are one canonical type: int4 = int = integer,
// varchar = character varying, float8 = double precision = float(25..53), float(1..24) = real,
// timestamptz = timestamp with time zone, bool = boolean, decimal = numeric. timestamp(6) is
// timestamp (6 is the maximum and the default precision), char is char(1), numeric(p) is
// numeric(p,0). Kinds PostgreSQL lacks become what it would store (tinyint -> smallint,
// mediumint -> integer, blobs -> bytea); MySQL-only attributes (unsigned, display width) are
// dropped. Domains, extension types and anything else stay verbatim, compared by their
// normalized spelling. serial/bigserial parse as their integer types: the autoincrement flag
// is the column's.
//
// Defaults are compared the way PostgreSQL evaluates them: the cast pg_get_expr shows on a
// literal ('active'::character varying, '-1'::integer, '{}'::jsonb) is the literal;
// now(), CURRENT_TIMESTAMP, transaction_timestamp() and LOCALTIMESTAMP are the transaction's
// start time (kCurrentTimestamp) while statement_timestamp() and clock_timestamp() are
// expressions of their own; numbers compare by value spelling (1.50 is 1.5).
//
// Expressions go through catalog/postgres_expr.h, so hand-written CHECK bodies equal
// pg_get_constraintdef's output without a server round trip.
#include "catalog/dialect_postgres.h"

#include <algorithm>

#include "catalog/default_expr.h"
#include "catalog/postgres_expr.h"
#include "catalog/postgres_lexer.h"
#include "catalog/postgres_types.h"
#include "catalog/type.h"

namespace schemadiff {
namespace {

using Kind = PgExpr::Kind;

// True for a literal node (its cast in a default only says which type it is read as).
bool IsLiteral(const PgExpr& e) {
  return e.kind == Kind::kString || e.kind == Kind::kNumber || e.kind == Kind::kBoolean ||
         e.kind == Kind::kNull;
}

// The default kind of a function call or SQL value function that reads the clock.
std::optional<DefaultKind> ClockKind(const PgExpr& e) {
  if (e.kind == Kind::kValueFunction && e.args.empty()) {
    if (e.text == "CURRENT_TIMESTAMP" || e.text == "LOCALTIMESTAMP") {
      return DefaultKind::kCurrentTimestamp;
    }
    if (e.text == "CURRENT_DATE") return DefaultKind::kCurrentDate;
    if (e.text == "CURRENT_TIME" || e.text == "LOCALTIME") return DefaultKind::kCurrentTime;
  }
  if (e.kind == Kind::kFunction && e.args.empty() && e.names.size() == 1 &&
      (e.names[0] == "now" || e.names[0] == "transaction_timestamp")) {
    return DefaultKind::kCurrentTimestamp;
  }
  return std::nullopt;
}

// True when `text` (a canonical expression) can follow DEFAULT without parentheses.
bool IsSimpleDefault(std::string_view text) {
  absl::StatusOr<PgExpr> e = ParsePostgresExpression(text);
  return e.ok() && (e->kind == Kind::kFunction || e->kind == Kind::kValueFunction ||
                    IsLiteral(*e) || e->kind == Kind::kCast || e->kind == Kind::kArray);
}

class PostgresDialectImpl : public Dialect {
 public:
  std::string_view name() const override { return "postgresql"; }
  std::string_view DefaultSchemaName() const override { return "public"; }

  const DialectCapabilities& capabilities() const override {
    static const DialectCapabilities caps = [] {
      DialectCapabilities c;
      c.transactional_ddl = true;
      c.alter_column_type = true;
      c.alter_column_nullability = true;
      c.alter_column_default = true;
      c.rename_column = true;
      c.rename_index = true;
      c.rename_constraint = true;
      c.add_drop_constraints = true;
      c.drop_column = true;
      c.named_enum_types = true;
      c.comments = true;
      c.schemas = true;
      c.max_identifier_length = 63;
      return c;
    }();
    return caps;
  }

  absl::StatusOr<DataType> ParseType(std::string_view native, bool allow_verbatim) const override {
    return ParsePostgresType(native, allow_verbatim);
  }

  std::string RenderType(const DataType& type) const override { return RenderPostgresType(type); }

  DataType NormalizeType(const DataType& type) const override {
    return NormalizePostgresType(type);
  }

  DefaultExpr ParseDefault(std::string_view sql, const DataType& type) const override {
    absl::StatusOr<PgExpr> parsed = ParsePostgresExpression(sql);
    if (!parsed.ok()) return {DefaultKind::kExpression, CanonicalPostgresExpression(sql)};
    const DataType column = NormalizePostgresType(type);
    PgExpr e = *std::move(parsed);
    while (e.kind == Kind::kCast && (IsLiteral(e.args[0]) || e.type.kind == column.kind)) {
      PgExpr operand = std::move(e.args[0]);
      e = std::move(operand);
    }
    switch (e.kind) {
      case Kind::kString:
        if (column.kind == TypeKind::kBoolean) {
          if (std::optional<bool> b = PostgresBooleanInput(e.text)) {
            return {DefaultKind::kBoolean, *b ? "true" : "false"};
          }
        }
        if (IsNumericKind(column.kind) && IsPostgresDecimalLiteral(e.text)) {
          return {DefaultKind::kNumber, CanonicalPostgresNumber(e.text)};
        }
        return {DefaultKind::kString, e.text};
      case Kind::kNumber:
        return {DefaultKind::kNumber, CanonicalPostgresNumber(e.text)};
      case Kind::kBoolean:
        return {DefaultKind::kBoolean, e.text};
      case Kind::kNull:
        return {DefaultKind::kNull, ""};
      default:
        break;
    }
    if (std::optional<DefaultKind> clock = ClockKind(e)) return {*clock, ""};
    return {DefaultKind::kExpression, PrintPostgresExpression(e)};
  }

  std::string RenderDefault(const DefaultExpr& value, const DataType&) const override {
    switch (value.kind) {
      case DefaultKind::kString:
        return QuotePostgresString(value.text);
      case DefaultKind::kExpression:
        return IsSimpleDefault(value.text) ? value.text : "(" + value.text + ")";
      default:
        return StandardDefaultSql(value);
    }
  }

  // PostgreSQL makes primary key, serial and identity columns NOT NULL, stores no default for
  // DEFAULT NULL, and has no table options, column character sets or ON UPDATE clauses (MySQL
  // attributes).
  void NormalizeTableStructure(Table* table) const override {
    table->options.clear();
    for (Column& column : table->columns) {
      const bool in_key =
          table->primary_key &&
          std::find(table->primary_key->columns.begin(), table->primary_key->columns.end(),
                    column.name) != table->primary_key->columns.end();
      if (in_key || column.autoincrement || column.identity) column.nullable = false;
      column.charset.clear();
      column.on_update.clear();
      if (column.server_default && column.server_default->kind == DefaultKind::kNull) {
        column.server_default.reset();
      }
    }
  }

  std::string NormalizeExpression(std::string_view sql) const override {
    return CanonicalPostgresExpression(sql);
  }

  std::string QuoteIdentifier(std::string_view name) const override {
    return QuotePostgresIdentifier(name);
  }

  std::string QuoteString(std::string_view value) const override {
    return QuotePostgresString(value);
  }
};

}  // namespace

const Dialect& PostgresDialect() {
  static const PostgresDialectImpl* dialect = new PostgresDialectImpl();
  return *dialect;
}

}  // namespace schemadiff
