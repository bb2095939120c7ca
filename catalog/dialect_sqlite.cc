// The SQLite dialect.
//
// Types. SQLite keeps each column's declared type text and derives a type affinity from it
// (https://sqlite.org/datatype3.html#determination_of_column_affinity). Spellings that SQLite
// treats identically and that name the same canonical type are the same type here: INT =
// INTEGER = INT4, NVARCHAR(n) = VARCHAR(n) = CHARACTER VARYING(n), TEXT = CLOB, REAL = FLOAT =
// DOUBLE (all 8-byte floats), DATETIME = TIMESTAMP (no time zone or precision in SQLite),
// BOOL = BOOLEAN, NUMERIC = DECIMAL. Declared differences that users and Alembic care about
// stay different: varchar(100) vs varchar(200), INTEGER vs BIGINT, CHAR vs VARCHAR vs TEXT.
// Types SQLite cannot declare are mapped the way SQLAlchemy 1.4 renders them on SQLite: uuid is
// CHAR(32) (SQLAlchemy's Uuid / GUID recipe), enum is VARCHAR(longest value), interval is
// DATETIME, jsonb and arrays are JSON. A column declared "UUID" is kept verbatim: its NUMERIC
// affinity stores values differently from CHAR(32).
//
// Defaults. String literals, numbers, NULL, TRUE/FALSE and CURRENT_TIMESTAMP/DATE/TIME get their
// own kinds; on a boolean column 1/0/TRUE/FALSE are booleans (SQLite stores TRUE as 1), on other
// columns TRUE/FALSE are the numbers 1/0. A default wrapped in parentheses is the same default.
// Anything else is an expression compared by its canonical token text (datetime('now') is not
// CURRENT_TIMESTAMP: it is an expression of its own).
#include "catalog/dialect_sqlite.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "catalog/default_expr.h"
#include "catalog/sql_text.h"
#include "catalog/sqlite_lexer.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

// One native type name: its canonical kind and how many parenthesized integer arguments it
// takes.
struct NativeTypeName {
  std::string_view name;  // upper case, single spaces
  TypeKind kind;
  int max_args;
};

constexpr std::array<NativeTypeName, 39> kNativeTypes = {{
    {"INTEGER", TypeKind::kInteger, 1},
    {"INT", TypeKind::kInteger, 1},
    {"INT4", TypeKind::kInteger, 0},
    {"TINYINT", TypeKind::kTinyInt, 1},
    {"INT1", TypeKind::kTinyInt, 0},
    {"SMALLINT", TypeKind::kSmallInt, 1},
    {"INT2", TypeKind::kSmallInt, 0},
    {"MEDIUMINT", TypeKind::kMediumInt, 1},
    {"BIGINT", TypeKind::kBigInt, 1},
    {"INT8", TypeKind::kBigInt, 0},
    {"UNSIGNED BIG INT", TypeKind::kBigInt, 0},
    {"NUMERIC", TypeKind::kNumeric, 2},
    {"DECIMAL", TypeKind::kNumeric, 2},
    {"REAL", TypeKind::kReal, 0},
    {"FLOAT", TypeKind::kDouble, 1},
    {"DOUBLE", TypeKind::kDouble, 0},
    {"DOUBLE PRECISION", TypeKind::kDouble, 0},
    {"VARCHAR", TypeKind::kVarchar, 1},
    {"NVARCHAR", TypeKind::kVarchar, 1},
    {"CHARACTER VARYING", TypeKind::kVarchar, 1},
    {"VARYING CHARACTER", TypeKind::kVarchar, 1},
    {"NATIONAL CHARACTER VARYING", TypeKind::kVarchar, 1},
    {"CHAR", TypeKind::kChar, 1},
    {"CHARACTER", TypeKind::kChar, 1},
    {"NCHAR", TypeKind::kChar, 1},
    {"NATIVE CHARACTER", TypeKind::kChar, 1},
    {"NATIONAL CHARACTER", TypeKind::kChar, 1},
    {"TEXT", TypeKind::kText, 0},
    {"CLOB", TypeKind::kText, 0},
    {"BOOLEAN", TypeKind::kBoolean, 0},
    {"BOOL", TypeKind::kBoolean, 0},
    {"DATE", TypeKind::kDate, 0},
    {"DATETIME", TypeKind::kTimestamp, 1},
    {"TIMESTAMP", TypeKind::kTimestamp, 1},
    {"TIMESTAMP WITHOUT TIME ZONE", TypeKind::kTimestamp, 1},
    {"TIME", TypeKind::kTime, 1},
    {"TIME WITHOUT TIME ZONE", TypeKind::kTime, 1},
    {"BLOB", TypeKind::kBinary, 0},
    {"JSON", TypeKind::kJson, 0},
}};

