#include "catalog/type.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

// Lower-cases `text` outside single- and double-quoted sections and collapses runs of
// whitespace (outside quotes) to one space; trims both ends.
std::string NormalizeSpelling(std::string_view text) {
  std::string out;
  char quote = 0;
  bool pending_space = false;
  for (char c : text) {
    if (quote != 0) {
      out.push_back(c);
      if (c == quote) quote = 0;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (c == '\'' || c == '"' || c == '`') quote = c;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// A portable type spelling split into its base name, the comma-separated arguments inside
// its parentheses (trimmed) and whether it ends with "unsigned".
struct Spelling {
  std::string base;
  std::vector<std::string> args;
  bool has_parens = false;
  bool is_unsigned = false;
};

// Splits a top-level comma list, keeping nested parentheses and quoted strings intact.
std::vector<std::string> SplitArgs(std::string_view text) {
  std::vector<std::string> args;
  std::string current;
  int depth = 0;
  char quote = 0;
  for (char c : text) {
    if (quote != 0) {
      current.push_back(c);
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      args.push_back(std::string(absl::StripAsciiWhitespace(current)));
      current.clear();
      continue;
    }
    current.push_back(c);
  }
  args.push_back(std::string(absl::StripAsciiWhitespace(current)));
  return args;
}

// Parses `text` (already normalized) into a Spelling; nullopt when unbalanced.
std::optional<Spelling> Split(std::string text) {
  Spelling s;
  constexpr std::string_view kUnsigned = " unsigned";
  if (text.size() > kUnsigned.size() &&
      std::string_view(text).substr(text.size() - kUnsigned.size()) == kUnsigned) {
    s.is_unsigned = true;
    text.resize(text.size() - kUnsigned.size());
  }
  const size_t open = text.find('(');
  if (open == std::string::npos) {
    s.base = text;
    return s;
  }
  if (text.back() != ')') return std::nullopt;
  s.base = std::string(absl::StripAsciiWhitespace(text.substr(0, open)));
  s.has_parens = true;
  s.args = SplitArgs(std::string_view(text).substr(open + 1, text.size() - open - 2));
  return s;
}

// A non-negative integer argument, or nullopt.
std::optional<int> IntArg(const std::string& arg) {
  int value = 0;
  if (!absl::SimpleAtoi(arg, &value) || value < 0) return std::nullopt;
  return value;
}

// A single-quoted SQL string argument ('it''s'), unquoted; nullopt if not one.
std::optional<std::string> QuotedArg(const std::string& arg) {
  if (arg.size() < 2 || arg.front() != '\'' || arg.back() != '\'') return std::nullopt;
  std::string out;
  for (size_t i = 1; i + 1 < arg.size(); ++i) {
    if (arg[i] == '\'') {
      if (i + 2 >= arg.size() || arg[i + 1] != '\'') return std::nullopt;
      ++i;
    }
    out.push_back(arg[i]);
  }
  return out;
}

// True for a plain identifier (letters, digits, _, $, optional schema qualification).
bool IsIdentifier(std::string_view text) {
  if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0]))) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '$' && c != '.') {
      return false;
    }
  }
  return true;
}

// Integer kinds by portable name.
std::optional<TypeKind> IntegerKind(std::string_view base) {
  if (base == "tinyint") return TypeKind::kTinyInt;
  if (base == "smallint") return TypeKind::kSmallInt;
  if (base == "mediumint") return TypeKind::kMediumInt;
  if (base == "integer" || base == "int") return TypeKind::kInteger;
  if (base == "bigint") return TypeKind::kBigInt;
  return std::nullopt;
}

// Kinds whose portable name takes no arguments.
std::optional<TypeKind> SimpleKind(std::string_view base) {
  if (base == "boolean" || base == "bool") return TypeKind::kBoolean;
  if (base == "date") return TypeKind::kDate;
  if (base == "interval") return TypeKind::kInterval;
  if (base == "uuid") return TypeKind::kUuid;
  if (base == "json") return TypeKind::kJson;
  if (base == "jsonb") return TypeKind::kJsonb;
  if (base == "double" || base == "double precision") return TypeKind::kDouble;
  return std::nullopt;
}

// time / timestamp arguments: "tz", a precision, or both ("6,tz").
std::optional<DataType> ParseTemporal(TypeKind kind, const Spelling& s) {
  DataType type = MakeType(kind);
  if (!s.has_parens) return type;
  if (s.args.size() > 2) return std::nullopt;
  for (const std::string& arg : s.args) {
    if (arg == "tz" && !type.with_timezone) {
      type.with_timezone = true;
    } else if (std::optional<int> p = IntArg(arg); p && !type.precision && !type.with_timezone) {
      type.precision = p;
    } else {
      return std::nullopt;
    }
  }
  return type;
}

