// The MySQL / MariaDB dialect.
//
// Types. COLUMN_TYPE spellings and what users write map onto the canonical model: integer
// display widths are dropped (they change nothing but zero-fill padding; MySQL 8.0.19 stopped
// reporting them), except TINYINT(1), which MySQL, MariaDB and SQLAlchemy all treat as
// BOOLEAN; BOOL/BOOLEAN are TINYINT(1). DECIMAL without arguments is DECIMAL(10,0). FLOAT(p)
// is FLOAT up to 24 bits of precision and DOUBLE above; REAL and DOUBLE PRECISION are DOUBLE.
// DATETIME is a timestamp without time zone; TIMESTAMP (stored in UTC, shown in the session's
// zone) is a timestamp with time zone; a fractional-seconds precision of 0 is no precision.
// TINYTEXT/TEXT/MEDIUMTEXT/LONGTEXT are text size classes (kMysqlTinyTextLength, ...); BLOB is
// a binary without length, TINY/MEDIUM/LONGBLOB are kept verbatim. JSON is JSON (MariaDB stores
// it as LONGTEXT with a json_valid CHECK: the introspector folds that back). ENUM values are
// kept in order; SET, BIT, YEAR, spatial types and zero-filled integers are verbatim.
//
// Defaults. String literals, numbers, NULL and CURRENT_TIMESTAMP (and now(), localtime...,
// at any precision) get their own kinds; on a BOOLEAN column 0/1/TRUE/FALSE are booleans; a
// quoted number on a numeric column is that number (MySQL converts it). Anything else is an
// expression compared by its canonical text (catalog/mysql_lexer.h).
#include "catalog/dialect_mysql.h"

#include <algorithm>
#include <map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "catalog/mysql_lexer.h"
#include "catalog/type.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

std::string Lower(std::string_view text) { return absl::AsciiStrToLower(Absl(text)); }

// A native type spelling split into its base name (lower case, single spaces), its
// parenthesized arguments and trailing attributes.
struct NativeSpelling {
  std::string base;
  std::vector<MysqlToken> args;  // numbers and strings, commas dropped
  bool has_parens = false;
  bool is_unsigned = false;
  bool zerofill = false;
};

// Splits a spelling such as "int(10) unsigned zerofill" or "enum('a','b')"; nullopt when it
// does not have that shape.
std::optional<NativeSpelling> SplitSpelling(std::string_view native) {
  absl::StatusOr<std::vector<MysqlToken>> lexed = TokenizeMysql(native);
  if (!lexed.ok() || lexed->empty()) return std::nullopt;
  const std::vector<MysqlToken>& tokens = *lexed;
  NativeSpelling s;
  size_t i = 0;
  while (i < tokens.size() && tokens[i].kind == MysqlTokenKind::kWord) {
    const std::string word = Lower(tokens[i].value);
    if (word == "unsigned" || word == "signed" || word == "zerofill") break;
    absl::StrAppend(&s.base, s.base.empty() ? "" : " ", word);
    ++i;
  }
  if (s.base.empty()) return std::nullopt;
  if (i < tokens.size() && tokens[i].IsPunct("(")) {
    s.has_parens = true;
    ++i;
    bool expect_value = true;
    while (i < tokens.size() && !tokens[i].IsPunct(")")) {
      const MysqlToken& t = tokens[i];
      if (expect_value &&
          (t.kind == MysqlTokenKind::kNumber || t.kind == MysqlTokenKind::kString)) {
        s.args.push_back(t);
      } else if (expect_value || !t.IsPunct(",")) {
        return std::nullopt;
      }
      expect_value = !expect_value;
      ++i;
    }
    if (i == tokens.size() || (expect_value && !s.args.empty())) return std::nullopt;
    ++i;
  }
  for (; i < tokens.size(); ++i) {
    if (tokens[i].IsWord("unsigned")) {
      s.is_unsigned = true;
    } else if (tokens[i].IsWord("zerofill")) {
      s.zerofill = true;
      s.is_unsigned = true;  // ZEROFILL implies UNSIGNED
    } else if (!tokens[i].IsWord("signed")) {
      return std::nullopt;
    }
  }
  return s;
}

// An integer argument, or nullopt.
std::optional<int> IntArg(const MysqlToken& token) {
  int value = 0;
  if (token.kind != MysqlTokenKind::kNumber || !absl::SimpleAtoi(token.value, &value) ||
      value < 0) {
    return std::nullopt;
  }
  return value;
}

// The integer arguments of `s` (all must be integers), or nullopt.
std::optional<std::vector<int>> IntArgs(const NativeSpelling& s) {
  std::vector<int> out;
  for (const MysqlToken& t : s.args) {
    std::optional<int> v = IntArg(t);
    if (!v) return std::nullopt;
    out.push_back(*v);
  }
  return out;
}

