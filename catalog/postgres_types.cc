#include "catalog/postgres_types.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

// A type name split into its parts, before it is mapped to a kind.
struct TypeName {
  std::vector<std::string> parts;  // qualified name parts, unquoted words lower-cased
  std::vector<bool> quoted;        // per part: written in double quotes
  std::string base;                // the (multi-word) builtin name when unqualified, else ""
  std::vector<std::string> args;   // typmod arguments as text
  bool with_timezone = false;
  std::string interval_fields;  // "day to second"
  int array_dims = 0;
};

bool IsNamePart(const PgToken& t) {
  return t.kind == PgTokenKind::kWord || t.kind == PgTokenKind::kQuotedIdent;
}

// Reads an argument list "( a, b )" at *pos; each argument as its token text.
absl::Status ReadArgs(const std::vector<PgToken>& tokens, size_t* pos, TypeName* name) {
  ++*pos;  // (
  std::string current;
  while (*pos < tokens.size() && !tokens[*pos].IsPunct(")")) {
    const PgToken& t = tokens[*pos];
    if (t.IsPunct(",")) {
      name->args.push_back(current);
      current.clear();
    } else if (t.kind == PgTokenKind::kString) {
      absl::StrAppend(&current, QuotePostgresString(t.value));
    } else if (t.kind == PgTokenKind::kQuotedIdent) {
      absl::StrAppend(&current, QuotePostgresIdentifier(t.value));
    } else {
      absl::StrAppend(&current, t.value);
    }
    ++*pos;
  }
  if (*pos >= tokens.size()) return absl::InvalidArgumentError("unbalanced parentheses in type");
  ++*pos;  // )
  name->args.push_back(current);
  return absl::OkStatus();
}

// Consumes `word` at *pos when present.
bool Accept(const std::vector<PgToken>& tokens, size_t* pos, std::string_view word) {
  if (*pos < tokens.size() && tokens[*pos].IsWord(word)) {
    ++*pos;
    return true;
  }
  return false;
}

// Reads "with time zone" / "without time zone".
absl::Status ReadTimeZone(const std::vector<PgToken>& tokens, size_t* pos, TypeName* name) {
  const size_t start = *pos;
  const bool with = Accept(tokens, pos, "with");
  if (!with && !Accept(tokens, pos, "without")) return absl::OkStatus();
  if (!Accept(tokens, pos, "time") || !Accept(tokens, pos, "zone")) {
    *pos = start;
    return absl::InvalidArgumentError("expected 'time zone'");
  }
  name->with_timezone = with;
  return absl::OkStatus();
}

// Reads the words and arguments of a type name at *pos.
absl::StatusOr<TypeName> ReadTypeName(const std::vector<PgToken>& tokens, size_t* pos) {
  TypeName name;
  if (*pos >= tokens.size() || !IsNamePart(tokens[*pos])) {
    return absl::InvalidArgumentError("expected a type name");
  }
  name.parts.push_back(tokens[*pos].value);
  name.quoted.push_back(tokens[*pos].kind == PgTokenKind::kQuotedIdent);
  ++*pos;
  while (*pos + 1 < tokens.size() && tokens[*pos].IsPunct(".") && IsNamePart(tokens[*pos + 1])) {
    name.parts.push_back(tokens[*pos + 1].value);
    name.quoted.push_back(tokens[*pos + 1].kind == PgTokenKind::kQuotedIdent);
    *pos += 2;
  }
  if (name.parts.size() == 2 && !name.quoted[0] && name.parts[0] == "pg_catalog") {
    name.parts.erase(name.parts.begin());
    name.quoted.erase(name.quoted.begin());
  }
  if (name.parts.size() == 1 && !name.quoted[0]) {
    std::string base = name.parts[0];
    if (base == "double") {
      if (!Accept(tokens, pos, "precision")) {
        return absl::InvalidArgumentError("expected 'double precision'");
      }
      base = "double precision";
    } else if (base == "national") {
      if (!Accept(tokens, pos, "character") && !Accept(tokens, pos, "char")) {
        return absl::InvalidArgumentError("expected 'national character'");
      }
      base = Accept(tokens, pos, "varying") ? "varchar" : "char";
    } else if (base == "character" || base == "char" || base == "nchar") {
      base = Accept(tokens, pos, "varying") ? "varchar" : "char";
    } else if (base == "bit") {
      if (Accept(tokens, pos, "varying")) base = "bit varying";
    } else if (base == "interval") {
      static constexpr std::string_view kFields[] = {"year",   "month",  "day", "hour",
                                                     "minute", "second", "to"};
      while (*pos < tokens.size() && tokens[*pos].kind == PgTokenKind::kWord &&
             std::find(std::begin(kFields), std::end(kFields), tokens[*pos].value) !=
                 std::end(kFields)) {
        absl::StrAppend(&name.interval_fields, name.interval_fields.empty() ? "" : " ",
                        tokens[*pos].value);
        ++*pos;
      }
    }
    name.base = base;
  }
  if (*pos < tokens.size() && tokens[*pos].IsPunct("(")) {
    if (absl::Status s = ReadArgs(tokens, pos, &name); !s.ok()) return s;
  }
  if (name.base == "time" || name.base == "timestamp") {
    if (absl::Status s = ReadTimeZone(tokens, pos, &name); !s.ok()) return s;
  }
  while (*pos < tokens.size()) {
    if (tokens[*pos].IsPunct("[")) {
      size_t p = *pos + 1;
      if (p < tokens.size() && tokens[p].kind == PgTokenKind::kNumber) ++p;
      if (p >= tokens.size() || !tokens[p].IsPunct("]")) break;
      *pos = p + 1;
      ++name.array_dims;
    } else if (tokens[*pos].IsWord("array")) {
      ++*pos;
      ++name.array_dims;
      if (*pos + 2 < tokens.size() && tokens[*pos].IsPunct("[") &&
          tokens[*pos + 1].kind == PgTokenKind::kNumber && tokens[*pos + 2].IsPunct("]")) {
        *pos += 3;
      }
    } else {
      break;
    }
  }
  return name;
}

