#include "introspect/sqlite_token_cursor.h"

namespace schemadiff {

bool IsNameToken(const SqliteToken& token) {
  return token.kind == SqliteTokenKind::kWord || token.kind == SqliteTokenKind::kQuotedIdent ||
         token.kind == SqliteTokenKind::kString;
}

bool SqliteTokenCursor::ConsumeWord(std::string_view word) {
  if (!PeekWord(word)) return false;
  ++pos_;
  return true;
}

bool SqliteTokenCursor::ConsumePunct(std::string_view op) {
  if (!PeekPunct(op)) return false;
  ++pos_;
  return true;
}

std::optional<std::string> SqliteTokenCursor::ReadName() {
  if (AtEnd() || !IsNameToken(Peek())) return std::nullopt;
  return tokens_[pos_++].value;
}

std::optional<std::string> SqliteTokenCursor::ReadQualifiedName() {
  std::optional<std::string> name = ReadName();
  if (name.has_value() && ConsumePunct(".")) name = ReadName();
  return name;
}

std::optional<std::string> SqliteTokenCursor::ReadParenthesized() {
  if (!PeekPunct("(")) return std::nullopt;
  const size_t open = pos_;
  int depth = 0;
  for (; pos_ < tokens_.size(); ++pos_) {
    if (tokens_[pos_].IsPunct("(")) ++depth;
    if (tokens_[pos_].IsPunct(")") && --depth == 0) {
      const size_t begin = tokens_[open].end;
      const size_t end = tokens_[pos_].begin;
      ++pos_;
      return std::string(sql_.substr(begin, end - begin));
    }
  }
  return std::nullopt;
}

std::string SqliteTokenCursor::TextOfRange(size_t first, size_t end) const {
  if (first >= end) return "";
  const size_t begin = tokens_[first].begin;
  return std::string(sql_.substr(begin, tokens_[end - 1].end - begin));
}

}  // namespace schemadiff