std::optional<TypeKind> IntegerKind(std::string_view base) {
  if (base == "tinyint" || base == "int1") return TypeKind::kTinyInt;
  if (base == "smallint" || base == "int2") return TypeKind::kSmallInt;
  if (base == "mediumint" || base == "int3" || base == "middleint") return TypeKind::kMediumInt;
  if (base == "int" || base == "integer" || base == "int4") return TypeKind::kInteger;
  if (base == "bigint" || base == "int8") return TypeKind::kBigInt;
  return std::nullopt;
}

bool IsVarcharName(std::string_view base) {
  return base == "varchar" || base == "character varying" || base == "nvarchar" ||
         base == "national varchar" || base == "national character varying" ||
         base == "varcharacter" || base == "char varying" || base == "nchar varchar" ||
         base == "nchar varying";
}

bool IsCharName(std::string_view base) {
  return base == "char" || base == "character" || base == "nchar" || base == "national char" ||
         base == "national character";
}

// The text size class holding `length` bytes (no length: TEXT).
std::optional<int> TextClass(std::optional<int> length) {
  if (!length) return std::nullopt;
  if (*length <= kMysqlTinyTextLength) return kMysqlTinyTextLength;
  if (*length <= 65535) return std::nullopt;
  if (*length <= kMysqlMediumTextLength) return kMysqlMediumTextLength;
  return kMysqlLongTextLength;
}

// Parses the spelling; nullopt for unknown or malformed ones.
std::optional<DataType> ParseNative(const NativeSpelling& s) {
  const std::string& base = s.base;
  const size_t nargs = s.args.size();
  std::optional<std::vector<int>> ints = IntArgs(s);

  if (std::optional<TypeKind> kind = IntegerKind(base)) {
    if (!ints || nargs > 1) return std::nullopt;
    DataType type = MakeType(*kind);
    type.is_unsigned = s.is_unsigned;
    if (nargs == 1) type.display_width = (*ints)[0];
    if (s.zerofill) return std::nullopt;  // verbatim: the width changes what clients see
    return type;
  }
  if (base == "bool" || base == "boolean") {
    if (s.has_parens || s.is_unsigned) return std::nullopt;
    return MakeType(TypeKind::kBoolean);
  }
  if (base == "decimal" || base == "numeric" || base == "dec" || base == "fixed") {
    if (!ints || nargs > 2 || s.zerofill) return std::nullopt;
    DataType type = MakeNumeric(nargs >= 1 ? std::optional<int>((*ints)[0]) : std::nullopt,
                                nargs == 2 ? std::optional<int>((*ints)[1]) : std::nullopt);
    type.is_unsigned = s.is_unsigned;
    return type;
  }
  if (base == "float" || base == "double" || base == "double precision" || base == "real" ||
      base == "float4" || base == "float8") {
    if (!ints || s.zerofill || s.is_unsigned) return std::nullopt;
    if (nargs == 2) return std::nullopt;  // FLOAT(M,D): deprecated, verbatim
    if (base == "float" && nargs == 1) {
      if ((*ints)[0] > 53) return std::nullopt;
      return MakeType((*ints)[0] <= 24 ? TypeKind::kReal : TypeKind::kDouble);
    }
    if (nargs != 0) return std::nullopt;
    return MakeType(base == "float" || base == "float4" ? TypeKind::kReal : TypeKind::kDouble);
  }
  if (s.is_unsigned) return std::nullopt;
  if (IsVarcharName(base)) {
    if (!ints || nargs != 1) return std::nullopt;
    return MakeVarchar((*ints)[0]);
  }
  if (IsCharName(base)) {
    if (!ints || nargs > 1) return std::nullopt;
    DataType type = MakeType(TypeKind::kChar);
    type.length = nargs == 1 ? (*ints)[0] : 1;
    return type;
  }
  if (base == "tinytext" || base == "text" || base == "mediumtext" || base == "longtext" ||
      base == "long" || base == "long varchar") {
    if (!ints || nargs > 1 || (nargs == 1 && base != "text")) return std::nullopt;
    DataType type = MakeType(TypeKind::kText);
    if (base == "tinytext") type.length = kMysqlTinyTextLength;
    if (base == "mediumtext" || base == "long" || base == "long varchar") {
      type.length = kMysqlMediumTextLength;
    }
    if (base == "longtext") type.length = kMysqlLongTextLength;
    if (nargs == 1) type.length = TextClass((*ints)[0]);
    return type;
  }
  if (base == "blob" || base == "binary" || base == "varbinary") {
    if (!ints || nargs > 1) return std::nullopt;
    DataType type = MakeType(TypeKind::kBinary);
    if (base == "blob") {
      // BLOB(M) is the smallest blob class holding M bytes.
      if (nargs == 1 && (*ints)[0] > 65535) return std::nullopt;
      if (nargs == 1 && (*ints)[0] <= 255) return std::nullopt;
      return type;
    }
    if (base == "varbinary" && nargs == 0) return std::nullopt;
    type.fixed_binary = base == "binary";
    type.length = nargs == 1 ? (*ints)[0] : 1;
    return type;
  }
  if (base == "date" && !s.has_parens) return MakeType(TypeKind::kDate);
  if (base == "datetime" || base == "timestamp" || base == "time") {
    if (!ints || nargs > 1) return std::nullopt;
    DataType type = MakeType(base == "time" ? TypeKind::kTime : TypeKind::kTimestamp);
    type.with_timezone = base == "timestamp";
    if (nargs == 1) type.precision = (*ints)[0];
    return type;
  }
  if (base == "json" && !s.has_parens) return MakeType(TypeKind::kJson);
  if (base == "uuid" && !s.has_parens) return MakeType(TypeKind::kUuid);
  if (base == "enum") {
    if (nargs == 0) return std::nullopt;
    DataType type = MakeType(TypeKind::kEnum);
    for (const MysqlToken& t : s.args) {
      if (t.kind != MysqlTokenKind::kString) return std::nullopt;
      type.enum_values.push_back(t.value);
    }
    return type;
  }
  return std::nullopt;
}