// A non-negative integer typmod argument.
absl::StatusOr<int> IntArg(const std::string& arg, const std::string& type) {
  int value = 0;
  if (!absl::SimpleAtoi(arg, &value) || value < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("type ", type, " expects integer arguments, got '", arg, "'"));
  }
  return value;
}

// The canonical kind and the number of typmod arguments of a builtin name.
struct Builtin {
  std::string_view name;
  TypeKind kind;
  int max_args;
};

constexpr Builtin kBuiltins[] = {
    {"smallint", TypeKind::kSmallInt, 0},
    {"int2", TypeKind::kSmallInt, 0},
    {"smallserial", TypeKind::kSmallInt, 0},
    {"serial2", TypeKind::kSmallInt, 0},
    {"integer", TypeKind::kInteger, 0},
    {"int", TypeKind::kInteger, 0},
    {"int4", TypeKind::kInteger, 0},
    {"serial", TypeKind::kInteger, 0},
    {"serial4", TypeKind::kInteger, 0},
    {"bigint", TypeKind::kBigInt, 0},
    {"int8", TypeKind::kBigInt, 0},
    {"bigserial", TypeKind::kBigInt, 0},
    {"serial8", TypeKind::kBigInt, 0},
    {"numeric", TypeKind::kNumeric, 2},
    {"decimal", TypeKind::kNumeric, 2},
    {"dec", TypeKind::kNumeric, 2},
    {"real", TypeKind::kReal, 0},
    {"float4", TypeKind::kReal, 0},
    {"double precision", TypeKind::kDouble, 0},
    {"float8", TypeKind::kDouble, 0},
    {"float", TypeKind::kDouble, 1},
    {"varchar", TypeKind::kVarchar, 1},
    {"char", TypeKind::kChar, 1},
    {"bpchar", TypeKind::kChar, 1},
    {"text", TypeKind::kText, 0},
    {"boolean", TypeKind::kBoolean, 0},
    {"bool", TypeKind::kBoolean, 0},
    {"date", TypeKind::kDate, 0},
    {"time", TypeKind::kTime, 1},
    {"timetz", TypeKind::kTime, 1},
    {"timestamp", TypeKind::kTimestamp, 1},
    {"timestamptz", TypeKind::kTimestamp, 1},
    {"interval", TypeKind::kInterval, 1},
    {"uuid", TypeKind::kUuid, 0},
    {"json", TypeKind::kJson, 0},
    {"jsonb", TypeKind::kJsonb, 0},
    {"bytea", TypeKind::kBinary, 0},
};