// Parses a normalized spelling; the recursive worker behind ParsePortableType.
std::optional<DataType> ParseNormalized(const std::string& text) {
  std::optional<Spelling> parsed = Split(text);
  if (!parsed) return std::nullopt;
  const Spelling& s = *parsed;
  const size_t nargs = s.has_parens ? s.args.size() : 0;
  if (s.has_parens && nargs == 1 && s.args[0].empty()) return std::nullopt;

  if (std::optional<TypeKind> kind = IntegerKind(s.base)) {
    if (nargs > 1) return std::nullopt;
    DataType type = MakeType(*kind);
    type.is_unsigned = s.is_unsigned;
    if (nargs == 1) {
      type.display_width = IntArg(s.args[0]);
      if (!type.display_width) return std::nullopt;
    }
    return type;
  }
  if (s.base == "numeric" || s.base == "decimal") {
    if (nargs > 2) return std::nullopt;
    DataType type = MakeNumeric(std::nullopt, std::nullopt);
    type.is_unsigned = s.is_unsigned;
    if (nargs >= 1 && !(type.precision = IntArg(s.args[0]))) return std::nullopt;
    if (nargs == 2 && !(type.scale = IntArg(s.args[1]))) return std::nullopt;
    return type;
  }
  if (s.is_unsigned) return std::nullopt;  // only integers and numerics are unsigned

  if (s.base == "float" || s.base == "real") {
    if (nargs == 0) return MakeType(TypeKind::kReal);
    std::optional<int> bits = nargs == 1 ? IntArg(s.args[0]) : std::nullopt;
    if (!bits || *bits == 0 || *bits > 53) return std::nullopt;
    return MakeType(*bits <= 24 ? TypeKind::kReal : TypeKind::kDouble);
  }
  if (std::optional<TypeKind> kind = SimpleKind(s.base)) {
    if (s.has_parens) return std::nullopt;
    return MakeType(*kind);
  }
  if (s.base == "string" || s.base == "varchar" || s.base == "char" || s.base == "text" ||
      s.base == "varbinary" || s.base == "binary" || s.base == "blob") {
    if (nargs > 1) return std::nullopt;
    std::optional<int> length;
    if (nargs == 1 && !(length = IntArg(s.args[0]))) return std::nullopt;
    DataType type;
    if (s.base == "string" || s.base == "varchar") {
      type = MakeVarchar(length);
    } else if (s.base == "char") {
      type = MakeType(TypeKind::kChar);
    } else if (s.base == "text") {
      type = MakeType(TypeKind::kText);
    } else {
      type = MakeType(TypeKind::kBinary);
      // binary(n) is fixed width; bare `binary` / `blob` is an unbounded byte string.
      type.fixed_binary = s.base == "binary" && length.has_value();
      if (s.base == "varbinary" && !length) return std::nullopt;
    }
    type.length = length;
    return type;
  }
  if (s.base == "time" || s.base == "timestamp") {
    return ParseTemporal(s.base == "time" ? TypeKind::kTime : TypeKind::kTimestamp, s);
  }
  if (s.base == "timestamptz" && !s.has_parens) {
    DataType type = MakeType(TypeKind::kTimestamp);
    type.with_timezone = true;
    return type;
  }
  if (s.base == "enum" && nargs >= 1) {
    DataType type = MakeType(TypeKind::kEnum);
    if (nargs == 1 && IsIdentifier(s.args[0])) {
      type.enum_name = s.args[0];
      return type;
    }
    for (const std::string& arg : s.args) {
      std::optional<std::string> value = QuotedArg(arg);
      if (!value) return std::nullopt;
      type.enum_values.push_back(*value);
    }
    return type;
  }
  if (s.base == "array" && nargs == 1) {
    std::optional<DataType> element = ParseNormalized(s.args[0]);
    if (!element) return std::nullopt;
    DataType type = MakeType(TypeKind::kArray);
    type.array_dimensions = 1;
    if (element->kind == TypeKind::kArray) {
      type.array_dimensions += element->array_dimensions;
      type.element = element->element;
    } else {
      type.element.push_back(std::move(*element));
    }
    return type;
  }
  return std::nullopt;
}

// Quotes an enum value as a SQL string literal.
std::string QuoteValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out.push_back('\'');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