bool IsIntegerKind(TypeKind kind) {
  return kind == TypeKind::kTinyInt || kind == TypeKind::kSmallInt ||
         kind == TypeKind::kMediumInt || kind == TypeKind::kInteger || kind == TypeKind::kBigInt;
}

// Lower case, single spaces, no spaces inside parentheses or before commas, ", " between
// arguments: the kVerbatim spelling of a declared type.
std::string CanonicalVerbatim(std::string_view native) {
  std::string out;
  bool pending_space = false;
  for (const char raw : native) {
    const char c = absl::ascii_tolower(static_cast<unsigned char>(raw));
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (c == ')' || c == ',' || (!out.empty() && out.back() == '(')) pending_space = false;
    if (c == '(' && !out.empty()) pending_space = false;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
    if (c == ',') pending_space = true;
  }
  return out;
}

// Splits a declared type into its upper-case name words and integer arguments; nullopt when
// the text is not of the form NAME [ ( int [, int] ) ] [NAME...].
struct DeclaredType {
  std::string name;
  std::vector<int> args;
};

std::optional<DeclaredType> SplitDeclaredType(std::string_view native) {
  DeclaredType out;
  std::string_view rest = native;
  std::string name_text;
  const size_t open = rest.find('(');
  if (open == std::string_view::npos) {
    name_text = std::string(rest);
  } else {
    const size_t close = rest.find(')', open);
    if (close == std::string_view::npos) return std::nullopt;
    for (absl::string_view arg :
         absl::StrSplit(Absl(rest.substr(open + 1, close - open - 1)), ',')) {
      int value = 0;
      if (!absl::SimpleAtoi(absl::StripAsciiWhitespace(arg), &value) || value < 0) {
        return std::nullopt;
      }
      out.args.push_back(value);
    }
    name_text = absl::StrCat(Absl(rest.substr(0, open)), " ", Absl(rest.substr(close + 1)));
  }
  std::vector<std::string> words = absl::StrSplit(absl::AsciiStrToUpper(name_text),
                                                  absl::ByAnyChar(" \t\r\n"), absl::SkipEmpty());
  out.name = absl::StrJoin(words, " ");
  return out;
}

// The canonical spelling of a numeric literal with an optional leading '-'.
std::string CanonicalNumber(bool negative, std::string_view digits) {
  std::string text = absl::AsciiStrToLower(Absl(digits));
  if (absl::StartsWith(text, "0x")) {
    unsigned long long value = 0;
    if (absl::SimpleHexAtoi(text.substr(2), &value)) {
      text = absl::StrCat(value);
    }
  } else if (text.find('e') == std::string::npos) {
    const size_t dot = text.find('.');
    std::string int_part = text.substr(0, dot);
    int_part.erase(0, std::min(int_part.find_first_not_of('0'), int_part.size()));
    if (int_part.empty()) int_part = "0";
    if (dot == std::string::npos) {
      text = int_part;
    } else {
      std::string frac = text.substr(dot + 1);
      while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
      if (frac.empty()) frac = "0";
      text = absl::StrCat(int_part, ".", frac);
    }
  }
  const bool zero = text.find_first_not_of("0.") == std::string::npos;
  return negative && !zero ? absl::StrCat("-", text) : text;
}

// Removes parentheses that wrap the whole token list, repeatedly.
std::vector<SqliteToken> StripWrappingParens(std::vector<SqliteToken> tokens) {
  while (tokens.size() >= 2 && tokens.front().IsPunct("(") && tokens.back().IsPunct(")")) {
    int depth = 0;
    bool wraps = true;
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (tokens[i].IsPunct("(")) ++depth;
      if (tokens[i].IsPunct(")")) --depth;
      if (depth == 0) {
        wraps = false;
        break;
      }
    }
    if (!wraps) break;
    tokens.erase(tokens.begin());
    tokens.pop_back();
  }
  return tokens;
}