const Builtin* FindBuiltin(std::string_view base) {
  for (const Builtin& b : kBuiltins) {
    if (b.name == base) return &b;
  }
  return nullptr;
}

// The verbatim spelling of a name the model has no kind for, normalized (lower-case words,
// quotes only where needed, no public/pg_catalog qualifier, no spaces in arguments).
std::string VerbatimSpelling(const TypeName& name) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < name.parts.size(); ++i) {
    if (i == 0 && name.parts.size() > 1 && !name.quoted[0] && name.parts[0] == "public") continue;
    parts.push_back(name.quoted[i] ? QuotePostgresIdentifier(name.parts[i]) : name.parts[i]);
  }
  std::string out = name.base.empty() ? absl::StrJoin(parts, ".") : name.base;
  if (!name.interval_fields.empty()) absl::StrAppend(&out, " ", name.interval_fields);
  if (!name.args.empty()) absl::StrAppend(&out, "(", absl::StrJoin(name.args, ","), ")");
  return out;
}

// Maps a read name (without array dimensions) to a type.
absl::StatusOr<DataType> MapName(const TypeName& name, bool allow_verbatim) {
  const Builtin* builtin =
      name.base.empty() || !name.interval_fields.empty() ? nullptr : FindBuiltin(name.base);
  if (builtin == nullptr) {
    if (!allow_verbatim) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown PostgreSQL type '", VerbatimSpelling(name), "'"));
    }
    return MakeVerbatim(VerbatimSpelling(name));
  }
  if (static_cast<int>(name.args.size()) > builtin->max_args) {
    return absl::InvalidArgumentError(absl::StrCat("type ", Absl(builtin->name), " takes at most ",
                                                   builtin->max_args, " argument(s)"));
  }
  std::vector<int> args;
  for (const std::string& arg : name.args) {
    absl::StatusOr<int> value = IntArg(arg, std::string(builtin->name));
    if (!value.ok()) return value.status();
    args.push_back(*value);
  }
  DataType type = MakeType(builtin->kind);
  switch (builtin->kind) {
    case TypeKind::kNumeric:
      if (!args.empty()) type.precision = args[0];
      if (args.size() > 1) type.scale = args[1];
      break;
    case TypeKind::kDouble:
      if (!args.empty() && (args[0] < 1 || args[0] > 53)) {
        return absl::InvalidArgumentError("float precision must be between 1 and 53");
      }
      if (!args.empty() && args[0] <= 24) type = MakeType(TypeKind::kReal);
      break;
    case TypeKind::kVarchar:
    case TypeKind::kChar:
      if (!args.empty()) type.length = args[0];
      break;
    case TypeKind::kTime:
    case TypeKind::kTimestamp:
      if (!args.empty()) type.precision = args[0];
      type.with_timezone =
          name.with_timezone || builtin->name == "timetz" || builtin->name == "timestamptz";
      break;
    case TypeKind::kInterval:
      if (!args.empty()) type.precision = args[0];
      break;
    default:
      break;
  }
  return type;
}

}  // namespace

bool IsPostgresTextKind(TypeKind kind) {
  return kind == TypeKind::kText || kind == TypeKind::kVarchar || kind == TypeKind::kChar;
}

absl::StatusOr<DataType> ParsePostgresTypeAt(const std::vector<PgToken>& tokens, size_t* pos,
                                             bool allow_verbatim) {
  absl::StatusOr<TypeName> name = ReadTypeName(tokens, pos);
  if (!name.ok()) return name.status();
  absl::StatusOr<DataType> base = MapName(*name, allow_verbatim);
  if (!base.ok() || name->array_dims == 0) return base;
  DataType array = MakeType(TypeKind::kArray);
  array.element.push_back(*std::move(base));
  array.array_dimensions = name->array_dims;
  return array;
}

absl::StatusOr<DataType> ParsePostgresType(std::string_view text, bool allow_verbatim) {
  absl::StatusOr<std::vector<PgToken>> tokens = TokenizePostgres(text);
  if (!tokens.ok()) return tokens.status();
  size_t pos = 0;
  absl::StatusOr<DataType> type = ParsePostgresTypeAt(*tokens, &pos, allow_verbatim);
  if (!type.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid PostgreSQL type '", Absl(text), "': ", type.status().message()));
  }
  if (pos != tokens->size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid PostgreSQL type '", Absl(text), "': unexpected text after the type"));
  }
  return type;
}

