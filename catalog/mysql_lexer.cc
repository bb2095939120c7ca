#include "catalog/mysql_lexer.h"

#include <array>
#include <cctype>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "catalog/sql_text.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

bool IsWordChar(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Operators of more than one character, longest first.
constexpr std::array<std::string_view, 11> kMultiCharOps = {
    "<=>", "->>", "<=", ">=", "<>", "!=", "<<", ">>", "&&", "||", ":="};

// Keywords that may appear inside expressions and are printed lower-case and unquoted. Any
// other bare word is an identifier unless a '(' follows it (a function call).
constexpr std::array<std::string_view, 34> kExpressionKeywords = {
    "and",      "or",       "xor",       "not",     "is",           "null",    "in",
    "between",  "like",     "regexp",    "rlike",   "escape",       "case",    "when",
    "then",     "else",     "end",       "div",     "mod",          "collate", "binary",
    "interval", "distinct", "exists",    "unknown", "sounds",       "as",      "all",
    "any",      "some",     "separator", "using",   "current_user", "over"};

// Units that follow INTERVAL <expr>.
constexpr std::array<std::string_view, 20> kIntervalUnits = {"microsecond",
                                                             "second",
                                                             "minute",
                                                             "hour",
                                                             "day",
                                                             "week",
                                                             "month",
                                                             "quarter",
                                                             "year",
                                                             "second_microsecond",
                                                             "minute_microsecond",
                                                             "minute_second",
                                                             "hour_microsecond",
                                                             "hour_second",
                                                             "hour_minute",
                                                             "day_microsecond",
                                                             "day_second",
                                                             "day_minute",
                                                             "day_hour",
                                                             "year_month"};

// Words MySQL 8 or MariaDB 10.11 reserve: an identifier spelled like one needs its quotes.
constexpr std::string_view kReservedWords[] = {"accessible",
                                               "add",
                                               "all",
                                               "alter",
                                               "analyze",
                                               "and",
                                               "as",
                                               "asc",
                                               "asensitive",
                                               "before",
                                               "between",
                                               "bigint",
                                               "binary",
                                               "blob",
                                               "both",
                                               "by",
                                               "call",
                                               "cascade",
                                               "case",
                                               "change",
                                               "char",
                                               "character",
                                               "check",
                                               "collate",
                                               "column",
                                               "condition",
                                               "constraint",
                                               "continue",
                                               "convert",
                                               "create",
                                               "cross",
                                               "cube",
                                               "cume_dist",
                                               "current_date",
                                               "current_role",
                                               "current_time",
                                               "current_timestamp",
                                               "current_user",
                                               "cursor",
                                               "database",
                                               "databases",
                                               "day_hour",
                                               "day_microsecond",
                                               "day_minute",
                                               "day_second",
                                               "dec",
                                               "decimal",
                                               "declare",
                                               "default",
                                               "delayed",
                                               "delete",
                                               "delete_domain_id",
                                               "dense_rank",
                                               "desc",
                                               "describe",
                                               "deterministic",
                                               "distinct",
                                               "distinctrow",
                                               "div",
                                               "do_domain_ids",
                                               "double",
                                               "drop",
                                               "dual",
                                               "each",
                                               "else",
                                               "elseif",
                                               "empty",
                                               "enclosed",
                                               "escaped",
                                               "except",
                                               "exists",
                                               "exit",
                                               "explain",
                                               "false",
                                               "fetch",
                                               "first_value",
                                               "float",
                                               "float4",
                                               "float8",
                                               "for",
                                               "force",
                                               "foreign",
                                               "from",
                                               "fulltext",
                                               "function",
                                               "general",
                                               "generated",
                                               "get",
                                               "grant",
                                               "group",
                                               "grouping",
                                               "groups",
                                               "having",
                                               "high_priority",
                                               "hour_microsecond",
                                               "hour_minute",
                                               "hour_second",
                                               "if",
                                               "ignore",
                                               "ignore_domain_ids",
                                               "ignore_server_ids",
                                               "in",
                                               "index",
                                               "infile",
                                               "inner",
                                               "inout",
                                               "insensitive",
                                               "insert",
                                               "int",
                                               "int1",
                                               "int2",
                                               "int3",
                                               "int4",
                                               "int8",
                                               "integer",
                                               "intersect",
                                               "interval",
                                               "into",
                                               "io_after_gtids",
                                               "io_before_gtids",
                                               "is",
                                               "iterate",
                                               "join",
                                               "json_table",
                                               "key",
                                               "keys",
                                               "kill",
                                               "lag",
                                               "last_value",
                                               "lateral",
                                               "lead",
                                               "leading",
                                               "leave",
                                               "left",
                                               "like",
                                               "limit",
                                               "linear",
                                               "lines",
                                               "load",
                                               "localtime",
                                               "localtimestamp",
                                               "lock",
                                               "long",
                                               "longblob",
                                               "longtext",
                                               "loop",
                                               "low_priority",
                                               "master_bind",
                                               "master_heartbeat_period",
                                               "master_ssl_verify_server_cert",
                                               "match",
                                               "maxvalue",
                                               "mediumblob",
                                               "mediumint",
                                               "mediumtext",
                                               "middleint",
                                               "minute_microsecond",
                                               "minute_second",
                                               "mod",
                                               "modifies",
                                               "natural",
                                               "no_write_to_binlog",
                                               "not",
                                               "nth_value",
                                               "ntile",
                                               "null",
                                               "numeric",
                                               "of",
                                               "offset",
                                               "on",
                                               "optimize",
                                               "optimizer_costs",
                                               "option",
                                               "optionally",
                                               "or",
                                               "order",
                                               "out",
                                               "outer",
                                               "outfile",
                                               "over",
                                               "page_checksum",
                                               "parse_vcol_expr",
                                               "partition",
                                               "percent_rank",
                                               "position",
                                               "precision",
                                               "primary",
                                               "procedure",
                                               "purge",
                                               "range",
                                               "rank",
                                               "read",
                                               "read_write",
                                               "reads",
                                               "real",
                                               "recursive",
                                               "ref_system_id",
                                               "references",
                                               "regexp",
                                               "release",
                                               "rename",
                                               "repeat",
                                               "replace",
                                               "require",
                                               "resignal",
                                               "restrict",
                                               "return",
                                               "returning",
                                               "revoke",
                                               "right",
                                               "rlike",
                                               "row",
                                               "row_number",
                                               "rows",
                                               "schema",
                                               "schemas",
                                               "second_microsecond",
                                               "select",
                                               "sensitive",
                                               "separator",
                                               "set",
                                               "show",
                                               "signal",
                                               "slow",
                                               "smallint",
                                               "spatial",
                                               "specific",
                                               "sql",
                                               "sql_big_result",
                                               "sql_calc_found_rows",
                                               "sql_small_result",
                                               "sqlexception",
                                               "sqlstate",
                                               "sqlwarning",
                                               "ssl",
                                               "starting",
                                               "stats_auto_recalc",
                                               "stats_persistent",
                                               "stats_sample_pages",
                                               "stored",
                                               "straight_join",
                                               "system",
                                               "table",
                                               "terminated",
                                               "then",
                                               "tinyblob",
                                               "tinyint",
                                               "tinytext",
                                               "to",
                                               "trailing",
                                               "trigger",
                                               "true",
                                               "undo",
                                               "union",
                                               "unique",
                                               "unlock",
                                               "unsigned",
                                               "update",
                                               "usage",
                                               "use",
                                               "using",
                                               "utc_date",
                                               "utc_time",
                                               "utc_timestamp",
                                               "values",
                                               "varbinary",
                                               "varchar",
                                               "varcharacter",
                                               "varying",
                                               "virtual",
                                               "when",
                                               "where",
                                               "while",
                                               "window",
                                               "with",
                                               "write",
                                               "xor",
                                               "year_month",
                                               "zerofill"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  for (std::string_view item : list) {
    if (item == word) return true;
  }
  return false;
}

// Reads a quoted run starting at `sql[i]` (the opening quote). Doubled quotes stand for one;
// backslash escapes are decoded when `backslash`. Returns false when unterminated.
bool ReadQuoted(std::string_view sql, size_t& i, bool backslash, std::string* out) {
  const char quote = sql[i++];
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        out->push_back(quote);
        i += 2;
        continue;
      }
      ++i;
      return true;
    }
    if (backslash && c == '\\' && i + 1 < sql.size()) {
      const char e = sql[i + 1];
      switch (e) {
        case '0':
          out->push_back('\0');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'Z':
          out->push_back('\x1a');
          break;
        case '%':
        case '_':
          out->push_back('\\');
          out->push_back(e);
          break;
        default:
          out->push_back(e);
          break;
      }
      i += 2;
      continue;
    }
    out->push_back(c);
    ++i;
  }
  return false;
}

