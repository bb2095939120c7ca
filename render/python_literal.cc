#include "render/python_literal.h"

#include <cstdint>

#include "absl/strings/str_format.h"

namespace schemadiff {
namespace {

// One decoded UTF-8 sequence: the code point, or -1 for a byte that starts no valid sequence.
struct CodePoint {
  int32_t value;
  size_t length;
};

// Decodes the UTF-8 sequence at text[pos], rejecting overlong forms, surrogates and values
// above U+10FFFF.
CodePoint DecodeUtf8(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1};
  size_t length;
  int32_t value;
  int32_t minimum;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    return {-1, 1};
  }
  if (pos + length > text.size()) return {-1, 1};
  for (size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return {-1, 1};
    value = (value << 6) | (byte(pos + i) & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return {-1, 1};
  }
  return {value, length};
}

// The Python escape for a code point outside printable ASCII (as repr() spells it).
std::string EscapeCodePoint(int32_t value) {
  switch (value) {
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      break;
  }
  if (value < 0x100) return absl::StrFormat("\\x%02x", value);
  if (value < 0x10000) return absl::StrFormat("\\u%04x", value);
  return absl::StrFormat("\\U%08x", value);
}

// Appends `text` to `out`, keeping printable ASCII except the characters in `escaped_chars`
// (which get a backslash) and escaping everything else; `keep_newlines` leaves '\n' as is.
void AppendEscaped(std::string_view text, std::string_view escaped_chars, bool keep_newlines,
                   std::string* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    const CodePoint cp = DecodeUtf8(text, pos);
    if (cp.value < 0) {
      // surrogateescape: the byte 0xNN becomes U+DCNN.
      absl::StrAppendFormat(out, "\\udc%02x", static_cast<unsigned char>(text[pos]));
    } else if (cp.value == '\n' && keep_newlines) {
      out->push_back('\n');
    } else if (cp.value >= 0x20 && cp.value < 0x7F) {
      const char c = static_cast<char>(cp.value);
      if (escaped_chars.find(c) != std::string_view::npos) out->push_back('\\');
      out->push_back(c);
    } else {
      out->append(EscapeCodePoint(cp.value));
    }
    pos += cp.length;
  }
}

// Characters that continue a text() bind parameter name: SQLAlchemy's [\w$]. Every non-ASCII
// byte counts as a word character (Python's \w covers letters of every script); see
// EscapeForSqlText for why that approximation stays correct in practice.
bool IsBindChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '$';
}

}  // namespace

std::string PythonStr(std::string_view text) {
  const bool has_single = text.find('\'') != std::string_view::npos;
  const bool has_double = text.find('"') != std::string_view::npos;
  const char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, quote);
  AppendEscaped(text, quote == '\'' ? "\\'" : "\\", /*keep_newlines=*/false, &out);
  out.push_back(quote);
  return out;
}

// SQLAlchemy's text() finds binds with (?<![:\w$\\]):([\w$]+)(?![:\w$]) and afterwards turns
// \:name (matched by \\(:[\w$]*)(?![:\w$])) back into :name. A colon therefore needs a
// backslash in front when either pattern would match at it: as a bind, or as an escape that
// text() would strip from the original. Escaping a colon whose name run passes the look-ahead
// is always undone by text(), so erring towards escaping (the look-behind) is harmless.
std::string EscapeForSqlText(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == ':') {
      size_t end = i + 1;
      while (end < sql.size() && IsBindChar(sql[end])) ++end;
      const bool lookahead_ok = end == sql.size() || !(sql[end] == ':' || IsBindChar(sql[end]));
      const char prev = i == 0 ? '\0' : sql[i - 1];
      const bool prev_blocks_bind =
          prev == ':' || prev == '\\' ||
          (prev != '\0' && static_cast<unsigned char>(prev) < 0x80 && IsBindChar(prev));
      const bool is_bind = !prev_blocks_bind && end > i + 1 && lookahead_ok;
      const bool is_escape = prev == '\\' && lookahead_ok;
      if (is_bind || is_escape) out.push_back('\\');
    }
    out.push_back(c);
  }
  return out;
}

std::string PythonSqlText(std::string_view sql) { return PythonStr(EscapeForSqlText(sql)); }

std::string CommentText(std::string_view text) {
  std::string out;
  AppendEscaped(text, "", /*keep_newlines=*/false, &out);
  return out;
}

std::string DocstringText(std::string_view text) {
  std::string out;
  AppendEscaped(text, "\\\"", /*keep_newlines=*/true, &out);
  return out;
}

}  // namespace schemadiff
