#include "introspect/yaml_type.h"

#include <map>
#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "introspect/yaml_column.h"

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
  std::string schema;         // as the catalog writes it ("" for the default schema)
  bool schema_given = false;  // false: any schema, the table's own first
  std::string name;
  bool exact_case = true;  // false when the name went through lower-casing
};

// A name or "quoted name", then optionally . and another: the parts of a schema-qualified name.
constexpr char kQualifiedName[] = R"((?:([A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")*")\s*\.\s*)?)"
                                  R"(([A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")*"))";

// Removes the double quotes of a "quoted" identifier part (doubled quotes are one quote).
std::string Unquote(const std::string& part) {
  if (part.size() < 2 || part.front() != '"') return part;
  return absl::StrReplaceAll(part.substr(1, part.size() - 2), {{"\"\"", "\""}});
}

// The reference a match of kQualifiedName (groups 1 and 2) makes.
EnumReference QualifiedReference(const Dialect& dialect, const std::smatch& match) {
  EnumReference ref;
  ref.schema_given = match[1].matched;
  ref.schema = CatalogSchema(dialect, Unquote(match[1].str()));
  ref.name = Unquote(match[2].str());
  return ref;
}

// Recognizes `enum(name)` with the name's case kept (ParsePortableType lower-cases it).
std::optional<EnumReference> NamedEnumReference(const Dialect& dialect, const std::string& text) {
  static const std::regex kReference(
      absl::StrCat(R"(\s*enum\s*\(\s*)", kQualifiedName, R"(\s*\)\s*)"), std::regex::icase);
  std::smatch match;
  if (absl::AsciiStrToLower(text).find("enum") == std::string::npos ||  // skips most types fast
      !std::regex_match(text, match, kReference)) {
    return std::nullopt;
  }
  return QualifiedReference(dialect, match);
}

// Recognizes the bare name (or schema.name) of an enum declared under `enums:`.
std::optional<EnumReference> BareEnumReference(const Dialect& dialect, const std::string& text,
                                               const std::vector<Enum>& enums) {
  static const std::regex kName(absl::StrCat(R"(\s*)", kQualifiedName, R"(\s*)"));
  std::smatch match;
  if (enums.empty() || !std::regex_match(text, match, kName)) return std::nullopt;
  EnumReference ref = QualifiedReference(dialect, match);
  for (const Enum& e : enums) {
    if (e.name == ref.name && (!ref.schema_given || e.schema == ref.schema)) return ref;
  }
  return std::nullopt;
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
    if (same(e.name, ref.name) && (!ref.schema_given || same(e.schema, ref.schema))) {
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
                              const std::vector<Enum>& enums, const Dialect& dialect,
                              DataType& type) {
  for (DataType& element : type.element) {
    RETURN_IF_ERROR(ResolveEnumTypes(column, entry, table, enums, dialect, element));
  }
  if (type.kind != TypeKind::kEnum || type.enum_name.empty()) return absl::OkStatus();
  EnumReference ref;
  ref.exact_case = false;
  const size_t dot = type.enum_name.find('.');
  ref.name = dot == std::string::npos ? type.enum_name : type.enum_name.substr(dot + 1);
  if (dot != std::string::npos) {
    ref.schema_given = true;
    ref.schema = CatalogSchema(dialect, type.enum_name.substr(0, dot));
  }
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
  std::optional<EnumReference> ref = NamedEnumReference(dialect, text);
  if (!ref) {
    if (std::optional<DataType> portable = ParsePortableType(text)) {
      RETURN_IF_ERROR(ResolveEnumTypes(column, entry, table, enums, dialect, *portable));
      return *portable;
    }
    ref = BareEnumReference(dialect, text, enums);
  }
  if (ref) {
    ASSIGN_OR_RETURN(const Enum* e, FindReferencedEnum(column, entry, *ref, table, enums));
    DataType type = MakeType(TypeKind::kEnum);
    type.enum_name = e->name;
    type.enum_values = e->values;
    return type;
  }
  absl::StatusOr<DataType> native = dialect.ParseType(text, /*allow_verbatim=*/false);
  if (native.ok()) return native;
  const std::string base(absl::StripAsciiWhitespace(Absl(text.substr(0, text.find('(')))));
  std::vector<std::string> candidates = PortableBases();
  for (const Enum& e : enums) candidates.push_back(e.name);
  return column.errors().At(
      entry.value_mark,
      absl::StrCat("unknown type '", text, "' for ", column.what(), DidYouMean(base, candidates),
                   " (portable types: ", kPortableTypes, "; or a native ", Absl(dialect.name()),
                   " type)"));
}

std::optional<DataType> SerialType(std::string_view text) {
  static const auto* const kSerials = new std::map<std::string, TypeKind>{
      {"smallserial", TypeKind::kSmallInt}, {"serial2", TypeKind::kSmallInt},
      {"serial", TypeKind::kInteger},       {"serial4", TypeKind::kInteger},
      {"bigserial", TypeKind::kBigInt},     {"serial8", TypeKind::kBigInt}};
  auto it = kSerials->find(absl::AsciiStrToLower(absl::StripAsciiWhitespace(Absl(text))));
  if (it == kSerials->end()) return std::nullopt;
  return MakeType(it->second);
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
