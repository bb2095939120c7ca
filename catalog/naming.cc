// SQLAlchemy 1.4 naming conventions (sqlalchemy/sql/naming.py: ConventionDict) and the truncation
// of long conventional names (sqlalchemy/sql/compiler.py: _truncate_and_render_maxlen_name).
#include "catalog/naming.h"

#include <regex>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/md5.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

// What a %(token)s stands for.
enum class TokenKind {
  kTableName,
  kConstraintName,
  kReferredTableName,
  kColumnName,          // column_X_name
  kColumnLabel,         // column_X_label: <schema>_<table>_<column>
  kColumnKey,           // column_X_key (a column's key is its name here)
  kReferredColumnName,  // referred_column_X_name
};

// A classified token: what it reads and for which column(s).
struct Token {
  TokenKind kind = TokenKind::kTableName;
  bool all_columns = false;  // the 0N / 0_N forms: every column, joined
  std::string separator;     // "_" for 0_N, "" for 0N
  size_t index = 0;          // the column index of the single-column form
};

// The tokens ConventionDict knows, for messages.
constexpr char kKnownTokens[] =
    "table_name, constraint_name, referred_table_name, column_0_name, column_0_label, "
    "column_0_key, referred_column_0_name, and their column_0N_* / column_0_N_* forms";

// The per-column accessors of ConventionDict, by the name its getattr() looks for.
std::optional<TokenKind> ColumnAccessor(std::string_view attr) {
  if (attr == "column_X_name") return TokenKind::kColumnName;
  if (attr == "column_X_label") return TokenKind::kColumnLabel;
  if (attr == "column_X_key") return TokenKind::kColumnKey;
  if (attr == "referred_column_X_name") return TokenKind::kReferredColumnName;
  return std::nullopt;
}

// Classifies `key` exactly as ConventionDict.__getitem__ does.
absl::StatusOr<Token> ClassifyToken(const std::string& key) {
  Token token;
  if (key == "table_name") return token;
  if (key == "constraint_name") {
    token.kind = TokenKind::kConstraintName;
    return token;
  }
  if (key == "referred_table_name") {
    token.kind = TokenKind::kReferredTableName;
    return token;
  }
  static const std::regex kColumnTemplate(R"(.*_?column_(\d+)(_?N)?_.+)");
  std::smatch match;
  if (std::regex_match(key, match, kColumnTemplate)) {
    const std::string digits = match[1].str();
    const std::string multiples = match[2].str();
    std::string attr;
    if (!multiples.empty()) {
      attr = absl::StrReplaceAll(key, {{absl::StrCat("0", multiples), "X"}});
      token.all_columns = true;
      if (multiples[0] == '_') token.separator.push_back('_');
    } else {
      attr = absl::StrReplaceAll(key, {{digits, "X"}});
      // Python's int() of a digit string; absurdly large indexes simply never exist.
      token.index = digits.size() > 6 ? 1000000 : static_cast<size_t>(std::stoul(digits));
    }
    if (std::optional<TokenKind> kind = ColumnAccessor(attr)) {
      token.kind = *kind;
      return token;
    }
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown naming convention token '%(", key, ")s' (known: ", kKnownTokens, ")"));
}

// One piece of a parsed template: literal text or a token.
struct Piece {
  std::string literal;
  std::optional<std::string> token;
};

// Splits a Python %-format template into literals and %(key)s tokens; "%%" is a literal "%".
absl::StatusOr<std::vector<Piece>> ParseTemplate(std::string_view text) {
  std::vector<Piece> pieces;
  std::string literal;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      literal.push_back(text[i]);
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '%') {
      literal.push_back('%');
      ++i;
      continue;
    }
    if (i + 1 >= text.size() || text[i + 1] != '(') {
      return absl::InvalidArgumentError(
          absl::StrCat("bad '%' at offset ", i, " in naming convention template '", Absl(text),
                       "' (expected %(token)s, or %% for a literal %)"));
    }
    // Python matches nested parentheses inside the key.
    size_t end = i + 2;
    int depth = 1;
    for (; end < text.size(); ++end) {
      if (text[end] == '(') ++depth;
      if (text[end] == ')' && --depth == 0) break;
    }
    if (end >= text.size() || end + 1 >= text.size() || text[end + 1] != 's') {
      return absl::InvalidArgumentError(absl::StrCat("unterminated token at offset ", i,
                                                     " in naming convention template '", Absl(text),
                                                     "' (expected %(token)s)"));
    }
    pieces.push_back(Piece{std::move(literal), std::nullopt});
    literal.clear();
    pieces.push_back(Piece{"", std::string(text.substr(i + 2, end - i - 2))});
    i = end + 1;
  }
  pieces.push_back(Piece{std::move(literal), std::nullopt});
  return pieces;
}

