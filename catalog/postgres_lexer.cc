#include "catalog/postgres_lexer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace schemadiff {
namespace {

constexpr std::string_view kColumnNameKeywords =
    "between bigint bit boolean char character coalesce dec decimal exists extract float "
    "greatest grouping inout int integer interval least national nchar none normalize nullif "
    "numeric out overlay position precision real row setof smallint substring time timestamp "
    "treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest "
    "xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable";
constexpr std::string_view kTypeFunctionKeywords =
    "authorization binary collation concurrently cross current_schema freeze full ilike inner "
    "is isnull join left like natural notnull outer overlaps right similar tablesample verbose";
constexpr std::string_view kReservedKeywords =
    "all analyse analyze and any array as asc asymmetric both case cast check collate column "
    "constraint create current_catalog current_date current_role current_time current_timestamp "
    "current_user default deferrable desc distinct do else end except false fetch for foreign "
    "from grant group having in initially intersect into lateral leading limit localtime "
    "localtimestamp not null offset on only or order placing primary references returning "
    "select session_user some symmetric table then to trailing true union unique user using "
    "variadic when where window with";

// Keyword -> category, built once.
const absl::flat_hash_map<std::string, PgKeyword>& KeywordTable() {
  static const auto* table = [] {
    auto* t = new absl::flat_hash_map<std::string, PgKeyword>();
    const std::array<std::pair<std::string_view, PgKeyword>, 3> lists = {{
        {kColumnNameKeywords, PgKeyword::kColumnName},
        {kTypeFunctionKeywords, PgKeyword::kTypeFunctionName},
        {kReservedKeywords, PgKeyword::kReserved},
    }};
    for (const auto& [words, category] : lists) {
      for (absl::string_view w :
           absl::StrSplit(absl::string_view(words.data(), words.size()), ' ', absl::SkipEmpty())) {
        (*t)[std::string(w)] = category;
      }
    }
    return t;
  }();
  return *table;
}

bool IsIdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IsIdentChar(unsigned char c) { return IsIdentStart(c) || std::isdigit(c) || c == '$'; }
bool IsOperatorChar(char c) {
  return std::string_view("+-*/<>=~!@#%^&|`?").find(c) != std::string_view::npos;
}

// Scans a quoted section starting after the opening `quote` at `pos`; doubled quotes escape
// it. Returns the content and moves `pos` past the closing quote; nullopt when unterminated.
std::optional<std::string> ScanDoubled(std::string_view sql, size_t& pos, char quote) {
  std::string out;
  while (pos < sql.size()) {
    const char c = sql[pos++];
    if (c == quote) {
      if (pos < sql.size() && sql[pos] == quote) {
        out.push_back(quote);
        ++pos;
        continue;
      }
      return out;
    }
    out.push_back(c);
  }
  return std::nullopt;
}

// Scans an E'...' body (backslash escapes) after the opening quote.
std::optional<std::string> ScanEscaped(std::string_view sql, size_t& pos) {
  std::string out;
  while (pos < sql.size()) {
    const char c = sql[pos++];
    if (c == '\'') {
      if (pos < sql.size() && sql[pos] == '\'') {
        out.push_back('\'');
        ++pos;
        continue;
      }
      return out;
    }
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (pos >= sql.size()) return std::nullopt;
    const char e = sql[pos++];
    switch (e) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'x': {
        int value = 0, digits = 0;
        while (digits < 2 && pos < sql.size() &&
               std::isxdigit(static_cast<unsigned char>(sql[pos]))) {
          const char h = static_cast<char>(std::tolower(static_cast<unsigned char>(sql[pos++])));
          value = value * 16 + (h <= '9' ? h - '0' : h - 'a' + 10);
          ++digits;
        }
        out.push_back(static_cast<char>(value));
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int value = e - '0', digits = 1;
          while (digits < 3 && pos < sql.size() && sql[pos] >= '0' && sql[pos] <= '7') {
            value = value * 8 + (sql[pos++] - '0');
            ++digits;
          }
          out.push_back(static_cast<char>(value));
        } else {
          out.push_back(e);
        }
    }
  }
  return std::nullopt;
}

