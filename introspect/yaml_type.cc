#include "introspect/yaml_type.h"

#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace schemadiff::yaml {
namespace {

// The portable type names as the error message lists them.
constexpr char kPortableTypes[] =
    "string(n), varchar(n), char(n), text, tinyint, smallint, mediumint, integer, bigint, "
    "numeric(p,s), float, double, boolean, date, time, timestamp, timestamp(tz), interval, uuid, "
    "json, jsonb, binary, varbinary(n), enum(name), enum('a','b'), array(type)";

// Base names of portable types, for "did you mean".
const std::vector<std::string>& PortableBases() {
  static const std::vector<std::string> kBases = {
      "string",  "varchar", "char",      "text",      "tinyint",  "smallint", "mediumint",
      "integer", "bigint",  "numeric",   "decimal",   "float",    "real",     "double",
      "boolean", "date",    "time",      "timestamp", "interval", "uuid",     "json",
      "jsonb",   "binary",  "varbinary", "blob",      "enum",     "array"};
  return kBases;
}

// An enum type reference: enum(name), enum(schema.name), with "quoted" parts for any name.
struct EnumReference {
  std::string schema;  // empty when not given
  std::string name;
  bool exact_case = true;  // false when the name went through lower-casing
};

// Removes the double quotes of a "quoted" identifier part (doubled quotes are one quote).
std::string Unquote(const std::string& part) {
  if (part.size() < 2 || part.front() != '"') return part;
  return absl::StrReplaceAll(part.substr(1, part.size() - 2), {{"\"\"", "\""}});
}

// Recognizes `enum(name)` with the name's case kept (ParsePortableType lower-cases it).
std::optional<EnumReference> NamedEnumReference(const std::string& text) {
  static const std::regex kReference(
      R"(\s*enum\s*\(\s*(?:([A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")*")\s*\.\s*)?)"
      R"(([A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")*")\s*\)\s*)",
      std::regex::icase);
  std::smatch match;
  if (!std::regex_match(text, match, kReference)) return std::nullopt;
  return EnumReference{Unquote(match[1].str()), Unquote(match[2].str())};
}

// "enum 'name'" or "enum 'schema.name'".
std::string EnumLabel(const EnumReference& ref) {
  return absl::StrCat("enum '", QualifiedName(ref.schema, ref.name), "'");
}

// Finds the enum `ref` names; a table's own schema wins when several schemas have the name.
absl::StatusOr<const Enum*> FindReferencedEnum(const Mapping& column, const Entry& entry,
                                               const EnumReference& ref, const Table& table,
                                               const std::vector<Enum>& enums) {
  auto same = [&](const std::string& a, const std::string& b) {
    return ref.exact_case ? a == b : absl::AsciiStrToLower(a) == absl::AsciiStrToLower(b);
  };
  std::vector<const Enum*> found;
  for (const Enum& e : enums) {
    if (same(e.name, ref.name) && (ref.schema.empty() || same(e.schema, ref.schema))) {
      found.push_back(&e);
    }
  }
  if (found.size() > 1) {
    for (const Enum* e : found) {
      if (e->schema == table.schema) return e;
    }
    return column.errors().At(entry.value_mark,
                              absl::StrCat(EnumLabel(ref), " of ", column.what(),
                                           " is defined in several schemas; write "
                                           "enum(schema.name)"));
  }
  if (found.empty()) {
    std::vector<std::string> names;
    for (const Enum& e : enums) names.push_back(e.name);
    return column.errors().At(
        entry.value_mark,
        absl::StrCat("type '", entry.value.Scalar(), "' of ", column.what(),
                     " refers to an undefined ", EnumLabel(ref), DidYouMean(ref.name, names),
                     " (define it under the top-level enums: key)"));
  }
  return found[0];
}

// Fills in the values of named enum types, also inside arrays.
absl::Status ResolveEnumTypes(const Mapping& column, const Entry& entry, const Table& table,
                              const std::vector<Enum>& enums, DataType& type) {
  for (DataType& element : type.element) {
    RETURN_IF_ERROR(ResolveEnumTypes(column, entry, table, enums, element));
  }
  if (type.kind != TypeKind::kEnum || type.enum_name.empty()) return absl::OkStatus();
  EnumReference ref;
  ref.exact_case = false;
  const size_t dot = type.enum_name.find('.');
  ref.name = dot == std::string::npos ? type.enum_name : type.enum_name.substr(dot + 1);
  if (dot != std::string::npos) ref.schema = type.enum_name.substr(0, dot);
  ASSIGN_OR_RETURN(const Enum* e, FindReferencedEnum(column, entry, ref, table, enums));
  type.enum_name = e->name;
  type.enum_values = e->values;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<DataType> ParseYamlType(const Mapping& column, const Entry& entry,
                                       const Table& table, const std::vector<Enum>& enums,
                                       const Dialect& dialect) {
  if (!entry.value.IsScalar() || entry.value.Scalar().empty()) {
    return column.errors().At(entry.value_mark,
                              absl::StrCat("expected a type name for 'type' of ", column.what(),
                                           " (portable types: ", kPortableTypes, ")"));
  }
  const std::string& text = entry.value.Scalar();
  if (std::optional<EnumReference> ref = NamedEnumReference(text)) {
    ASSIGN_OR_RETURN(const Enum* e, FindReferencedEnum(column, entry, *ref, table, enums));
    DataType type = MakeType(TypeKind::kEnum);
    type.enum_name = e->name;
    type.enum_values = e->values;
    return type;
  }
  if (std::optional<DataType> portable = ParsePortableType(text)) {
    RETURN_IF_ERROR(ResolveEnumTypes(column, entry, table, enums, *portable));
    return *portable;
  }
  absl::StatusOr<DataType> native = dialect.ParseType(text, /*allow_verbatim=*/false);
  if (native.ok()) return native;
  const std::string base(absl::StripAsciiWhitespace(Absl(text.substr(0, text.find('(')))));
  return column.errors().At(
      entry.value_mark,
      absl::StrCat("unknown type '", text, "' for ", column.what(),
                   DidYouMean(base, PortableBases()), " (portable types: ", kPortableTypes,
                   "; or a native ", Absl(dialect.name()), " type)"));
}

absl::StatusOr<DefaultExpr> ParseYamlDefault(const Mapping& column, const Entry& entry) {
  const Node value = entry.value;
  if (IsPlainNull(value)) return DefaultExpr{DefaultKind::kNull, ""};
  if (!value.IsScalar()) {
    return column.errors().At(
        entry.value_mark,
        absl::StrCat("expected a literal (string, number, true/false or null) for 'default' of ",
                     column.what(), "; use server_default for SQL expressions"));
  }
  if (std::optional<bool> flag = PlainBool(value)) {
    return DefaultExpr{DefaultKind::kBoolean, *flag ? "true" : "false"};
  }
  if (IsPlainNumber(value)) return DefaultExpr{DefaultKind::kNumber, value.Scalar()};
  return DefaultExpr{DefaultKind::kString, value.Scalar()};
}

}  // namespace schemadiff::yaml
