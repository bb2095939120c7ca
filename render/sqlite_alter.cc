#include "render/sqlite_alter.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

bool IsIdentifierChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Reads a quoted token starting at `text[*pos]` (the opening quote) up to its closing quote,
// where a doubled closing quote stands for itself. Advances *pos past the token and returns
// the unquoted content.
std::string ReadQuoted(std::string_view text, size_t* pos, char close) {
  std::string content;
  size_t i = *pos + 1;
  while (i < text.size()) {
    if (text[i] == close) {
      if (close != ']' && i + 1 < text.size() && text[i + 1] == close) {
        content += close;
        i += 2;
        continue;
      }
      ++i;
      break;
    }
    content += text[i++];
  }
  *pos = i;
  return content;
}

bool ColumnIn(const std::vector<std::string>& columns, std::string_view name) {
  for (const std::string& column : columns) {
    if (absl::EqualsIgnoreCase(column, Absl(name))) return true;
  }
  return false;
}

bool IndexUses(const Index& index, std::string_view column) {
  for (const IndexElement& element : index.elements) {
    if (absl::EqualsIgnoreCase(element.column, Absl(column))) return true;
    if (!element.expression.empty() && ExpressionMentions(element.expression, column)) {
      return true;
    }
  }
  return !index.where.empty() && ExpressionMentions(index.where, column);
}

bool ConstantDefault(const DefaultExpr& value) {
  switch (value.kind) {
    case DefaultKind::kString:
    case DefaultKind::kNumber:
    case DefaultKind::kBoolean:
    case DefaultKind::kNull:
      return true;
    case DefaultKind::kCurrentTimestamp:
    case DefaultKind::kCurrentDate:
    case DefaultKind::kCurrentTime:
    case DefaultKind::kExpression:
      return false;
  }
  return false;
}

}  // namespace

bool ExpressionMentions(std::string_view expression, std::string_view name) {
  size_t i = 0;
  while (i < expression.size()) {
    const char c = expression[i];
    if (c == '\'') {
      ReadQuoted(expression, &i, '\'');
    } else if (c == '"' || c == '`' || c == '[') {
      const std::string token = ReadQuoted(expression, &i, c == '[' ? ']' : c);
      if (absl::EqualsIgnoreCase(token, Absl(name))) return true;
    } else if (IsIdentifierChar(c)) {
      const size_t start = i;
      while (i < expression.size() && IsIdentifierChar(expression[i])) ++i;
      if (absl::EqualsIgnoreCase(Absl(expression.substr(start, i - start)), Absl(name))) {
        return true;
      }
    } else {
      ++i;
    }
  }
  return false;
}

bool SqliteCanAddColumn(const Column& column) {
  if (column.autoincrement || column.identity.has_value()) return false;
  if (column.generated.has_value()) return !column.generated->stored && column.nullable;
  if (column.server_default.has_value() && !ConstantDefault(*column.server_default)) {
    return false;
  }
  if (!column.nullable) {
    return column.server_default.has_value() && column.server_default->kind != DefaultKind::kNull;
  }
  return true;
}

bool SqliteCanDropColumn(const Catalog& catalog, const Table& table, std::string_view column) {
  if (table.columns.size() < 2) return false;
  if (table.primary_key.has_value() && ColumnIn(table.primary_key->columns, column)) {
    return false;
  }
  for (const UniqueConstraint& unique : table.uniques) {
    if (ColumnIn(unique.columns, column)) return false;
  }
  for (const Index& index : table.indexes) {
    if (IndexUses(index, column)) return false;
  }
  for (const ForeignKey& fk : table.foreign_keys) {
    if (ColumnIn(fk.columns, column)) return false;
  }
  for (const CheckConstraint& check : table.checks) {
    if (ExpressionMentions(check.expression, column)) return false;
  }
  for (const Column& other : table.columns) {
    if (other.generated.has_value() && ExpressionMentions(other.generated->expression, column)) {
      return false;
    }
  }
  for (const Table& other : catalog.tables) {
    for (const ForeignKey& fk : other.foreign_keys) {
      if (fk.referred_table == table.name && ColumnIn(fk.referred_columns, column)) return false;
    }
  }
  return true;
}

bool SqliteNeedsRebuild(const Op& op, const Catalog& catalog) {
  if (const auto* add = std::get_if<AddColumn>(&op)) return !SqliteCanAddColumn(add->column);
  if (const auto* drop = std::get_if<DropColumn>(&op)) {
    const Table* table = FindTable(catalog, drop->schema, drop->table);
    return table == nullptr || !SqliteCanDropColumn(catalog, *table, drop->column.name);
  }
  if (const auto* alter = std::get_if<AlterColumn>(&op)) {
    return (alter->changes & ~static_cast<uint32_t>(kAlterComment)) != 0;
  }
  return std::holds_alternative<AddConstraint>(op) || std::holds_alternative<DropConstraint>(op) ||
         std::holds_alternative<RenameConstraint>(op) ||
         std::holds_alternative<AlterTableOptions>(op);
}

}  // namespace schemadiff