// Reads a number starting at sql[i]; returns its text.
std::string ReadNumber(std::string_view sql, size_t& i) {
  const size_t begin = i;
  while (i < sql.size() && IsDigit(sql[i])) ++i;
  if (i < sql.size() && sql[i] == '.') {
    ++i;
    while (i < sql.size() && IsDigit(sql[i])) ++i;
  }
  if (i < sql.size() && (sql[i] == 'e' || sql[i] == 'E')) {
    size_t j = i + 1;
    if (j < sql.size() && (sql[j] == '+' || sql[j] == '-')) ++j;
    if (j < sql.size() && IsDigit(sql[j])) {
      i = j;
      while (i < sql.size() && IsDigit(sql[i])) ++i;
    }
  }
  return std::string(sql.substr(begin, i - begin));
}

std::string Lower(std::string_view text) { return absl::AsciiStrToLower(Absl(text)); }

// The canonical spelling of one function name (synonyms of the same function folded).
std::string CanonicalFunction(const std::string& lower) {
  if (lower == "now" || lower == "localtime" || lower == "localtimestamp" ||
      lower == "current_timestamp") {
    return "current_timestamp";
  }
  if (lower == "current_date") return "curdate";
  if (lower == "current_time") return "curtime";
  if (lower == "substr") return "substring";
  if (lower == "lcase") return "lower";
  if (lower == "ucase") return "upper";
  return lower;
}

