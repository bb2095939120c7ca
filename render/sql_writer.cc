#include "render/sql_writer.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/strings.h"

namespace schemadiff {

std::string SanitizeComment(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if ((u < 0x20 && c != '\t') || u == 0x7f) {
      out += absl::StrFormat("\\x%02x", u);
    } else {
      out += c;
    }
  }
  return out;
}

void SqlWriter::Comment(std::string_view text) {
  absl::StrAppend(&text_, "-- ", SanitizeComment(text), "\n");
}

void SqlWriter::AddWarning(const Warning& warning) {
  Comment(absl::StrCat("WARNING [", warning.code, "]: ", warning.message));
}

void SqlWriter::Statement(std::string_view sql) { absl::StrAppend(&text_, Absl(sql), ";\n"); }

void SqlWriter::Line(std::string_view line) { absl::StrAppend(&text_, Absl(line), "\n"); }

void SqlWriter::BlankLine() { text_ += "\n"; }

}  // namespace schemadiff