// The operator text starting at `pos`, following PostgreSQL's lexing rules: stop before a
// comment start, and drop trailing + / - unless the operator holds one of ~ ! @ # % ^ & | ` ?.
std::string ScanOperator(std::string_view sql, size_t pos) {
  size_t end = pos;
  while (end < sql.size() && IsOperatorChar(sql[end])) {
    if (end > pos &&
        ((sql[end] == '-' && sql[end - 1] == '-') || (sql[end] == '*' && sql[end - 1] == '/'))) {
      --end;
      break;
    }
    ++end;
  }
  std::string op(sql.substr(pos, end - pos));
  const bool special = op.find_first_of("~!@#%^&|`?") != std::string::npos;
  while (op.size() > 1 && !special && (op.back() == '+' || op.back() == '-')) op.pop_back();
  return op;
}

}  // namespace

absl::StatusOr<std::vector<PgToken>> TokenizePostgres(std::string_view sql) {
  std::vector<PgToken> tokens;
  size_t pos = 0;
  const auto error = [&](std::string_view what) {
    return absl::InvalidArgumentError(absl::StrFormat("%s at offset %d in: %s", what, pos, sql));
  };
  while (pos < sql.size()) {
    const unsigned char c = sql[pos];
    if (std::isspace(c)) {
      ++pos;
      continue;
    }
    if (c == '-' && pos + 1 < sql.size() && sql[pos + 1] == '-') {
      while (pos < sql.size() && sql[pos] != '\n') ++pos;
      continue;
    }
    if (c == '/' && pos + 1 < sql.size() && sql[pos + 1] == '*') {
      int depth = 0;
      size_t p = pos;
      do {
        if (p + 1 < sql.size() && sql[p] == '/' && sql[p + 1] == '*') {
          ++depth;
          p += 2;
        } else if (p + 1 < sql.size() && sql[p] == '*' && sql[p + 1] == '/') {
          --depth;
          p += 2;
        } else if (p < sql.size()) {
          ++p;
        } else {
          return error("unterminated comment");
        }
      } while (depth > 0);
      pos = p;
      continue;
    }
    const char next = pos + 1 < sql.size() ? sql[pos + 1] : '\0';
    if ((c == 'e' || c == 'E') && next == '\'') {
      pos += 2;
      std::optional<std::string> s = ScanEscaped(sql, pos);
      if (!s) return error("unterminated string literal");
      tokens.push_back({PgTokenKind::kString, *s});
      continue;
    }
    if ((c == 'b' || c == 'B' || c == 'x' || c == 'X') && next == '\'') {
      const size_t start = pos;
      pos += 2;
      std::optional<std::string> s = ScanDoubled(sql, pos, '\'');
      if (!s) return error("unterminated bit string");
      tokens.push_back({PgTokenKind::kBitString,
                        absl::StrCat(std::string(1, std::toupper(sql[start])), "'", *s, "'")});
      continue;
    }
    if ((c == 'n' || c == 'N') && next == '\'') {
      ++pos;  // N'...' is an ordinary string
      continue;
    }
    if (IsIdentStart(c)) {
      size_t end = pos;
      while (end < sql.size() && IsIdentChar(sql[end])) ++end;
      std::string word(sql.substr(pos, end - pos));
      std::transform(word.begin(), word.end(), word.begin(),
                     [](unsigned char ch) { return ch < 0x80 ? std::tolower(ch) : ch; });
      tokens.push_back({PgTokenKind::kWord, std::move(word)});
      pos = end;
      continue;
    }
    if (c == '"') {
      ++pos;
      std::optional<std::string> s = ScanDoubled(sql, pos, '"');
      if (!s) return error("unterminated quoted identifier");
      tokens.push_back({PgTokenKind::kQuotedIdent, *s});
      continue;
    }
    if (c == '\'') {
      ++pos;
      std::optional<std::string> s = ScanDoubled(sql, pos, '\'');
      if (!s) return error("unterminated string literal");
      tokens.push_back({PgTokenKind::kString, *s});
      continue;
    }
    if (c == '$') {
      size_t end = pos + 1;
      if (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) {
        while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) ++end;
        tokens.push_back({PgTokenKind::kParam, std::string(sql.substr(pos, end - pos))});
        pos = end;
        continue;
      }
      while (end < sql.size() && IsIdentChar(sql[end]) && sql[end] != '$') ++end;
      if (end >= sql.size() || sql[end] != '$') return error("unexpected '$'");
      const std::string tag(sql.substr(pos, end - pos + 1));
      const size_t close = sql.find(tag, end + 1);
      if (close == std::string_view::npos) return error("unterminated dollar-quoted string");
      tokens.push_back({PgTokenKind::kString, std::string(sql.substr(end + 1, close - end - 1))});
      pos = close + tag.size();
      continue;
    }
    if (std::isdigit(c) || (c == '.' && std::isdigit(static_cast<unsigned char>(next)))) {
      size_t end = pos;
      while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) ++end;
      if (end < sql.size() && sql[end] == '.' && !(end + 1 < sql.size() && sql[end + 1] == '.')) {
        ++end;
        while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) ++end;
      }
      if (end < sql.size() && (sql[end] == 'e' || sql[end] == 'E')) {
        size_t e = end + 1;
        if (e < sql.size() && (sql[e] == '+' || sql[e] == '-')) ++e;
        if (e < sql.size() && std::isdigit(static_cast<unsigned char>(sql[e]))) {
          end = e;
          while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) ++end;
        }
      }
      tokens.push_back({PgTokenKind::kNumber, std::string(sql.substr(pos, end - pos))});
      pos = end;
      continue;
    }
    if (c == ':' && next == ':') {
      tokens.push_back({PgTokenKind::kPunct, "::"});
      pos += 2;
      continue;
    }
    if (std::string_view("()[],;:.").find(static_cast<char>(c)) != std::string_view::npos) {
      tokens.push_back({PgTokenKind::kPunct, std::string(1, static_cast<char>(c))});
      ++pos;
      continue;
    }
    if (IsOperatorChar(static_cast<char>(c))) {
      std::string op = ScanOperator(sql, pos);
      pos += op.size();
      tokens.push_back({PgTokenKind::kOperator, std::move(op)});
      continue;
    }
    return error(absl::StrCat("unexpected character '", std::string(1, static_cast<char>(c)), "'"));
  }
  return tokens;
}

PgKeyword PostgresKeywordCategory(std::string_view word) {
  const auto& table = KeywordTable();
  auto it = table.find(std::string(word));
  return it == table.end() ? PgKeyword::kNone : it->second;
}

bool PostgresNeedsQuotes(std::string_view name) {
  if (name.empty()) return true;
  const unsigned char first = name[0];
  if (!(std::islower(first) || first == '_')) return true;
  for (unsigned char c : name) {
    if (!(std::islower(c) || std::isdigit(c) || c == '_')) return true;
  }
  return PostgresKeywordCategory(name) != PgKeyword::kNone;
}

std::string QuotePostgresIdentifier(std::string_view name) {
  if (!PostgresNeedsQuotes(name)) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string QuotePostgresString(std::string_view value) {
  const bool control = std::any_of(value.begin(), value.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  std::string out = control ? "E'" : "'";
  for (char c : value) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '\'') {
      out += "''";
    } else if (control && c == '\\') {
      out += "\\\\";
    } else if (control && (u < 0x20 || u == 0x7f)) {
      switch (c) {
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          out += absl::StrFormat("\\x%02x", u);
      }
    } else {
      out.push_back(c);
    }
  }
  out.push_back('\'');
  return out;
}

}  // namespace schemadiff