// The canonical verbatim spelling of a type the model has no kind for.
DataType VerbatimType(const NativeSpelling& s) {
  std::string text = s.base;
  if (s.base == "bit" && !s.has_parens) return MakeVerbatim("bit(1)");
  if (s.base == "year" && (!s.has_parens || (s.args.size() == 1 && s.args[0].value == "4"))) {
    return MakeVerbatim("year");
  }
  if (s.base == "blob" && s.args.size() == 1) {
    const int bytes = IntArg(s.args[0]).value_or(0);
    return MakeVerbatim(bytes <= 255                      ? "tinyblob"
                        : bytes <= kMysqlMediumTextLength ? "mediumblob"
                                                          : "longblob");
  }
  if (s.base == "long varbinary") return MakeVerbatim("mediumblob");
  if (s.has_parens) {
    std::vector<std::string> args;
    for (const MysqlToken& t : s.args) {
      args.push_back(t.kind == MysqlTokenKind::kString ? QuoteMysqlString(t.value) : t.value);
    }
    absl::StrAppend(&text, "(", absl::StrJoin(args, ","), ")");
  }
  if (s.is_unsigned) absl::StrAppend(&text, " unsigned");
  if (s.zerofill) absl::StrAppend(&text, " zerofill");
  DataType type = MakeType(TypeKind::kVerbatim);
  type.verbatim = text;  // already lower-cased, strings re-quoted canonically
  return type;
}

// Native types MySQL or MariaDB know that the model keeps verbatim.
bool IsKnownVerbatim(const NativeSpelling& s) {
  static constexpr std::string_view kNames[] = {"tinyblob",     "mediumblob",
                                                "longblob",     "long varbinary",
                                                "blob",         "set",
                                                "bit",          "year",
                                                "geometry",     "point",
                                                "linestring",   "polygon",
                                                "multipoint",   "multilinestring",
                                                "multipolygon", "geometrycollection",
                                                "inet4",        "inet6",
                                                "float",        "double",
                                                "real",         "tinyint",
                                                "smallint",     "mediumint",
                                                "int",          "integer",
                                                "bigint"};
  for (std::string_view name : kNames) {
    if (s.base == name) return true;
  }
  return false;
}

// Types whose columns take no literal DEFAULT in MySQL 8, only (expression) defaults.
bool TakesExpressionDefaultsOnly(const DataType& type) {
  if (type.kind == TypeKind::kText || type.kind == TypeKind::kJson) return true;
  if (type.kind == TypeKind::kBinary) return !type.length;  // BLOB
  if (type.kind != TypeKind::kVerbatim) return false;
  for (std::string_view blob :
       {"tinyblob", "mediumblob", "longblob", "geometry", "point", "linestring", "polygon"}) {
    if (type.verbatim == blob) return true;
  }
  return false;
}