// Words that are zero-argument functions when written without parentheses.
bool IsNiladicFunction(const std::string& lower) {
  return lower == "current_timestamp" || lower == "localtime" || lower == "localtimestamp" ||
         lower == "current_date" || lower == "current_time" || lower == "utc_timestamp" ||
         lower == "utc_date" || lower == "utc_time";
}

// How a printed piece joins its neighbours.
struct Piece {
  std::string text;
  bool open = false;     // "(": nothing after it
  bool close = false;    // ")": nothing before it
  bool comma = false;    // ",": nothing before it
  bool dot = false;      // ".": nothing around it
  bool call = false;     // a function name: the following "(" sticks to it
  bool operand = false;  // ends an operand (so a following +/- is binary)
  bool unary = false;    // a unary sign: nothing after it
};

// Whether `tokens[begin, end)` is wrapped as a whole in one pair of parentheses.
bool WrappedInParens(const std::vector<MysqlToken>& tokens, size_t begin, size_t end) {
  if (end - begin < 2 || !tokens[begin].IsPunct("(") || !tokens[end - 1].IsPunct(")")) {
    return false;
  }
  int depth = 0;
  for (size_t i = begin; i < end; ++i) {
    if (tokens[i].IsPunct("(")) ++depth;
    if (tokens[i].IsPunct(")")) --depth;
    if (depth == 0 && i + 1 < end) return false;
  }
  return true;
}

// How a canonical expression writes the (lower-cased) identifier `name`: bare when that reads
// back as the same identifier, back-quoted otherwise.
std::string IdentifierText(const std::string& name) {
  return IsBareMysqlIdentifier(name) ? name : QuoteMysqlIdentifier(name);
}

}  // namespace

bool IsBareMysqlIdentifier(std::string_view name) {
  if (name.empty() || IsDigit(name[0])) return false;
  for (char c : name) {
    if (!(c >= 'a' && c <= 'z') && !IsDigit(c) && c != '_') return false;
  }
  const std::string word(name);
  for (std::string_view reserved : kReservedWords) {
    if (reserved == word) return false;
  }
  // Words the canonical form itself reads as keywords, units or functions keep their quotes.
  return !Contains(kExpressionKeywords, word) && !Contains(kIntervalUnits, word) &&
         !IsNiladicFunction(word) && word != "n" && word[0] != '_';
}

