#include "catalog/default_expr.h"

#include "absl/strings/str_cat.h"

namespace schemadiff {

std::string StandardDefaultSql(const DefaultExpr& value) {
  switch (value.kind) {
    case DefaultKind::kString: {
      std::string out = "'";
      for (char c : value.text) {
        if (c == '\'') out.push_back('\'');
        out.push_back(c);
      }
      out.push_back('\'');
      return out;
    }
    case DefaultKind::kNumber:
    case DefaultKind::kBoolean:
      return value.text;
    case DefaultKind::kNull:
      return "NULL";
    case DefaultKind::kCurrentTimestamp:
      return "CURRENT_TIMESTAMP";
    case DefaultKind::kCurrentDate:
      return "CURRENT_DATE";
    case DefaultKind::kCurrentTime:
      return "CURRENT_TIME";
    case DefaultKind::kExpression:
      return absl::StrCat("(", value.text, ")");
  }
  return value.text;
}

std::string DescribeDefault(const DefaultExpr& value) { return StandardDefaultSql(value); }

}  // namespace schemadiff
