#include "catalog/sql_text.h"

#include <array>
#include <cctype>
#include <utility>

namespace schemadiff {
namespace {

bool IsWordStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsWordChar(char c) {
  return IsWordStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

bool IsOperatorChar(char c) {
  return std::string_view("+-*/<>=~!@#%^&|?:").find(c) != std::string_view::npos;
}

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Keywords after which "(" and unary signs are not function-call / binary syntax.
bool IsOperatorKeyword(std::string_view word) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "and",  "or",   "not", "in", "is",     "like", "ilike", "between", "when", "then",
      "else", "case", "as",  "on", "select", "from", "where", "exists",  "any",  "all"};
  for (std::string_view w : kWords) {
    if (w == word) return true;
  }
  return false;
}

// A multi-character operator ending in + or - keeps that sign only when it also contains one
// of ~ ! @ # % ^ & | ? (PostgreSQL's rule), so "=-1" lexes as "=" then "-1".
size_t OperatorLength(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && IsOperatorChar(text[n])) {
    if (text.substr(n, 2) == "--" || text.substr(n, 2) == "/*") break;
    ++n;
  }
  if (n <= 1) return n;
  const bool special = text.substr(0, n).find_first_of("~!@#%^&|?") != std::string_view::npos;
  while (n > 1 && !special && (text[n - 1] == '+' || text[n - 1] == '-')) --n;
  return n;
}

// Length of the quoted section starting at text[0], including both quotes.
size_t QuotedLength(std::string_view text, char close, bool backslash_escapes) {
  size_t i = 1;
  while (i < text.size()) {
    if (backslash_escapes && text[i] == '\\' && i + 1 < text.size()) {
      i += 2;
      continue;
    }
    if (text[i] == close) {
      if (i + 1 < text.size() && text[i + 1] == close) {
        i += 2;  // doubled quote
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return text.size();
}

size_t NumberLength(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (IsDigit(text[i]) || text[i] == '.')) ++i;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    if (j < text.size() && IsDigit(text[j])) {
      i = j;
      while (i < text.size() && IsDigit(text[i])) ++i;
    }
  }
  return i;
}

// A quoted identifier that reads the same unquoted ("price" -> price), or itself.
std::string MaybeUnquote(const std::string& quoted) {
  if (quoted.size() < 3) return quoted;
  const std::string_view body(quoted.data() + 1, quoted.size() - 2);
  if (!std::islower(static_cast<unsigned char>(body[0])) && body[0] != '_') return quoted;
  for (char c : body) {
    if (!std::islower(static_cast<unsigned char>(c)) && !IsDigit(c) && c != '_') return quoted;
  }
  return std::string(body);
}

// A word that prefixes a string literal when written against it: E'..', N'..', X'..', B'..'
// and MySQL character set introducers (_utf8mb4'..').
bool IsStringPrefix(const SqlToken& t) {
  if (t.kind != SqlTokenKind::kWord || t.text.empty()) return false;
  return t.text == "e" || t.text == "n" || t.text == "x" || t.text == "b" || t.text[0] == '_';
}

bool IsOpenParen(const SqlToken& t) {
  return t.kind == SqlTokenKind::kPunctuation && t.text == "(";
}

bool IsCloseParen(const SqlToken& t) {
  return t.kind == SqlTokenKind::kPunctuation && t.text == ")";
}

// Whether `t` makes a following + or - a sign rather than a binary operator.
bool StartsOperand(const SqlToken* t) {
  if (t == nullptr) return true;
  if (t->kind == SqlTokenKind::kOperator) return true;
  if (t->kind == SqlTokenKind::kPunctuation)
    return t->text == "(" || t->text == "," || t->text == "[";
  return t->kind == SqlTokenKind::kWord && IsOperatorKeyword(t->text);
}

}  // namespace

