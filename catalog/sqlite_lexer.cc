#include "catalog/sqlite_lexer.h"

#include <algorithm>
#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

// SQLite 3.40's keywords (sqlite3_keyword_name), sorted for binary search.
constexpr std::array<std::string_view, 147> kKeywords = {
    "ABORT",
    "ACTION",
    "ADD",
    "AFTER",
    "ALL",
    "ALTER",
    "ALWAYS",
    "ANALYZE",
    "AND",
    "AS",
    "ASC",
    "ATTACH",
    "AUTOINCREMENT",
    "BEFORE",
    "BEGIN",
    "BETWEEN",
    "BY",
    "CASCADE",
    "CASE",
    "CAST",
    "CHECK",
    "COLLATE",
    "COLUMN",
    "COMMIT",
    "CONFLICT",
    "CONSTRAINT",
    "CREATE",
    "CROSS",
    "CURRENT",
    "CURRENT_DATE",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "DATABASE",
    "DEFAULT",
    "DEFERRABLE",
    "DEFERRED",
    "DELETE",
    "DESC",
    "DETACH",
    "DISTINCT",
    "DO",
    "DROP",
    "EACH",
    "ELSE",
    "END",
    "ESCAPE",
    "EXCEPT",
    "EXCLUDE",
    "EXCLUSIVE",
    "EXISTS",
    "EXPLAIN",
    "FAIL",
    "FILTER",
    "FIRST",
    "FOLLOWING",
    "FOR",
    "FOREIGN",
    "FROM",
    "FULL",
    "GENERATED",
    "GLOB",
    "GROUP",
    "GROUPS",
    "HAVING",
    "IF",
    "IGNORE",
    "IMMEDIATE",
    "IN",
    "INDEX",
    "INDEXED",
    "INITIALLY",
    "INNER",
    "INSERT",
    "INSTEAD",
    "INTERSECT",
    "INTO",
    "IS",
    "ISNULL",
    "JOIN",
    "KEY",
    "LAST",
    "LEFT",
    "LIKE",
    "LIMIT",
    "MATCH",
    "MATERIALIZED",
    "NATURAL",
    "NO",
    "NOT",
    "NOTHING",
    "NOTNULL",
    "NULL",
    "NULLS",
    "OF",
    "OFFSET",
    "ON",
    "OR",
    "ORDER",
    "OTHERS",
    "OUTER",
    "OVER",
    "PARTITION",
    "PLAN",
    "PRAGMA",
    "PRECEDING",
    "PRIMARY",
    "QUERY",
    "RAISE",
    "RANGE",
    "RECURSIVE",
    "REFERENCES",
    "REGEXP",
    "REINDEX",
    "RELEASE",
    "RENAME",
    "REPLACE",
    "RESTRICT",
    "RETURNING",
    "RIGHT",
    "ROLLBACK",
    "ROW",
    "ROWS",
    "SAVEPOINT",
    "SELECT",
    "SET",
    "TABLE",
    "TEMP",
    "TEMPORARY",
    "THEN",
    "TIES",
    "TO",
    "TRANSACTION",
    "TRIGGER",
    "UNBOUNDED",
    "UNION",
    "UNIQUE",
    "UPDATE",
    "USING",
    "VACUUM",
    "VALUES",
    "VIEW",
    "VIRTUAL",
    "WHEN",
    "WHERE",
    "WINDOW",
    "WITH",
    "WITHOUT",
};

// Multi-character operators, longest first so that the first match wins.
constexpr std::array<std::string_view, 10> kLongOperators = {
    "->>", "||", "->", "<=", ">=", "==", "!=", "<>", "<<", ">>",
};

bool IsIdentStart(unsigned char c) { return absl::ascii_isalpha(c) || c == '_' || c >= 0x80; }

bool IsIdentChar(unsigned char c) { return IsIdentStart(c) || absl::ascii_isdigit(c) || c == '$'; }

// Reads a literal or quoted identifier starting at `pos` and closed by `close`, where a doubled
// `close` (when `doubling`) stands for one. Sets `end` past the closing character.
absl::StatusOr<std::string> ReadQuoted(std::string_view sql, size_t pos, char close, bool doubling,
                                       size_t* end) {
  std::string value;
  for (size_t i = pos + 1; i < sql.size(); ++i) {
    if (sql[i] != close) {
      value.push_back(sql[i]);
      continue;
    }
    if (doubling && i + 1 < sql.size() && sql[i + 1] == close) {
      value.push_back(close);
      ++i;
      continue;
    }
    *end = i + 1;
    return value;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unterminated ", sql[pos] == '\'' ? "string literal" : "quoted identifier",
                   " at offset ", pos));
}