// A quoted identifier token ("x", `x` or [x]) in canonical form: bare when it reads the same
// unquoted (lower case, not a keyword), else double-quoted.
SqlToken CanonicalQuotedIdentifier(const SqlToken& token) {
  const char open = token.text.front();
  const char close = open == '[' ? ']' : open;
  std::string name = token.text.substr(1, token.text.size() >= 2 ? token.text.size() - 2 : 0);
  if (open != '[') {
    name = absl::StrReplaceAll(name, {{std::string(2, close), std::string(1, close)}});
  }
  if (IsBareSqliteIdentifier(name) && name == absl::AsciiStrToLower(name)) {
    return {SqlTokenKind::kWord, name};
  }
  return {SqlTokenKind::kQuotedIdentifier,
          absl::StrCat("\"", absl::StrReplaceAll(name, {{"\"", "\"\""}}), "\"")};
}

// Canonical expression text: the shared canonicalizer (catalog/sql_text.h) with SQLite's
// quoting, and SQLite's operator synonyms (== is =, <> is !=) spelled one way.
// SQLite's quotes: "ident", `ident` and [ident] for identifiers, '...' for strings.
SqlTextOptions SqliteQuoting() {
  SqlTextOptions options;
  options.identifier_quotes = "\"`[";
  options.unquote_simple_identifiers =
      false;  // done by CanonicalExpression, keeping keywords quoted
  return options;
}

std::string CanonicalExpression(std::string_view sql) {
  std::vector<SqlToken> tokens = TokenizeSql(sql, SqliteQuoting());
  for (SqlToken& token : tokens) {
    if (token.kind == SqlTokenKind::kQuotedIdentifier) {
      token = CanonicalQuotedIdentifier(token);
    } else if (token.kind == SqlTokenKind::kOperator && token.text == "==") {
      token.text = "=";
    } else if (token.kind == SqlTokenKind::kOperator && token.text == "<>") {
      token.text = "!=";
    }
  }
  return JoinSqlTokens(StripOuterParens(std::move(tokens)));
}

class SqliteDialectImpl final : public Dialect {
 public:
  std::string_view name() const override { return "sqlite"; }

  const DialectCapabilities& capabilities() const override {
    static const DialectCapabilities kCapabilities = [] {
      DialectCapabilities c;
      c.transactional_ddl = true;
      c.rename_column = true;  // ALTER TABLE ... RENAME COLUMN (3.25+)
      // ALTER TABLE ... DROP COLUMN (3.35+); refused for PRIMARY KEY / UNIQUE / indexed /
      // FK / CHECK / generated-column dependencies, where a table rebuild is needed instead.
      c.drop_column = true;
      return c;
    }();
    return kCapabilities;
  }

  absl::StatusOr<DataType> ParseType(std::string_view native, bool allow_verbatim) const override {
    const std::optional<DeclaredType> declared = SplitDeclaredType(native);
    if (declared.has_value()) {
      std::string base = declared->name;
      bool is_unsigned = false;
      if (absl::EndsWith(base, " UNSIGNED")) {
        base.resize(base.size() - std::string_view(" UNSIGNED").size());
        is_unsigned = true;
      }
      bool with_timezone = false;
      if (base == "TIMESTAMP WITH TIME ZONE" || base == "TIME WITH TIME ZONE") {
        base = base.substr(0, base.find(' '));
        with_timezone = true;
      }
      const auto it = std::find_if(kNativeTypes.begin(), kNativeTypes.end(),
                                   [&](const NativeTypeName& t) { return t.name == base; });
      if (it != kNativeTypes.end() && static_cast<int>(declared->args.size()) <= it->max_args &&
          (!is_unsigned || IsIntegerKind(it->kind) || it->kind == TypeKind::kNumeric)) {
        return MakeParsedType(*it, declared->args, is_unsigned, with_timezone);
      }
    }
    if (!allow_verbatim) {
      return absl::InvalidArgumentError(absl::StrCat("unknown SQLite type '", Absl(native), "'"));
    }
    return MakeVerbatim(CanonicalVerbatim(native));
  }

