// Turns arbitrary text from a schema (names, comments, SQL expressions) into Python source that
// cannot break the generated file or inject code into it.
#ifndef SCHEMADIFF_RENDER_PYTHON_LITERAL_H_
#define SCHEMADIFF_RENDER_PYTHON_LITERAL_H_

#include <string>
#include <string_view>

namespace schemadiff {

// A Python str literal equal to `text` (read as UTF-8), quoted the way repr() quotes: single
// quotes unless the text holds a single quote and no double quote. Backslashes, quotes and
// control characters are escaped; every non-ASCII character is written as a \x, \u or \U
// escape, so the literal is pure printable ASCII. Bytes that are not valid UTF-8 become
// \udcXX (Python's surrogateescape convention): the file stays valid and the bad name fails
// loudly when used.
std::string PythonStr(std::string_view text);

// `sql` prepared for sqlalchemy.text() (and for strings that SQLAlchemy coerces to text(), such
// as CheckConstraint bodies and op.execute() statements): every colon that text() would read as
// a :bind parameter or as an escaped \: is escaped, so the statement reaches the database as
// written. Returns SQL text, not yet a Python literal.
std::string EscapeForSqlText(std::string_view sql);

// PythonStr(EscapeForSqlText(sql)).
std::string PythonSqlText(std::string_view sql);

// `text` made safe for a one-line Python comment: printable ASCII is kept; line breaks, other
// control characters and non-ASCII characters are written as escapes (\n, \u00e9, ...).
std::string CommentText(std::string_view text);

// `text` made safe for the body of a """ docstring: like CommentText, but line breaks are kept,
// and backslashes and double quotes are escaped.
std::string DocstringText(std::string_view text);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_PYTHON_LITERAL_H_