// The canonical spelling of a decimal number ("-0.50" -> "-0.5", "1e3" -> "1000", "+.5" ->
// "0.5"); nullopt when `text` is not a plain number.
std::optional<std::string> CanonicalNumber(std::string_view text) {
  text = Std(absl::StripAsciiWhitespace(Absl(text)));
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  std::string digits;  // all mantissa digits
  int point = -1;      // digits before the decimal point
  size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == '.' && point < 0) {
      point = static_cast<int>(digits.size());
    } else {
      break;
    }
  }
  if (digits.empty()) return std::nullopt;
  if (point < 0) point = static_cast<int>(digits.size());
  if (i < text.size()) {
    if (text[i] != 'e' && text[i] != 'E') return std::nullopt;
    int exponent = 0;
    if (!absl::SimpleAtoi(Absl(text.substr(i + 1)), &exponent) || exponent > 400 ||
        exponent < -400) {
      return std::nullopt;
    }
    point += exponent;
  }
  // Pad so the point falls inside or at the ends of the digit string.
  while (point < 0) {
    digits.insert(digits.begin(), '0');
    ++point;
  }
  while (point > static_cast<int>(digits.size())) digits.push_back('0');
  std::string whole = digits.substr(0, point);
  std::string fraction = digits.substr(point);
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
  if (whole.empty()) whole = "0";
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string out = whole;
  if (!fraction.empty()) absl::StrAppend(&out, ".", fraction);
  if (negative && out != "0") out.insert(out.begin(), '-');
  return out;
}

// Which well-known function a default's tokens are, if any: current_timestamp[(n)], now(n),
// localtime, curdate(), ...
std::optional<DefaultKind> TemporalDefault(const std::vector<MysqlToken>& tokens) {
  if (tokens.empty() || tokens[0].kind != MysqlTokenKind::kWord) return std::nullopt;
  const std::string name = Lower(tokens[0].value);
  const bool bare = tokens.size() == 1;
  const bool call =
      tokens.size() >= 3 && tokens[1].IsPunct("(") && tokens.back().IsPunct(")") &&
      (tokens.size() == 3 || (tokens.size() == 4 && tokens[2].kind == MysqlTokenKind::kNumber));
  if (!bare && !call) return std::nullopt;
  if (name == "current_timestamp" || name == "localtime" || name == "localtimestamp") {
    return DefaultKind::kCurrentTimestamp;
  }
  if (name == "now" && call) return DefaultKind::kCurrentTimestamp;
  if (name == "current_date" || (name == "curdate" && call && tokens.size() == 3)) {
    return DefaultKind::kCurrentDate;
  }
  if (name == "current_time" || (name == "curtime" && call)) return DefaultKind::kCurrentTime;
  return std::nullopt;
}

// Tokens of `sql` without the parentheses wrapping all of it.
std::vector<MysqlToken> Unwrapped(std::vector<MysqlToken> tokens) {
  while (tokens.size() >= 2 && tokens.front().IsPunct("(") && tokens.back().IsPunct(")")) {
    int depth = 0;
    bool whole = true;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].IsPunct("(")) ++depth;
      if (tokens[i].IsPunct(")")) --depth;
      if (depth == 0 && i + 1 < tokens.size()) whole = false;
    }
    if (!whole) break;
    tokens = std::vector<MysqlToken>(tokens.begin() + 1, tokens.end() - 1);
  }
  return tokens;
}

// Types whose literal defaults are strings whatever their spelling (DEFAULT 5 on a VARCHAR is
// stored as '5').
bool IsStringLike(TypeKind kind) {
  switch (kind) {
    case TypeKind::kVarchar:
    case TypeKind::kChar:
    case TypeKind::kText:
    case TypeKind::kEnum:
    case TypeKind::kDate:
    case TypeKind::kTime:
    case TypeKind::kTimestamp:
    case TypeKind::kBinary:
    case TypeKind::kJson:
    case TypeKind::kUuid:
      return true;
    default:
      return false;
  }
}

// A literal default on a column of `type`: `text` is the literal's value, `quoted` whether it
// was a string literal.
DefaultExpr LiteralDefault(const std::string& text, bool quoted, const DataType& type) {
  const std::string lower = Lower(text);
  const bool boolean_word = !quoted && (lower == "true" || lower == "false");
  if (type.kind == TypeKind::kBoolean) {
    if (lower == "true" || lower == "false") return {DefaultKind::kBoolean, lower};
    if (std::optional<std::string> n = CanonicalNumber(text)) {
      return {DefaultKind::kBoolean, *n == "0" ? "false" : "true"};
    }
  }
  if (boolean_word) {
    const std::string number = lower == "true" ? "1" : "0";
    return IsStringLike(type.kind) ? DefaultExpr{DefaultKind::kString, number}
                                   : DefaultExpr{DefaultKind::kNumber, number};
  }
  if (IsNumericKind(type.kind) || (!quoted && !IsStringLike(type.kind))) {
    if (std::optional<std::string> n = CanonicalNumber(text)) return {DefaultKind::kNumber, *n};
  }
  return {DefaultKind::kString, text};
}

