// Builds a SQL script line by line: statements, comments and warnings. Shared by the dialect
// SQL renderers so that every script comments its warnings the same way.
#ifndef SCHEMADIFF_RENDER_SQL_WRITER_H_
#define SCHEMADIFF_RENDER_SQL_WRITER_H_

#include <string>
#include <string_view>

#include "diff/plan.h"

namespace schemadiff {

// `text` made safe for a `--` comment: line breaks and other control characters are written
// as escapes (\n, \r, \xHH), so a hostile name cannot end the comment and inject SQL.
std::string SanitizeComment(std::string_view text);

// Accumulates a script. Every line ends with '\n'.
class SqlWriter {
 public:
  // "-- text" (sanitized).
  void Comment(std::string_view text);
  // "-- WARNING [code]: message" (sanitized).
  void AddWarning(const Warning& warning);
  // `sql` followed by ";" (`sql` must not end with one).
  void Statement(std::string_view sql);
  // A line written as is (client commands such as `.bail on` or `\set`).
  void Line(std::string_view line);
  // An empty line, to separate groups of statements.
  void BlankLine();

  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_SQL_WRITER_H_
