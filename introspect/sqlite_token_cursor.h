// A read position over SQLite tokens, used by the CREATE TABLE / CREATE INDEX parsers.
#ifndef SCHEMADIFF_INTROSPECT_SQLITE_TOKEN_CURSOR_H_
#define SCHEMADIFF_INTROSPECT_SQLITE_TOKEN_CURSOR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/sqlite_lexer.h"

namespace schemadiff {

// Walks a token list of one statement whose source text is `sql`.
class SqliteTokenCursor {
 public:
  SqliteTokenCursor(std::string_view sql, std::vector<SqliteToken> tokens)
      : sql_(sql), tokens_(std::move(tokens)) {}

  bool AtEnd() const { return pos_ >= tokens_.size(); }
  // The current token; only valid when !AtEnd().
  const SqliteToken& Peek() const { return tokens_[pos_]; }
  // True when the current token is the bare word `word` (any case).
  bool PeekWord(std::string_view word) const { return !AtEnd() && Peek().IsWord(word); }
  // True when the token `ahead` places after the current one is the bare word `word`.
  bool PeekWordAt(size_t ahead, std::string_view word) const {
    return pos_ + ahead < tokens_.size() && tokens_[pos_ + ahead].IsWord(word);
  }
  // True when the current token is the punctuation `op`.
  bool PeekPunct(std::string_view op) const { return !AtEnd() && Peek().IsPunct(op); }
  // Advances past the current token when it is the word `word`.
  bool ConsumeWord(std::string_view word);
  // Advances past the current token when it is the punctuation `op`.
  bool ConsumePunct(std::string_view op);
  void Advance() { ++pos_; }
  // The token at index `index`.
  const SqliteToken& TokenAt(size_t index) const { return tokens_[index]; }
  // Index of the current token.
  size_t position() const { return pos_; }
  // Source text from the start of token `first` to the end of the token before `end`.
  std::string TextOfRange(size_t first, size_t end) const;

  // Reads a name: a bare word, quoted identifier or string literal (SQLite accepts all three).
  std::optional<std::string> ReadName();
  // Reads `schema.name` or `name` and returns the name part.
  std::optional<std::string> ReadQualifiedName();
  // At "(": skips to the matching ")" and returns the source text between them (an error when
  // unbalanced: nullopt). Leaves the cursor after ")".
  std::optional<std::string> ReadParenthesized();

 private:
  std::string_view sql_;
  std::vector<SqliteToken> tokens_;
  size_t pos_ = 0;
};

// The token kinds that can name something.
bool IsNameToken(const SqliteToken& token);

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_SQLITE_TOKEN_CURSOR_H_