std::vector<SqlToken> TokenizeSql(std::string_view sql, const SqlTextOptions& options) {
  std::vector<SqlToken> tokens;
  bool glued = false;  // the previous token ended right where this one starts
  size_t i = 0;
  while (i < sql.size()) {
    const std::string_view rest = sql.substr(i);
    const char c = rest[0];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      glued = false;
      continue;
    }
    if (rest.substr(0, 2) == "--") {
      const size_t end = rest.find('\n');
      i += end == std::string_view::npos ? rest.size() : end;
      glued = false;
      continue;
    }
    if (rest.substr(0, 2) == "/*") {
      const size_t end = rest.find("*/", 2);
      i += end == std::string_view::npos ? rest.size() : end + 2;
      glued = false;
      continue;
    }
    SqlToken token{SqlTokenKind::kPunctuation, ""};
    size_t length = 1;
    if (options.string_quotes.find(c) != std::string::npos) {
      length = QuotedLength(rest, c, options.backslash_escapes);
      token = {SqlTokenKind::kString, std::string(rest.substr(0, length))};
      // A prefix word written against the quote (E'..', X'..', _utf8mb4'..') belongs to it.
      if (glued && !tokens.empty() && IsStringPrefix(tokens.back())) {
        token.text = tokens.back().text + token.text;
        tokens.pop_back();
      }
    } else if (options.identifier_quotes.find(c) != std::string::npos) {
      length = QuotedLength(rest, c == '[' ? ']' : c, false);
      token = {SqlTokenKind::kQuotedIdentifier, std::string(rest.substr(0, length))};
      if (options.unquote_simple_identifiers) {
        std::string unquoted = MaybeUnquote(token.text);
        if (unquoted != token.text) token = {SqlTokenKind::kWord, std::move(unquoted)};
      }
    } else if (IsWordStart(c)) {
      while (length < rest.size() && IsWordChar(rest[length])) ++length;
      token = {SqlTokenKind::kWord, std::string(rest.substr(0, length))};
      for (char& ch : token.text) ch = Lower(ch);
    } else if (IsDigit(c) || (c == '.' && rest.size() > 1 && IsDigit(rest[1]))) {
      length = NumberLength(rest);
      token = {SqlTokenKind::kNumber, std::string(rest.substr(0, length))};
      for (char& ch : token.text) ch = Lower(ch);
    } else if (IsOperatorChar(c)) {
      length = OperatorLength(rest);
      token = {SqlTokenKind::kOperator, std::string(rest.substr(0, length))};
    } else {
      token = {SqlTokenKind::kPunctuation, std::string(1, c)};
    }
    tokens.push_back(std::move(token));
    i += length;
    glued = true;
  }
  return tokens;
}

std::vector<SqlToken> StripOuterParens(std::vector<SqlToken> tokens) {
  while (tokens.size() >= 2 && IsOpenParen(tokens.front()) && IsCloseParen(tokens.back())) {
    // The first "(" must close at the very end, not earlier as in "(a) + (b)".
    int depth = 0;
    size_t close = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (IsOpenParen(tokens[i])) ++depth;
      if (IsCloseParen(tokens[i]) && --depth == 0) {
        close = i;
        break;
      }
    }
    if (close != tokens.size() - 1) break;
    tokens.pop_back();
    tokens.erase(tokens.begin());
  }
  return tokens;
}

std::string JoinSqlTokens(const std::vector<SqlToken>& tokens) {
  std::string out;
  const SqlToken* prev = nullptr;
  bool prev_unary = false;
  for (const SqlToken& t : tokens) {
    bool space = prev != nullptr;
    if (prev != nullptr) {
      const bool prev_tight = prev->kind == SqlTokenKind::kPunctuation &&
                              (prev->text == "(" || prev->text == "[" || prev->text == ".");
      const bool cur_tight = t.kind == SqlTokenKind::kPunctuation &&
                             (t.text == ")" || t.text == "]" || t.text == "," || t.text == "." ||
                              t.text == ";" || t.text == "[");
      const bool cast = (prev->kind == SqlTokenKind::kOperator && prev->text == "::") ||
                        (t.kind == SqlTokenKind::kOperator && t.text == "::");
      if (prev_tight || cur_tight || cast || prev_unary) space = false;
      if (IsOpenParen(t)) {
        // Function calls and nested parentheses are tight: lower(x), ((a)); "in (", "= (" not.
        const bool call = (prev->kind == SqlTokenKind::kWord && !IsOperatorKeyword(prev->text)) ||
                          prev->kind == SqlTokenKind::kQuotedIdentifier;
        if (call) space = false;
      }
    }
    if (space) out.push_back(' ');
    out += t.text;
    prev_unary = t.kind == SqlTokenKind::kOperator && (t.text == "-" || t.text == "+") &&
                 StartsOperand(prev);
    prev = &t;
  }
  return out;
}

std::string CanonicalSql(std::string_view sql, const SqlTextOptions& options) {
  return JoinSqlTokens(StripOuterParens(TokenizeSql(sql, options)));
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace schemadiff
