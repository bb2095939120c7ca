#include "diff/expression_rename.h"

#include <vector>

#include "absl/status/statusor.h"
#include "catalog/dialect.h"
#include "catalog/sql_text.h"

namespace schemadiff {
namespace {

// The name a word or quoted-identifier token stands for; "" for other tokens.
std::string IdentifierName(const SqlToken& token) {
  if (token.kind == SqlTokenKind::kWord) return token.text;
  if (token.kind != SqlTokenKind::kQuotedIdentifier || token.text.size() < 2) return "";
  const char quote = token.text.front();
  const char close = quote == '[' ? ']' : quote;
  std::string name;
  for (size_t i = 1; i + 1 < token.text.size(); ++i) {
    name += token.text[i];
    if (token.text[i] == close && token.text[i + 1] == close) ++i;  // doubled quote
  }
  return name;
}

bool IsPunctuation(const std::vector<SqlToken>& tokens, size_t i, std::string_view text) {
  return i < tokens.size() &&
         (tokens[i].kind == SqlTokenKind::kPunctuation ||
          tokens[i].kind == SqlTokenKind::kOperator) &&
         tokens[i].text == text;
}

// Whether token `i` is a reference to column `from` of `table`.
bool IsColumnReference(const std::vector<SqlToken>& tokens, size_t i, std::string_view table,
                       std::string_view from) {
  if (IdentifierName(tokens[i]) != from) return false;
  if (IsPunctuation(tokens, i + 1, "(") || IsPunctuation(tokens, i + 1, ".")) return false;
  if (i > 0 && IsPunctuation(tokens, i - 1, "::")) return false;  // a type name
  if (i > 0 && IsPunctuation(tokens, i - 1, ".")) {
    return i > 1 && IdentifierName(tokens[i - 2]) == table;
  }
  return true;
}

}  // namespace

std::string RenameColumnInExpression(std::string_view expression, std::string_view dialect,
                                     std::string_view table, std::string_view from,
                                     std::string_view to) {
  absl::StatusOr<const Dialect*> found = DialectByName(dialect);
  if (!found.ok() || expression.empty()) return std::string(expression);
  SqlTextOptions options = (*found)->ExpressionQuoting();
  options.unquote_simple_identifiers = false;  // the dialect normalizes the result below
  std::vector<SqlToken> tokens = TokenizeSql(expression, options);
  bool renamed = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!IsColumnReference(tokens, i, table, from)) continue;
    tokens[i] = {SqlTokenKind::kQuotedIdentifier, (*found)->QuoteIdentifier(to)};
    renamed = true;
  }
  if (!renamed) return std::string(expression);
  return (*found)->NormalizeExpression(JoinSqlTokens(tokens));
}

void RenameColumnInExpressions(Table& table, std::string_view dialect, std::string_view from,
                               std::string_view to) {
  auto rename = [&](std::string& text) {
    text = RenameColumnInExpression(text, dialect, table.name, from, to);
  };
  for (CheckConstraint& check : table.checks) rename(check.expression);
  for (Index& index : table.indexes) {
    for (IndexElement& element : index.elements) rename(element.expression);
    rename(index.where);
  }
  for (Column& column : table.columns) {
    if (column.generated) rename(column.generated->expression);
  }
}

}  // namespace schemadiff