// column_X_label of a table-bound column (ColumnClause._gen_tq_label without dedupe).
std::string ColumnLabel(const Table& table, const std::string& column) {
  if (!table.schema.empty()) {
    return absl::StrCat(absl::StrReplaceAll(table.schema, {{".", "_"}}), "_", table.name, "_",
                        column);
  }
  return absl::StrCat(table.name, "_", column);
}

// The value of a per-column token for column `index`.
absl::StatusOr<std::string> ColumnValue(TokenKind kind, const NamingSubject& subject,
                                        size_t index) {
  if (kind == TokenKind::kReferredColumnName) {
    if (subject.kind != "fk") {
      return absl::InvalidArgumentError(
          "%(referred_column_0_name)s and its forms apply only to foreign keys (fk)");
    }
    if (index >= subject.referred_columns.size()) {
      return absl::InvalidArgumentError(absl::StrCat("the foreign key has no referred column ",
                                                     index, " for %(referred_column_", index,
                                                     "_name)s"));
    }
    return subject.referred_columns[index];
  }
  // ConventionDict._column_X yields "" past the last column.
  if (index >= subject.columns.size()) return std::string();
  const std::string& column = subject.columns[index];
  if (kind == TokenKind::kColumnLabel) return ColumnLabel(*subject.table, column);
  return column;
}

// The value of `token` for `subject`.
absl::StatusOr<std::string> TokenValue(const Token& token, const NamingSubject& subject) {
  switch (token.kind) {
    case TokenKind::kTableName:
      return subject.table->name;
    case TokenKind::kConstraintName:
      if (subject.constraint_name.empty()) {
        return absl::InvalidArgumentError(
            "naming convention including %(constraint_name)s token requires that the constraint "
            "is explicitly named");
      }
      return subject.constraint_name;
    case TokenKind::kReferredTableName:
      if (subject.kind != "fk") {
        return absl::InvalidArgumentError(
            "%(referred_table_name)s applies only to foreign keys (fk)");
      }
      return subject.referred_table;
    default:
      break;
  }
  if (!token.all_columns) return ColumnValue(token.kind, subject, token.index);
  std::vector<std::string> values;
  for (size_t i = 0; i < subject.columns.size(); ++i) {
    ASSIGN_OR_RETURN(std::string value, ColumnValue(token.kind, subject, i));
    values.push_back(std::move(value));
  }
  return absl::StrJoin(values, token.separator);
}

// Byte offsets of the code points of a UTF-8 string (Python slices by code point).
std::vector<size_t> CodePointOffsets(const std::string& text) {
  std::vector<size_t> offsets;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  return offsets;
}

// _truncate_and_render_maxlen_name for a conv() name: over `max_length` code points it becomes
// name[0:max_length - 8] + "_" + md5_hex(name)[-4:].
std::string Truncate(const std::string& name, int max_length) {
  const std::vector<size_t> offsets = CodePointOffsets(name);
  const long long length = static_cast<long long>(offsets.size());
  if (length <= max_length) return name;
  long long end = max_length - 8;
  if (end < 0) end = std::max(0LL, length + end);  // Python's negative slice bound
  const size_t bytes = end >= length ? name.size() : offsets[end];
  const std::string digest = Md5Hex(name);
  return absl::StrCat(name.substr(0, bytes), "_", digest.substr(digest.size() - 4));
}

}  // namespace

NamingConvention DefaultNamingConvention() { return {{"ix", "ix_%(column_0_label)s"}}; }

absl::StatusOr<std::optional<std::string>> ConventionalName(const NamingConvention& convention,
                                                            const NamingSubject& subject,
                                                            int max_length) {
  auto it = convention.find(subject.kind);
  if (it == convention.end()) return std::optional<std::string>();
  ASSIGN_OR_RETURN(std::vector<Piece> pieces, ParseTemplate(it->second));
  std::string name;
  for (const Piece& piece : pieces) {
    name += piece.literal;
    if (!piece.token) continue;
    ASSIGN_OR_RETURN(Token token, ClassifyToken(*piece.token));
    ASSIGN_OR_RETURN(std::string value, TokenValue(token, subject));
    name += value;
  }
  return std::optional<std::string>(Truncate(name, max_length));
}

absl::Status ValidateNamingTemplate(std::string_view naming_template) {
  ASSIGN_OR_RETURN(std::vector<Piece> pieces, ParseTemplate(naming_template));
  for (const Piece& piece : pieces) {
    if (piece.token) RETURN_IF_ERROR(ClassifyToken(*piece.token).status());
  }
  return absl::OkStatus();
}

bool ConventionUsesConstraintName(const NamingConvention& convention, std::string_view kind) {
  auto it = convention.find(std::string(kind));
  // SQLAlchemy tests `"constraint_name" in convention`, a substring test on the template.
  return it != convention.end() && it->second.find("constraint_name") != std::string::npos;
}

}  // namespace schemadiff