class MysqlDialectImpl : public Dialect {
 public:
  std::string_view name() const override { return "mysql"; }

  const DialectCapabilities& capabilities() const override {
    static const DialectCapabilities kCapabilities = [] {
      DialectCapabilities c;
      c.transactional_ddl = false;  // every DDL statement commits implicitly
      c.alter_column_type = true;   // MODIFY restates the column
      c.alter_column_nullability = true;
      c.alter_column_default = true;
      c.rename_column = true;  // RENAME COLUMN: MySQL 8.0, MariaDB 10.5
      c.rename_index = true;   // RENAME INDEX: MySQL 5.7, MariaDB 10.5
      c.rename_constraint = false;
      c.add_drop_constraints = true;
      c.drop_column = true;
      c.named_enum_types = false;  // enums are inline column types
      c.comments = true;
      c.schemas = false;  // a MySQL "schema" is a database
      c.max_identifier_length = 64;
      c.index_names_per_table = true;
      return c;
    }();
    return kCapabilities;
  }

  absl::StatusOr<DataType> ParseType(std::string_view native, bool allow_verbatim) const override {
    std::optional<NativeSpelling> s = SplitSpelling(native);
    if (s) {
      if (std::optional<DataType> type = ParseNative(*s)) return NormalizeType(*type);
      if (IsKnownVerbatim(*s)) return VerbatimType(*s);
    }
    if (!allow_verbatim || !s) {
      return absl::InvalidArgumentError(absl::StrCat("unknown MySQL type '", Absl(native), "'"));
    }
    return VerbatimType(*s);
  }

  std::string RenderType(const DataType& type) const override {
    std::string out;
    switch (type.kind) {
      case TypeKind::kTinyInt:
        out = "tinyint";
        break;
      case TypeKind::kSmallInt:
        out = "smallint";
        break;
      case TypeKind::kMediumInt:
        out = "mediumint";
        break;
      case TypeKind::kInteger:
        out = "int";
        break;
      case TypeKind::kBigInt:
        out = "bigint";
        break;
      case TypeKind::kNumeric:
        out = "decimal";
        if (type.precision) {
          absl::StrAppend(&out, "(", *type.precision, ",", type.scale.value_or(0), ")");
        }
        break;
      case TypeKind::kReal:
        return "float";
      case TypeKind::kDouble:
        return "double";
      case TypeKind::kBoolean:
        return "tinyint(1)";
      case TypeKind::kVarchar:
        if (!type.length) return "text";
        return absl::StrCat("varchar(", *type.length, ")");
      case TypeKind::kChar:
        return absl::StrCat("char(", type.length.value_or(1), ")");
      case TypeKind::kText:
        switch (TextClass(type.length).value_or(0)) {
          case kMysqlTinyTextLength:
            return "tinytext";
          case kMysqlMediumTextLength:
            return "mediumtext";
          case kMysqlLongTextLength:
            return "longtext";
          default:
            return "text";
        }
      case TypeKind::kDate:
        return "date";
      case TypeKind::kTime:
      case TypeKind::kTimestamp:
        out = type.kind == TypeKind::kTime ? "time" : type.with_timezone ? "timestamp" : "datetime";
        if (type.precision && *type.precision > 0) absl::StrAppend(&out, "(", *type.precision, ")");
        return out;
      case TypeKind::kInterval:
        return "time";  // nearest: a duration of up to 838 hours
      case TypeKind::kUuid:
        return "uuid";  // MariaDB 10.7+
      case TypeKind::kJson:
      case TypeKind::kJsonb:
      case TypeKind::kArray:
        return "json";
      case TypeKind::kBinary:
        if (!type.length) return "blob";
        return absl::StrCat(type.fixed_binary ? "binary(" : "varbinary(", *type.length, ")");
      case TypeKind::kEnum: {
        std::vector<std::string> values;
        for (const std::string& v : type.enum_values) values.push_back(QuoteMysqlString(v));
        return absl::StrCat("enum(", absl::StrJoin(values, ","), ")");
      }
      case TypeKind::kVerbatim:
        return type.verbatim;
    }
    if (type.is_unsigned) absl::StrAppend(&out, " unsigned");
    return out;
  }