bool MysqlToken::IsWord(std::string_view word) const {
  return kind == MysqlTokenKind::kWord && absl::EqualsIgnoreCase(Absl(value), Absl(word));
}

bool MysqlToken::IsPunct(std::string_view op) const {
  return kind == MysqlTokenKind::kPunct && value == op;
}

absl::StatusOr<std::vector<MysqlToken>> TokenizeMysql(std::string_view sql) {
  std::vector<MysqlToken> tokens;
  size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    // Comments.
    if (c == '#' ||
        (c == '-' && next == '-' &&
         (i + 2 >= sql.size() || std::isspace(static_cast<unsigned char>(sql[i + 2]))))) {
      while (i < sql.size() && sql[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && next == '*') {
      const size_t close = sql.find("*/", i + 2);
      if (close == std::string_view::npos) {
        return absl::InvalidArgumentError("unterminated /* comment");
      }
      i = close + 2;
      continue;
    }
    if (c == '\'' || c == '"') {
      std::string value;
      if (!ReadQuoted(sql, i, true, &value)) {
        return absl::InvalidArgumentError("unterminated string literal");
      }
      // A charset introducer (_utf8mb4'x') or N'x' only says how to read the bytes.
      if (!tokens.empty() && tokens.back().kind == MysqlTokenKind::kWord &&
          (tokens.back().value.front() == '_' || tokens.back().IsWord("n"))) {
        tokens.pop_back();
      }
      tokens.push_back({MysqlTokenKind::kString, std::move(value)});
      continue;
    }
    if (c == '`') {
      std::string value;
      if (!ReadQuoted(sql, i, false, &value)) {
        return absl::InvalidArgumentError("unterminated `quoted identifier`");
      }
      tokens.push_back({MysqlTokenKind::kQuotedIdent, std::move(value)});
      continue;
    }
    if ((c == 'x' || c == 'X' || c == 'b' || c == 'B') && next == '\'') {
      const size_t close = sql.find('\'', i + 2);
      if (close == std::string_view::npos) {
        return absl::InvalidArgumentError("unterminated hex or bit literal");
      }
      tokens.push_back({MysqlTokenKind::kHexOrBit, Lower(sql.substr(i, close + 1 - i))});
      i = close + 1;
      continue;
    }
    if (c == '0' && (next == 'x' || next == 'b') && i + 2 < sql.size() &&
        std::isxdigit(static_cast<unsigned char>(sql[i + 2]))) {
      size_t j = i + 2;
      while (j < sql.size() && IsWordChar(sql[j])) ++j;
      tokens.push_back({MysqlTokenKind::kHexOrBit, Lower(sql.substr(i, j - i))});
      i = j;
      continue;
    }
    if (IsDigit(c) || (c == '.' && IsDigit(next))) {
      const size_t begin = i;
      std::string number = ReadNumber(sql, i);
      if (i < sql.size() && IsWordChar(sql[i])) {  // identifiers may start with digits
        while (i < sql.size() && IsWordChar(sql[i])) ++i;
        tokens.push_back({MysqlTokenKind::kWord, std::string(sql.substr(begin, i - begin))});
      } else {
        tokens.push_back({MysqlTokenKind::kNumber, std::move(number)});
      }
      continue;
    }
    if (IsWordChar(c)) {
      const size_t begin = i;
      while (i < sql.size() && IsWordChar(sql[i])) ++i;
      tokens.push_back({MysqlTokenKind::kWord, std::string(sql.substr(begin, i - begin))});
      continue;
    }
    if (c == '@' || c == '?') {
      const size_t begin = i++;
      while (i < sql.size() && (sql[i] == '@' || IsWordChar(sql[i]) || sql[i] == '.')) ++i;
      tokens.push_back({MysqlTokenKind::kVariable, std::string(sql.substr(begin, i - begin))});
      continue;
    }
    bool matched = false;
    for (std::string_view op : kMultiCharOps) {
      if (sql.substr(i, op.size()) == op) {
        tokens.push_back({MysqlTokenKind::kPunct, std::string(op)});
        i += op.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    tokens.push_back({MysqlTokenKind::kPunct, std::string(1, c)});
    ++i;
  }
  return tokens;
}

std::string CanonicalMysqlExpression(std::string_view sql) {
  absl::StatusOr<std::vector<MysqlToken>> lexed = TokenizeMysql(sql);
  if (!lexed.ok()) return CollapseWhitespace(sql);
  const std::vector<MysqlToken>& tokens = *lexed;
  size_t begin = 0;
  size_t end = tokens.size();
  while (WrappedInParens(tokens, begin, end)) {
    ++begin;
    --end;
  }

  std::vector<Piece> pieces;
  int depth = 0;
  int interval_depth = -1;  // paren depth of a pending INTERVAL awaiting its unit
  bool after_as = false;    // the word after AS is a type name (CAST(x AS char))
  for (size_t i = begin; i < end; ++i) {
    const MysqlToken& t = tokens[i];
    const bool next_is_open = i + 1 < end && tokens[i + 1].IsPunct("(");
    Piece p;
    switch (t.kind) {
      case MysqlTokenKind::kWord: {
        const std::string lower = Lower(t.value);
        if (after_as) {
          p.text = lower;
          p.call = next_is_open;
          p.operand = true;
        } else if (next_is_open && !Contains(kExpressionKeywords, lower)) {
          p.text = CanonicalFunction(lower);
          p.call = true;
        } else if (!next_is_open && IsNiladicFunction(lower)) {
          p.text = CanonicalFunction(lower) + "()";
          p.operand = true;
        } else if (lower == "true" || lower == "false") {
          p.text = lower == "true" ? "1" : "0";
          p.operand = true;
        } else if (interval_depth == depth && Contains(kIntervalUnits, lower)) {
          p.text = lower;
          p.operand = true;
          interval_depth = -1;
        } else if (Contains(kExpressionKeywords, lower)) {
          p.text = lower;
          p.operand = lower == "null" || lower == "unknown" || lower == "end";
          if (lower == "interval") interval_depth = depth;
        } else {
          p.text = IdentifierText(lower);
          p.operand = true;
        }
        after_as = lower == "as";
        break;
      }
      case MysqlTokenKind::kQuotedIdent:
        p.text = IdentifierText(Lower(t.value));
        p.operand = true;
        after_as = false;
        break;
      case MysqlTokenKind::kString:
        p.text = QuoteMysqlString(t.value);
        p.operand = true;
        break;
      case MysqlTokenKind::kHexOrBit:
      case MysqlTokenKind::kNumber:
      case MysqlTokenKind::kVariable:
        p.text = t.value;
        p.operand = true;
        break;
      case MysqlTokenKind::kPunct: {
        const std::string& op = t.value;
        if (op == "(") {
          ++depth;
          p.open = true;
        } else if (op == ")") {
          --depth;
          p.close = true;
          p.operand = true;
        } else if (op == ",") {
          p.comma = true;
        } else if (op == ".") {
          p.dot = true;
        } else if (op == "!=") {
          p.text = "<>";
        } else if (op == "&&") {
          p.text = "and";
        } else if (op == "||") {
          p.text = "or";
        } else if ((op == "-" || op == "+") && (pieces.empty() || !pieces.back().operand)) {
          p.unary = true;
        }
        if (p.text.empty()) p.text = op;
        break;
      }
    }
    pieces.push_back(std::move(p));
  }

  std::string out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Piece& p = pieces[i];
    if (i > 0) {
      const Piece& prev = pieces[i - 1];
      const bool glue = p.close || p.comma || p.dot || prev.open || prev.dot || prev.unary ||
                        (p.open && prev.call);
      if (!glue) out.push_back(' ');
    }
    out += p.text;
  }
  return out;
}

std::string QuoteMysqlString(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    switch (c) {
      case '\'':
        out += "''";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\0':
        out += "\\0";
        break;
      default:
        out.push_back(c);
        break;
    }
  }
  out.push_back('\'');
  return out;
}

std::string QuoteMysqlIdentifier(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out.push_back('`');
    out.push_back(c);
  }
  out.push_back('`');
  return out;
}

}  // namespace schemadiff