  std::string RenderType(const DataType& type) const override {
    auto sized = [](std::string_view name, std::optional<int> length) {
      return length.has_value() ? absl::StrCat(Absl(name), "(", *length, ")") : std::string(name);
    };
    switch (type.kind) {
      case TypeKind::kTinyInt:
        return "TINYINT";
      case TypeKind::kSmallInt:
        return "SMALLINT";
      case TypeKind::kMediumInt:
        return "MEDIUMINT";
      case TypeKind::kInteger:
        return "INTEGER";
      case TypeKind::kBigInt:
        return "BIGINT";
      case TypeKind::kNumeric:
        if (!type.precision.has_value()) return "NUMERIC";
        if (!type.scale.has_value()) return absl::StrCat("NUMERIC(", *type.precision, ")");
        return absl::StrCat("NUMERIC(", *type.precision, ", ", *type.scale, ")");
      case TypeKind::kReal:
        return "REAL";
      case TypeKind::kDouble:
        return "FLOAT";
      case TypeKind::kVarchar:
        return sized("VARCHAR", type.length);
      case TypeKind::kChar:
        return sized("CHAR", type.length);
      case TypeKind::kText:
        return "TEXT";
      case TypeKind::kBoolean:
        return "BOOLEAN";
      case TypeKind::kDate:
        return "DATE";
      case TypeKind::kTime:
        return "TIME";
      case TypeKind::kTimestamp:
      case TypeKind::kInterval:
        return "DATETIME";
      case TypeKind::kUuid:
        return "CHAR(32)";
      case TypeKind::kJson:
      case TypeKind::kJsonb:
      case TypeKind::kArray:
        return "JSON";
      case TypeKind::kBinary:
        return "BLOB";
      case TypeKind::kEnum:
        return sized("VARCHAR", EnumLength(type));
      case TypeKind::kVerbatim:
        return type.verbatim;
    }
    return type.verbatim;
  }

  DataType NormalizeType(const DataType& type) const override {
    switch (type.kind) {
      case TypeKind::kTinyInt:
      case TypeKind::kSmallInt:
      case TypeKind::kMediumInt:
      case TypeKind::kInteger:
      case TypeKind::kBigInt:
      case TypeKind::kBoolean:
      case TypeKind::kDate:
      case TypeKind::kText:
      case TypeKind::kJson:
      case TypeKind::kBinary:
        return MakeType(type.kind);
      case TypeKind::kNumeric:
        return MakeNumeric(type.precision, type.precision.has_value() ? type.scale : std::nullopt);
      case TypeKind::kReal:
      case TypeKind::kDouble:
        return MakeType(TypeKind::kDouble);
      case TypeKind::kVarchar:
        return MakeVarchar(type.length);
      case TypeKind::kChar: {
        DataType out = MakeType(TypeKind::kChar);
        out.length = type.length;
        return out;
      }
      case TypeKind::kTime:
        return MakeType(TypeKind::kTime);
      case TypeKind::kTimestamp:
      case TypeKind::kInterval:
        return MakeType(TypeKind::kTimestamp);
      case TypeKind::kUuid: {
        DataType out = MakeType(TypeKind::kChar);
        out.length = 32;
        return out;
      }
      case TypeKind::kJsonb:
      case TypeKind::kArray:
        return MakeType(TypeKind::kJson);
      case TypeKind::kEnum:
        return MakeVarchar(EnumLength(type));
      case TypeKind::kVerbatim: {
        absl::StatusOr<DataType> parsed = ParseType(type.verbatim, /*allow_verbatim=*/true);
        if (parsed.ok() && parsed->kind != TypeKind::kVerbatim) return NormalizeType(*parsed);
        return MakeVerbatim(CanonicalVerbatim(type.verbatim));
      }
    }
    return type;
  }