// The portable base name of a kind (arrays, enums and verbatim types are described apart).
std::string_view BaseName(TypeKind kind) {
  switch (kind) {
    case TypeKind::kTinyInt:
      return "tinyint";
    case TypeKind::kSmallInt:
      return "smallint";
    case TypeKind::kMediumInt:
      return "mediumint";
    case TypeKind::kInteger:
      return "integer";
    case TypeKind::kBigInt:
      return "bigint";
    case TypeKind::kNumeric:
      return "numeric";
    case TypeKind::kReal:
      return "float";
    case TypeKind::kDouble:
      return "double";
    case TypeKind::kVarchar:
      return "varchar";
    case TypeKind::kChar:
      return "char";
    case TypeKind::kText:
      return "text";
    case TypeKind::kBoolean:
      return "boolean";
    case TypeKind::kDate:
      return "date";
    case TypeKind::kTime:
      return "time";
    case TypeKind::kTimestamp:
      return "timestamp";
    case TypeKind::kInterval:
      return "interval";
    case TypeKind::kUuid:
      return "uuid";
    case TypeKind::kJson:
      return "json";
    case TypeKind::kJsonb:
      return "jsonb";
    case TypeKind::kBinary:
      return "binary";
    case TypeKind::kEnum:
      return "enum";
    case TypeKind::kArray:
      return "array";
    case TypeKind::kVerbatim:
      return "verbatim";
  }
  return "verbatim";
}

}  // namespace

DataType MakeType(TypeKind kind) {
  DataType type;
  type.kind = kind;
  return type;
}

DataType MakeVarchar(std::optional<int> length) {
  DataType type = MakeType(TypeKind::kVarchar);
  type.length = length;
  return type;
}

DataType MakeNumeric(std::optional<int> precision, std::optional<int> scale) {
  DataType type = MakeType(TypeKind::kNumeric);
  type.precision = precision;
  type.scale = scale;
  return type;
}

bool IsNumericKind(TypeKind kind) {
  switch (kind) {
    case TypeKind::kTinyInt:
    case TypeKind::kSmallInt:
    case TypeKind::kMediumInt:
    case TypeKind::kInteger:
    case TypeKind::kBigInt:
    case TypeKind::kNumeric:
    case TypeKind::kReal:
    case TypeKind::kDouble:
      return true;
    default:
      return false;
  }
}

DataType MakeVerbatim(std::string spelling) {
  DataType type = MakeType(TypeKind::kVerbatim);
  type.verbatim = NormalizeSpelling(spelling);
  return type;
}

std::string DescribeType(const DataType& type) {
  std::string out;
  switch (type.kind) {
    case TypeKind::kVerbatim:
      return type.verbatim;
    case TypeKind::kArray: {
      out = type.element.empty() ? "?" : DescribeType(type.element[0]);
      for (int i = 0; i < std::max(type.array_dimensions, 1); ++i) {
        out = absl::StrCat("array(", out, ")");
      }
      return out;
    }
    case TypeKind::kEnum:
      if (!type.enum_name.empty()) return absl::StrCat("enum(", type.enum_name, ")");
      out = "enum(";
      for (size_t i = 0; i < type.enum_values.size(); ++i) {
        absl::StrAppend(&out, i == 0 ? "" : ",", QuoteValue(type.enum_values[i]));
      }
      return absl::StrCat(out, ")");
    case TypeKind::kTime:
    case TypeKind::kTimestamp: {
      std::vector<std::string> args;
      if (type.precision) args.push_back(absl::StrCat(*type.precision));
      if (type.with_timezone) args.push_back("tz");
      out = std::string(BaseName(type.kind));
      if (!args.empty()) absl::StrAppend(&out, "(", absl::StrJoin(args, ","), ")");
      return out;
    }
    case TypeKind::kBinary:
      if (type.length) {
        return absl::StrCat(type.fixed_binary ? "binary(" : "varbinary(", *type.length, ")");
      }
      return "binary";
    case TypeKind::kNumeric:
      out = "numeric";
      if (type.precision && type.scale) {
        absl::StrAppend(&out, "(", *type.precision, ",", *type.scale, ")");
      } else if (type.precision) {
        absl::StrAppend(&out, "(", *type.precision, ")");
      }
      break;
    case TypeKind::kReal:
    case TypeKind::kDouble:
      out = std::string(BaseName(type.kind));
      if (type.precision) absl::StrAppend(&out, "(", *type.precision, ")");
      break;
    default:
      out = std::string(BaseName(type.kind));
      if (type.length) absl::StrAppend(&out, "(", *type.length, ")");
      if (type.display_width) absl::StrAppend(&out, "(", *type.display_width, ")");
      break;
  }
  if (type.is_unsigned) absl::StrAppend(&out, " unsigned");
  return out;
}

std::optional<DataType> ParsePortableType(std::string_view text) {
  // A schema spells the same few types over and over: each thread remembers the spellings it
  // parsed (up to a bound, so hostile input cannot grow it without end).
  constexpr size_t kMaxRemembered = 1024;
  thread_local absl::flat_hash_map<std::string, std::optional<DataType>> parsed;
  if (auto it = parsed.find(Absl(text)); it != parsed.end()) return it->second;
  const std::string normalized = NormalizeSpelling(text);
  std::optional<DataType> type = normalized.empty() ? std::nullopt : ParseNormalized(normalized);
  if (parsed.size() < kMaxRemembered) parsed.emplace(std::string(text), type);
  return type;
}

}  // namespace schemadiff