// Length of the number starting at `pos` (digits, fraction, exponent, or hex).
size_t NumberLength(std::string_view sql, size_t pos) {
  size_t i = pos;
  if (sql[i] == '0' && i + 2 < sql.size() && (sql[i + 1] == 'x' || sql[i + 1] == 'X') &&
      absl::ascii_isxdigit(static_cast<unsigned char>(sql[i + 2]))) {
    i += 2;
    while (i < sql.size() && absl::ascii_isxdigit(static_cast<unsigned char>(sql[i]))) ++i;
    return i - pos;
  }
  while (i < sql.size() && absl::ascii_isdigit(static_cast<unsigned char>(sql[i]))) ++i;
  if (i < sql.size() && sql[i] == '.') {
    ++i;
    while (i < sql.size() && absl::ascii_isdigit(static_cast<unsigned char>(sql[i]))) ++i;
  }
  if (i < sql.size() && (sql[i] == 'e' || sql[i] == 'E')) {
    size_t j = i + 1;
    if (j < sql.size() && (sql[j] == '+' || sql[j] == '-')) ++j;
    if (j < sql.size() && absl::ascii_isdigit(static_cast<unsigned char>(sql[j]))) {
      while (j < sql.size() && absl::ascii_isdigit(static_cast<unsigned char>(sql[j]))) ++j;
      i = j;
    }
  }
  return i - pos;
}

}  // namespace

bool SqliteToken::IsWord(std::string_view word) const {
  return kind == SqliteTokenKind::kWord && absl::EqualsIgnoreCase(Absl(value), Absl(word));
}

bool SqliteToken::IsPunct(std::string_view op) const {
  return kind == SqliteTokenKind::kPunct && value == op;
}

absl::StatusOr<std::vector<SqliteToken>> TokenizeSqlite(std::string_view sql) {
  std::vector<SqliteToken> tokens;
  size_t i = 0;
  auto add = [&](SqliteTokenKind kind, std::string value, size_t begin, size_t end) {
    tokens.push_back(SqliteToken{kind, std::move(value), begin, end});
    i = end;
  };
  while (i < sql.size()) {
    const unsigned char c = static_cast<unsigned char>(sql[i]);
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (absl::ascii_isspace(c)) {
      ++i;
    } else if (c == '-' && next == '-') {
      const size_t eol = sql.find('\n', i);
      i = eol == std::string_view::npos ? sql.size() : eol + 1;
    } else if (c == '/' && next == '*') {
      const size_t close = sql.find("*/", i + 2);
      if (close == std::string_view::npos) {
        return absl::InvalidArgumentError(absl::StrCat("unterminated comment at offset ", i));
      }
      i = close + 2;
    } else if ((c == 'x' || c == 'X') && next == '\'') {
      size_t end = 0;
      auto value = ReadQuoted(sql, i + 1, '\'', false, &end);
      if (!value.ok()) return value.status();
      add(SqliteTokenKind::kBlob, std::move(*value), i, end);
    } else if (IsIdentStart(c)) {
      size_t end = i + 1;
      while (end < sql.size() && IsIdentChar(static_cast<unsigned char>(sql[end]))) ++end;
      add(SqliteTokenKind::kWord, std::string(sql.substr(i, end - i)), i, end);
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      size_t end = 0;
      const char close = c == '[' ? ']' : static_cast<char>(c);
      auto value = ReadQuoted(sql, i, close, c != '[', &end);
      if (!value.ok()) return value.status();
      add(c == '\'' ? SqliteTokenKind::kString : SqliteTokenKind::kQuotedIdent, std::move(*value),
          i, end);
    } else if (absl::ascii_isdigit(c) ||
               (c == '.' && absl::ascii_isdigit(static_cast<unsigned char>(next)))) {
      const size_t end = i + NumberLength(sql, i);
      add(SqliteTokenKind::kNumber, std::string(sql.substr(i, end - i)), i, end);
    } else if (c == '?' || c == ':' || c == '@' || c == '$') {
      size_t end = i + 1;
      while (end < sql.size() && IsIdentChar(static_cast<unsigned char>(sql[end]))) ++end;
      add(SqliteTokenKind::kVariable, std::string(sql.substr(i, end - i)), i, end);
    } else {
      const auto it =
          std::find_if(kLongOperators.begin(), kLongOperators.end(),
                       [&](std::string_view op) { return sql.substr(i, op.size()) == op; });
      if (it != kLongOperators.end()) {
        add(SqliteTokenKind::kPunct, std::string(*it), i, i + it->size());
      } else if (std::string_view("(),;.+-*/%<>=&|~").find(static_cast<char>(c)) !=
                 std::string_view::npos) {
        add(SqliteTokenKind::kPunct, std::string(1, static_cast<char>(c)), i, i + 1);
      } else {
        return absl::InvalidArgumentError(absl::StrCat(
            "unexpected character '", std::string(1, static_cast<char>(c)), "' at offset ", i));
      }
    }
  }
  return tokens;
}

bool IsSqliteKeyword(std::string_view word) {
  const std::string upper = absl::AsciiStrToUpper(Absl(word));
  return std::binary_search(kKeywords.begin(), kKeywords.end(), std::string_view(upper));
}

bool IsBareSqliteIdentifier(std::string_view name) {
  if (name.empty() ||
      !(absl::ascii_isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) {
    return false;
  }
  for (const char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return !IsSqliteKeyword(name);
}

}  // namespace schemadiff