  DefaultExpr ParseDefault(std::string_view sql, const DataType& type) const override {
    absl::StatusOr<std::vector<SqliteToken>> tokens = TokenizeSqlite(sql);
    if (!tokens.ok()) return DefaultExpr{DefaultKind::kExpression, CanonicalExpression(sql)};
    const std::vector<SqliteToken> body = StripWrappingParens(*std::move(tokens));
    const bool boolean = NormalizeType(type).kind == TypeKind::kBoolean;
    if (body.size() == 1) {
      const SqliteToken& t = body[0];
      if (t.kind == SqliteTokenKind::kString) return {DefaultKind::kString, t.value};
      if (t.IsWord("NULL")) return {DefaultKind::kNull, ""};
      if (t.IsWord("CURRENT_TIMESTAMP")) return {DefaultKind::kCurrentTimestamp, ""};
      if (t.IsWord("CURRENT_DATE")) return {DefaultKind::kCurrentDate, ""};
      if (t.IsWord("CURRENT_TIME")) return {DefaultKind::kCurrentTime, ""};
      if (t.IsWord("TRUE") || t.IsWord("FALSE")) {
        const bool value = t.IsWord("TRUE");
        return boolean ? DefaultExpr{DefaultKind::kBoolean, value ? "true" : "false"}
                       : DefaultExpr{DefaultKind::kNumber, value ? "1" : "0"};
      }
    }
    const bool signed_number = body.size() == 2 && (body[0].IsPunct("-") || body[0].IsPunct("+")) &&
                               body[1].kind == SqliteTokenKind::kNumber;
    if ((body.size() == 1 && body[0].kind == SqliteTokenKind::kNumber) || signed_number) {
      const std::string number =
          CanonicalNumber(signed_number && body[0].IsPunct("-"), body.back().value);
      if (boolean && (number == "0" || number == "1")) {
        return {DefaultKind::kBoolean, number == "1" ? "true" : "false"};
      }
      return {DefaultKind::kNumber, number};
    }
    return {DefaultKind::kExpression, CanonicalExpression(sql)};
  }

  std::string RenderDefault(const DefaultExpr& value, const DataType& /*type*/) const override {
    // Booleans are written 1 and 0; every other kind the standard way.
    if (value.kind == DefaultKind::kBoolean) return value.text == "true" ? "1" : "0";
    return StandardDefaultSql(value);
  }

  SqlTextOptions ExpressionQuoting() const override { return SqliteQuoting(); }

  // Table options are on/off switches: "true" when on, left out when off, so that
  // `without_rowid: false` in a schema file equals a table without the option.
  void NormalizeTableStructure(Table* table) const override {
    std::map<std::string, std::string> options;
    for (const auto& [key, value] : table->options) {
      if (SqliteOptionValueOn(value)) options[absl::AsciiStrToLower(key)] = "true";
    }
    table->options = std::move(options);
  }

  std::string NormalizeExpression(std::string_view sql) const override {
    return CanonicalExpression(sql);
  }

  std::string QuoteIdentifier(std::string_view name) const override {
    if (IsBareSqliteIdentifier(name)) return std::string(name);
    return absl::StrCat("\"", absl::StrReplaceAll(Absl(name), {{"\"", "\"\""}}), "\"");
  }

  std::string QuoteString(std::string_view value) const override {
    return absl::StrCat("'", absl::StrReplaceAll(Absl(value), {{"'", "''"}}), "'");
  }

 private:
  // The canonical type of a recognized native name with its arguments.
  static DataType MakeParsedType(const NativeTypeName& native, const std::vector<int>& args,
                                 bool is_unsigned, bool with_timezone) {
    DataType out = MakeType(native.kind);
    const std::optional<int> first = args.empty() ? std::nullopt : std::optional<int>(args[0]);
    out.is_unsigned = is_unsigned;
    out.with_timezone = with_timezone;
    switch (native.kind) {
      case TypeKind::kVarchar:
      case TypeKind::kChar:
        out.length = first;
        break;
      case TypeKind::kNumeric:
        out.precision = first;
        if (args.size() > 1) out.scale = args[1];
        break;
      case TypeKind::kDouble:
      case TypeKind::kTimestamp:
      case TypeKind::kTime:
        out.precision = first;
        break;
      default:
        if (IsIntegerKind(native.kind)) out.display_width = first;
        break;
    }
    return out;
  }

  // VARCHAR length SQLAlchemy gives a non-native enum: its longest value.
  static std::optional<int> EnumLength(const DataType& type) {
    if (type.enum_values.empty()) return std::nullopt;
    size_t longest = 0;
    for (const std::string& value : type.enum_values) {
      // Characters, as SQLAlchemy counts them: UTF-8 bytes that do not continue a sequence.
      const size_t chars =
          static_cast<size_t>(std::count_if(value.begin(), value.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
          }));
      longest = std::max(longest, chars);
    }
    return static_cast<int>(longest);
  }
};

}  // namespace

const Dialect& SqliteDialect() {
  static const SqliteDialectImpl* const kDialect = new SqliteDialectImpl();
  return *kDialect;
}

bool SqliteOptionValueOn(std::string_view value) {
  const std::string lower = absl::AsciiStrToLower(Absl(value));
  return lower != "false" && lower != "0" && lower != "no";
}

}  // namespace schemadiff
