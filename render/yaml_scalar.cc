#include "render/yaml_scalar.h"

#include <array>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

// Plain scalars YAML 1.1 or 1.2 would read as booleans or null.
bool IsReservedWord(std::string_view text) {
  static constexpr std::array<std::string_view, 10> kWords = {"true", "false", "null", "yes", "no",
                                                              "on",   "off",   "y",    "n",   "~"};
  const std::string lower = absl::AsciiStrToLower(Absl(text));
  for (std::string_view word : kWords) {
    if (lower == word) return true;
  }
  return false;
}

bool IsPlainChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '(' ||
         c == ')' || c == '-' || c == '$';
}

// True when `text` can be written unquoted: a letter or _ first, then letters, digits, _ . ( )
// - $ and single inner spaces; never a word YAML reads as a boolean or null.
bool IsPlainSafe(std::string_view text) {
  if (text.empty() ||
      !(absl::ascii_isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_')) {
    return false;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsPlainChar(text[i])) continue;
    const bool inner_space =
        text[i] == ' ' && i + 1 < text.size() && IsPlainChar(text[i + 1]) && text[i - 1] != ' ';
    if (!inner_space) return false;
  }
  return !IsReservedWord(text);
}

// Length of the valid UTF-8 sequence starting at text[i] (2 to 4 bytes), or 0.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t length = 0;
  uint32_t code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
  return overlong || surrogate || code > 0x10FFFF ? 0 : length;
}

// The code point of a valid 2 or 3 byte sequence (for the line-break check).
uint32_t CodePoint(std::string_view text, size_t i, size_t length) {
  uint32_t code = static_cast<unsigned char>(text[i]) & (length == 2 ? 0x1F : 0x0F);
  for (size_t k = 1; k < length; ++k) code = (code << 6) | (text[i + k] & 0x3F);
  return code;
}

std::string DoubleQuoted(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '\t':
        out += "\\t";
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      out += absl::StrFormat("\\x%02X", c);
      continue;
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    const size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      // Not UTF-8: YAML cannot hold the byte; write its Latin-1 reading instead of failing.
      out += absl::StrFormat("\\x%02X", c);
      continue;
    }
    const uint32_t code = length <= 3 ? CodePoint(text, i, length) : 0;
    // NEL, LS, PS and BOM are line breaks or invisible markers to some YAML readers.
    if (code == 0x85 || code == 0x2028 || code == 0x2029 || code == 0xFEFF) {
      out += absl::StrFormat(code > 0xFF ? "\\u%04X" : "\\x%02X", code);
    } else {
      out.append(text.substr(i, length));
    }
    i += length - 1;
  }
  out.push_back('"');
  return out;
}

}  // namespace

std::string YamlString(std::string_view text) {
  return IsPlainSafe(text) ? std::string(text) : DoubleQuoted(text);
}

}  // namespace schemadiff
