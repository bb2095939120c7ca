// PostgreSQL expressions: a parser for the expression grammar of CHECK bodies, defaults, index
// keys and predicates, and a canonical printer. Hand-written SQL and what the server reports
// (pg_get_expr, pg_get_constraintdef) canonicalize to the same text: redundant parentheses go,
// keywords and identifiers are case-folded and quoted only where needed, IN lists and
// `= ANY (ARRAY[...])` are one form, BETWEEN is its two comparisons, LIKE is ~~, and the casts
// PostgreSQL adds while resolving types (literals to the column's type, varchar to text, int to
// numeric) are dropped. The canonical text is valid SQL with the same meaning.
#ifndef SCHEMADIFF_CATALOG_POSTGRES_EXPR_H_
#define SCHEMADIFF_CATALOG_POSTGRES_EXPR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/type.h"

namespace schemadiff {

// One node of a parsed expression.
struct PgExpr {
  enum class Kind {
    kNumber,     // text: the number as written (a leading '-' for negative literals)
    kString,     // text: the unescaped value
    kBitString,  // text: B'...' / X'...'
    kBoolean,    // text: "true" / "false"
    kNull,
    kParam,          // text: $n
    kColumn,         // names: the qualified name parts
    kStar,           // * as a function argument
    kFunction,       // names: the function name parts; args; distinct
    kValueFunction,  // text: CURRENT_TIMESTAMP, LOCALTIME, ...; args: optional precision
    kCast,           // args[0]::type
    kBinary,         // args[0] text args[1] (operators, AT TIME ZONE)
    kPrefix,         // text args[0] (unary operators)
    kAnd,            // args joined with AND (flattened)
    kOr,             // args joined with OR (flattened)
    kNot,            // NOT args[0]
    kIsTest,         // args[0] IS text (NULL, NOT NULL, TRUE, NOT FALSE, UNKNOWN, ...)
    kDistinct,       // args[0] IS [NOT] DISTINCT FROM args[1]; negated for NOT
    kIn,             // args[0] [NOT] IN (args[1..]); negated for NOT IN
    kAnyAll,         // args[0] text ANY|ALL (args[1]); names[0] is "ANY" or "ALL"
    kCase,           // args: [operand?] when/then pairs [else]; has_operand, has_else
    kArray,          // ARRAY[args]
    kRow,            // ROW(args)
    kSubscript,      // args[0][args[1]] or [args[1]:args[2]] when slice
    kCollate,        // args[0] COLLATE text
    kExtract,        // EXTRACT(text FROM args[0])
  };
  Kind kind = Kind::kNull;
  std::string text;
  std::vector<std::string> names;
  std::vector<PgExpr> args;
  DataType type;  // kCast target
  bool negated = false;
  bool distinct = false;
  bool has_operand = false;
  bool has_else = false;
  bool slice = false;
};

// Parses `sql` into an expression tree, already canonicalized (see the file comment).
absl::StatusOr<PgExpr> ParsePostgresExpression(std::string_view sql);

// The canonical SQL text of a tree.
std::string PrintPostgresExpression(const PgExpr& expr);

// The canonical text of `sql`: ParsePostgresExpression + PrintPostgresExpression, or, for text
// the parser does not understand, CanonicalSql (catalog/sql_text.h).
std::string CanonicalPostgresExpression(std::string_view sql);

// The canonical spelling of a number literal: no '+', no redundant leading zeros, no trailing
// fractional zeros ("1.50" is "1.5", "-0" is "0"); exponent forms are kept.
std::string CanonicalPostgresNumber(std::string_view text);

// True for a decimal number without exponent, optionally signed and space-padded ("-1.50").
bool IsPostgresDecimalLiteral(std::string_view text);

// The value of one of PostgreSQL's boolean input spellings (t, yes, on, 1, ...), any case.
std::optional<bool> PostgresBooleanInput(std::string_view text);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_POSTGRES_EXPR_H_