std::string RenderPostgresType(const DataType& type) {
  const auto with_precision = [&](std::string name) {
    if (type.precision) absl::StrAppend(&name, "(", *type.precision, ")");
    return name;
  };
  switch (type.kind) {
    case TypeKind::kTinyInt:
    case TypeKind::kSmallInt:
      return "smallint";
    case TypeKind::kMediumInt:
    case TypeKind::kInteger:
      return "integer";
    case TypeKind::kBigInt:
      return "bigint";
    case TypeKind::kNumeric:
      if (!type.precision) return "numeric";
      return absl::StrCat("numeric(", *type.precision, ",", type.scale.value_or(0), ")");
    case TypeKind::kReal:
      return "real";
    case TypeKind::kDouble:
      return "double precision";
    case TypeKind::kVarchar:
      return type.length ? absl::StrCat("varchar(", *type.length, ")") : "varchar";
    case TypeKind::kChar:
      return absl::StrCat("char(", type.length.value_or(1), ")");
    case TypeKind::kText:
      return "text";
    case TypeKind::kBoolean:
      return "boolean";
    case TypeKind::kDate:
      return "date";
    case TypeKind::kTime:
    case TypeKind::kTimestamp: {
      std::string out = with_precision(type.kind == TypeKind::kTime ? "time" : "timestamp");
      if (type.with_timezone) absl::StrAppend(&out, " with time zone");
      return out;
    }
    case TypeKind::kInterval:
      return with_precision("interval");
    case TypeKind::kUuid:
      return "uuid";
    case TypeKind::kJson:
      return "json";
    case TypeKind::kJsonb:
      return "jsonb";
    case TypeKind::kBinary:
      return "bytea";
    case TypeKind::kEnum: {
      if (type.enum_name.empty()) return "text";
      const size_t dot = type.enum_name.find('.');
      if (dot == std::string::npos) return QuotePostgresIdentifier(type.enum_name);
      return absl::StrCat(QuotePostgresIdentifier(type.enum_name.substr(0, dot)), ".",
                          QuotePostgresIdentifier(type.enum_name.substr(dot + 1)));
    }
    case TypeKind::kArray: {
      std::string out = type.element.empty() ? "text" : RenderPostgresType(type.element[0]);
      for (int i = 0; i < std::max(1, type.array_dimensions); ++i) absl::StrAppend(&out, "[]");
      return out;
    }
    case TypeKind::kVerbatim:
      return type.verbatim;
  }
  return type.verbatim;
}

DataType NormalizePostgresType(const DataType& in) {
  if (in.kind == TypeKind::kVerbatim) {
    absl::StatusOr<DataType> parsed = ParsePostgresType(in.verbatim, /*allow_verbatim=*/true);
    if (!parsed.ok()) return in;
    if (parsed->kind != TypeKind::kVerbatim) return NormalizePostgresType(*parsed);
    return *parsed;
  }
  DataType out;
  switch (in.kind) {
    case TypeKind::kTinyInt:
      out.kind = TypeKind::kSmallInt;
      break;
    case TypeKind::kMediumInt:
      out.kind = TypeKind::kInteger;
      break;
    default:
      out.kind = in.kind;
  }
  switch (out.kind) {
    case TypeKind::kNumeric:
      out.precision = in.precision;
      if (in.precision) out.scale = in.scale.value_or(0);
      break;
    case TypeKind::kVarchar:
      out.length = in.length;
      break;
    case TypeKind::kChar:
      out.length = in.length.value_or(1);
      break;
    case TypeKind::kTime:
    case TypeKind::kTimestamp:
      out.with_timezone = in.with_timezone;
      [[fallthrough]];
    case TypeKind::kInterval:
      if (in.precision && *in.precision < 6) out.precision = in.precision;
      break;
    case TypeKind::kEnum: {
      out.enum_name = in.enum_name;
      if (out.enum_name.rfind("public.", 0) == 0) out.enum_name = out.enum_name.substr(7);
      if (out.enum_name.empty()) out.enum_values = in.enum_values;
      break;
    }
    case TypeKind::kArray:
      out.element.push_back(in.element.empty() ? MakeType(TypeKind::kText)
                                               : NormalizePostgresType(in.element[0]));
      out.array_dimensions = 1;
      break;
    default:
      break;
  }
  return out;
}

}  // namespace schemadiff