  DataType NormalizeType(const DataType& in) const override {
    DataType type = in;
    switch (type.kind) {
      case TypeKind::kTinyInt:
        if (type.display_width == 1 && !type.is_unsigned) return MakeType(TypeKind::kBoolean);
        type.display_width.reset();
        break;
      case TypeKind::kSmallInt:
      case TypeKind::kMediumInt:
      case TypeKind::kInteger:
      case TypeKind::kBigInt:
        type.display_width.reset();
        break;
      case TypeKind::kNumeric:
        if (!type.precision) type.precision = 10;
        if (!type.scale) type.scale = 0;
        break;
      case TypeKind::kReal:
      case TypeKind::kDouble:
        type.precision.reset();
        type.is_unsigned = false;
        break;
      case TypeKind::kVarchar:
        if (!type.length) return MakeType(TypeKind::kText);
        break;
      case TypeKind::kChar:
        if (!type.length) type.length = 1;
        break;
      case TypeKind::kText:
        type.length = TextClass(type.length);
        break;
      case TypeKind::kTime:
      case TypeKind::kTimestamp:
        if (type.precision == 0) type.precision.reset();
        break;
      case TypeKind::kJsonb:
      case TypeKind::kArray:
        return MakeType(TypeKind::kJson);
      case TypeKind::kBinary:
        if (type.fixed_binary && !type.length) type.length = 1;
        break;
      case TypeKind::kEnum:
        if (!type.enum_values.empty()) type.enum_name.clear();  // MySQL enums are inline
        break;
      case TypeKind::kVerbatim: {
        // A verbatim spelling that names a known type (e.g. from a dialect-free YAML) is that type.
        std::optional<NativeSpelling> s = SplitSpelling(type.verbatim);
        if (s) {
          if (std::optional<DataType> parsed = ParseNative(*s)) return NormalizeType(*parsed);
          return VerbatimType(*s);
        }
        break;
      }
      default:
        break;
    }
    if (!IsNumericKind(type.kind)) type.is_unsigned = false;
    return type;
  }

  DefaultExpr ParseDefault(std::string_view sql, const DataType& type) const override {
    absl::StatusOr<std::vector<MysqlToken>> lexed = TokenizeMysql(sql);
    if (!lexed.ok()) return {DefaultKind::kExpression, CanonicalMysqlExpression(sql)};
    const std::vector<MysqlToken> tokens = Unwrapped(*std::move(lexed));
    if (tokens.size() == 1) {
      const MysqlToken& t = tokens[0];
      if (t.IsWord("null")) return {DefaultKind::kNull, ""};
      if (t.kind == MysqlTokenKind::kString) return LiteralDefault(t.value, true, type);
      if (t.kind == MysqlTokenKind::kNumber || t.IsWord("true") || t.IsWord("false")) {
        return LiteralDefault(t.value, false, type);
      }
    }
    if (tokens.size() == 2 && (tokens[0].IsPunct("-") || tokens[0].IsPunct("+")) &&
        tokens[1].kind == MysqlTokenKind::kNumber) {
      return LiteralDefault(tokens[0].value + tokens[1].value, false, type);
    }
    if (std::optional<DefaultKind> kind = TemporalDefault(tokens)) return {*kind, ""};
    return {DefaultKind::kExpression, CanonicalMysqlExpression(sql)};
  }

  std::string RenderDefault(const DefaultExpr& value, const DataType& type) const override {
    // MySQL 8 takes a default on TEXT, BLOB, JSON and spatial columns only as an expression in
    // parentheses; MariaDB takes both and reports the bare literal.
    const bool parens = TakesExpressionDefaultsOnly(type);
    switch (value.kind) {
      case DefaultKind::kString:
        return parens ? absl::StrCat("(", QuoteMysqlString(value.text), ")")
                      : QuoteMysqlString(value.text);
      case DefaultKind::kNumber:
        return parens ? absl::StrCat("(", value.text, ")") : value.text;
      case DefaultKind::kBoolean:
        return value.text == "true" ? "1" : "0";
      case DefaultKind::kNull:
        return "NULL";
      case DefaultKind::kCurrentTimestamp:
        if (type.kind == TypeKind::kTimestamp && type.precision && *type.precision > 0) {
          return absl::StrCat("CURRENT_TIMESTAMP(", *type.precision, ")");
        }
        return "CURRENT_TIMESTAMP";
      case DefaultKind::kCurrentDate:
        return "(curdate())";
      case DefaultKind::kCurrentTime:
        return "(curtime())";
      case DefaultKind::kExpression:
        return absl::StrCat("(", value.text, ")");
    }
    return value.text;
  }

  SqlTextOptions ExpressionQuoting() const override {
    SqlTextOptions options;
    options.identifier_quotes = "`";
    options.backslash_escapes = true;  // QuoteMysqlString escapes with backslashes
    return options;
  }

  std::string NormalizeExpression(std::string_view sql) const override {
    return CanonicalMysqlExpression(sql);
  }

