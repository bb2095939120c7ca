// Normalized server defaults.
#ifndef SCHEMADIFF_CATALOG_DEFAULT_EXPR_H_
#define SCHEMADIFF_CATALOG_DEFAULT_EXPR_H_

#include <string>

namespace schemadiff {

// What a server default is. Equal defaults compare equal after normalization; the kind keeps
// a string literal '1' apart from the number 1.
enum class DefaultKind {
  kString,            // text holds the unquoted, unescaped value
  kNumber,            // text holds the canonical number spelling ("0", "1.5", "-3")
  kBoolean,           // text is "true" or "false"
  kNull,              // explicit DEFAULT NULL
  kCurrentTimestamp,  // CURRENT_TIMESTAMP, now(), current_timestamp(), localtimestamp...
  kCurrentDate,
  kCurrentTime,
  kExpression,  // any other SQL expression; text is its canonical spelling
};

// A column's server default.
struct DefaultExpr {
  DefaultKind kind = DefaultKind::kExpression;
  std::string text;

  friend bool operator==(const DefaultExpr&, const DefaultExpr&) = default;
};

// The standard SQL spelling of a default: 'text' with quotes doubled, numbers and booleans as
// they are, NULL, CURRENT_TIMESTAMP / CURRENT_DATE / CURRENT_TIME, (expression). Dialects
// spell the kinds they share with the standard through it.
std::string StandardDefaultSql(const DefaultExpr& value);

// A short description for messages, e.g. "'active'", "0", "CURRENT_TIMESTAMP", "(now() + 1)".
std::string DescribeDefault(const DefaultExpr& value);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_DEFAULT_EXPR_H_