  void NormalizeTableStructure(Table* table) const override { NormalizeMysqlTable(table); }

  std::string QuoteIdentifier(std::string_view name) const override {
    return QuoteMysqlIdentifier(name);
  }

  std::string QuoteString(std::string_view value) const override { return QuoteMysqlString(value); }
};

}  // namespace

const Dialect& MysqlDialect() {
  static const MysqlDialectImpl kDialect;
  return kDialect;
}

std::optional<DefaultExpr> ParseMysqlColumnDefault(const std::optional<std::string>& column_default,
                                                   std::string_view extra, const Column& column,
                                                   MysqlFlavor flavor) {
  if (!column_default) return std::nullopt;
  const Dialect& dialect = MysqlDialect();
  DefaultExpr value;
  if (flavor == MysqlFlavor::kMariaDb) {
    value = dialect.ParseDefault(*column_default, column.type);
  } else if (absl::StrContains(Lower(extra), "default_generated")) {
    value = dialect.ParseDefault(*column_default, column.type);
  } else {
    // MySQL: a literal, written unquoted whatever its type.
    const bool numeric = IsNumericKind(column.type.kind) || column.type.kind == TypeKind::kBoolean;
    const bool bit_literal = absl::StartsWithIgnoreCase(*column_default, "b'") ||
                             absl::StartsWithIgnoreCase(*column_default, "0x");
    value = numeric || bit_literal ? dialect.ParseDefault(*column_default, column.type)
                                   : DefaultExpr{DefaultKind::kString, *column_default};
  }
  if (value.kind == DefaultKind::kNull && column.nullable) return std::nullopt;
  return value;
}

std::string NormalizeMysqlOnUpdate(std::string_view text) {
  if (absl::StripAsciiWhitespace(Absl(text)).empty()) return "";
  const DefaultExpr parsed = MysqlDialect().ParseDefault(text, MakeType(TypeKind::kTimestamp));
  if (parsed.kind == DefaultKind::kCurrentTimestamp) return "CURRENT_TIMESTAMP";
  return CanonicalMysqlExpression(text);
}

std::string RenderMysqlOnUpdate(const Column& column) {
  const std::string on_update = NormalizeMysqlOnUpdate(column.on_update);
  if (on_update == "CURRENT_TIMESTAMP") {
    return MysqlDialect().RenderDefault({DefaultKind::kCurrentTimestamp, ""}, column.type);
  }
  return on_update;
}

std::string NormalizeMysqlCharset(std::string_view charset) {
  std::string out = Lower(Std(absl::StripAsciiWhitespace(Absl(charset))));
  if (out == "utf8") return "utf8mb3";
  return out;
}

std::string NormalizeMysqlCollation(std::string_view collation) {
  std::string out = Lower(Std(absl::StripAsciiWhitespace(Absl(collation))));
  if (absl::StartsWith(out, "utf8_")) return absl::StrCat("utf8mb3_", out.substr(5));
  return out;
}

std::string MysqlImplicitForeignKeyIndexName(const Table& table, const ForeignKey& fk) {
  const std::string prefix = absl::StrCat(table.name, "_ibfk_");
  const bool server_named = absl::StartsWith(fk.name, prefix) && fk.name.size() > prefix.size() &&
                            std::all_of(fk.name.begin() + prefix.size(), fk.name.end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
  if ((server_named || fk.name.empty()) && !fk.columns.empty()) return fk.columns[0];
  return fk.name;
}

bool MysqlForeignKeyHasCoveringIndex(const Table& table, const ForeignKey& fk,
                                     std::string_view except_index) {
  auto covers = [&fk](const std::vector<std::string>& columns) {
    if (columns.size() < fk.columns.size()) return false;
    for (size_t i = 0; i < fk.columns.size(); ++i) {
      if (!absl::EqualsIgnoreCase(columns[i], fk.columns[i])) return false;
    }
    return true;
  };
  if (table.primary_key && covers(table.primary_key->columns)) return true;
  for (const UniqueConstraint& unique : table.uniques) {
    if (unique.name != except_index && covers(unique.columns)) return true;
  }
  for (const Index& index : table.indexes) {
    if (index.name == except_index || !index.method.empty()) continue;
    std::vector<std::string> columns;
    for (const IndexElement& e : index.elements) {
      if (e.column.empty() || e.prefix_length) break;
      columns.push_back(e.column);
    }
    if (covers(columns)) return true;
  }
  return false;
}

std::vector<Index> MysqlForeignKeyIndexesToRecreate(const Table& before, const Table& after) {
  std::vector<Index> out;
  for (const ForeignKey& fk : after.foreign_keys) {
    const bool kept = !fk.name.empty() &&
                      std::any_of(before.foreign_keys.begin(), before.foreign_keys.end(),
                                  [&fk](const ForeignKey& old) { return old.name == fk.name; });
    if (!kept || !MysqlForeignKeyHasCoveringIndex(before, fk) ||
        MysqlForeignKeyHasCoveringIndex(after, fk)) {
      continue;
    }
    Index index;
    index.name = MysqlImplicitForeignKeyIndexName(after, fk);
    for (const std::string& column : fk.columns) {
      IndexElement element;
      element.column = column;
      index.elements.push_back(std::move(element));
    }
    out.push_back(std::move(index));
  }
  return out;
}

void NormalizeMysqlTable(Table* table) {
  for (Column& column : table->columns) {
    if (column.server_default && column.server_default->kind == DefaultKind::kNull &&
        column.nullable) {
      column.server_default.reset();
    }
    column.on_update = NormalizeMysqlOnUpdate(column.on_update);
    column.charset = NormalizeMysqlCharset(column.charset);
    column.collation = NormalizeMysqlCollation(column.collation);
    if (column.type.kind == TypeKind::kJson || !column.collation.empty()) column.charset.clear();
    if (column.type.kind == TypeKind::kJson) column.collation.clear();
    if (column.comment && column.comment->empty()) column.comment.reset();
  }
  if (table->comment && table->comment->empty()) table->comment.reset();
  std::map<std::string, std::string> options;
  for (const auto& [key, value] : table->options) {
    std::string name = Lower(key);
    if (name == "character set" || name == "default charset" || name == "default character set") {
      name = "charset";
    }
    if (name == "collate" || name == "default collate") name = "collation";
    options[name] = name == "charset"     ? NormalizeMysqlCharset(value)
                    : name == "collation" ? NormalizeMysqlCollation(value)
                    : name == "engine"    ? Lower(value)
                                          : value;
  }
  table->options = std::move(options);
  if (table->primary_key) {
    table->primary_key->name.clear();
    table->primary_key->name_origin = NameOrigin::kExplicit;
  }
  std::vector<Index> indexes;
  for (Index& index : table->indexes) {
    if (absl::EqualsIgnoreCase(index.method, "btree")) index.method.clear();
    index.method = Lower(index.method);
    for (IndexElement& e : index.elements) e.nulls.clear();  // MySQL sorts NULLs first, always
    const bool plain_columns =
        std::all_of(index.elements.begin(), index.elements.end(), [](const IndexElement& e) {
          return !e.column.empty() && e.expression.empty() && !e.descending && !e.prefix_length &&
                 e.collation.empty() && e.opclass.empty();
        });
    if (index.unique && plain_columns && index.method.empty() && index.where.empty() &&
        index.include.empty() && !index.elements.empty()) {
      UniqueConstraint unique;
      unique.name = index.name;
      unique.name_origin = index.name_origin;
      for (const IndexElement& e : index.elements) unique.columns.push_back(e.column);
      table->uniques.push_back(std::move(unique));
      continue;
    }
    indexes.push_back(std::move(index));
  }
  table->indexes = std::move(indexes);
  for (UniqueConstraint& unique : table->uniques) {
    unique.nulls_not_distinct = false;
    unique.deferrable = false;
    unique.initially_deferred = false;
  }
  for (ForeignKey& fk : table->foreign_keys) {
    for (std::string* action : {&fk.on_delete, &fk.on_update}) {
      *action = absl::AsciiStrToUpper(*action);
      if (*action == "RESTRICT" || *action == "NO ACTION") action->clear();
    }
    fk.match.clear();
    fk.deferrable = false;
    fk.initially_deferred = false;
    fk.not_valid = false;
  }
  for (CheckConstraint& check : table->checks) check.not_valid = false;
  // The index InnoDB keeps for a foreign key comes and goes with the key and with the other
  // indexes that can serve it: no side lists it (the SQL renderer manages it).
  std::erase_if(table->indexes, [table](const Index& index) {
    if (index.unique || !index.method.empty()) return false;
    for (const ForeignKey& fk : table->foreign_keys) {
      if (index.elements.size() != fk.columns.size() ||
          index.name != MysqlImplicitForeignKeyIndexName(*table, fk)) {
        continue;
      }
      bool same = true;
      for (size_t i = 0; i < fk.columns.size() && same; ++i) {
        const IndexElement& e = index.elements[i];
        same = absl::EqualsIgnoreCase(e.column, fk.columns[i]) && !e.prefix_length &&
               !e.descending && e.expression.empty();
      }
      if (same) return true;
    }
    return false;
  });
}

}  // namespace schemadiff
