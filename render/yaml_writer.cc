// Writes a catalog in the YAML target format (schemas/README.md): one flow mapping per column
// and per constraint, explicit names, and only the keys that differ from their defaults.
#include "render/yaml_writer.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "catalog/naming.h"
#include "common/strings.h"
#include "render/yaml_scalar.h"

namespace schemadiff {
namespace {

// Builds one flow mapping: {key: value, ...}. Values are already YAML.
class Flow {
 public:
  Flow& Add(std::string_view key, std::string value) {
    items_.push_back(absl::StrCat(Absl(key), ": ", value));
    return *this;
  }
  std::string str() const { return absl::StrCat("{", absl::StrJoin(items_, ", "), "}"); }

 private:
  std::vector<std::string> items_;
};

// [a, b] with every element quoted as needed.
std::string FlowList(const std::vector<std::string>& values) {
  std::vector<std::string> quoted;
  for (const std::string& value : values) quoted.push_back(YamlString(value));
  return absl::StrCat("[", absl::StrJoin(quoted, ", "), "]");
}

std::string Bool(bool value) { return value ? "true" : "false"; }

// A type through the dialect's normalization, elements first (as NormalizeCatalog does).
DataType NormalizeDeep(const Dialect& dialect, DataType type) {
  for (DataType& element : type.element) element = NormalizeDeep(dialect, std::move(element));
  return dialect.NormalizeType(type);
}

// enum(name), with the name double-quoted unless it is a plain identifier.
std::string EnumReference(const std::string& name) {
  static const std::regex kIdentifier("[A-Za-z_][A-Za-z0-9_$]*");
  if (std::regex_match(name, kIdentifier)) return absl::StrCat("enum(", name, ")");
  return absl::StrCat("enum(\"", absl::StrReplaceAll(name, {{"\"", "\"\""}}), "\")");
}

// The column's type as `type: ...` (a portable name or a native spelling that reads back as
// the same type) or, for types the model keeps verbatim, `native_type: ...`.
void AddType(const DataType& type, const Dialect& dialect, Flow& flow) {
  if (type.kind == TypeKind::kVerbatim) {
    flow.Add("native_type", YamlString(type.verbatim));
    return;
  }
  if (type.kind == TypeKind::kEnum && !type.enum_name.empty()) {
    flow.Add("type", YamlString(EnumReference(type.enum_name)));
    return;
  }
  const std::string portable = DescribeType(type);
  const std::optional<DataType> reparsed = ParsePortableType(portable);
  if (reparsed && NormalizeDeep(dialect, *reparsed) == type) {
    flow.Add("type", YamlString(portable));
    return;
  }
  const std::string native = dialect.RenderType(type);
  const absl::StatusOr<DataType> parsed = dialect.ParseType(native, /*allow_verbatim=*/false);
  if (parsed.ok() && NormalizeDeep(dialect, *parsed) == type) {
    flow.Add("type", YamlString(native));
    return;
  }
  flow.Add("type", YamlString(portable));
}

// `default:` for literals YAML can type by itself, else `server_default:` with the SQL.
void AddDefault(const DefaultExpr& value, const DataType& type, const Dialect& dialect,
                Flow& flow) {
  static const std::regex kNumber(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  switch (value.kind) {
    case DefaultKind::kString:
      flow.Add("default", YamlString(value.text));
      return;
    case DefaultKind::kNumber:
      if (std::regex_match(value.text, kNumber)) {
        flow.Add("default", value.text);
        return;
      }
      break;
    case DefaultKind::kBoolean:
      flow.Add("default", value.text == "true" ? "true" : "false");
      return;
    case DefaultKind::kNull:
      flow.Add("default", "null");
      return;
    default:
      break;
  }
  flow.Add("server_default", YamlString(dialect.RenderDefault(value, type)));
}

bool InPrimaryKey(const Table& table, const std::string& column) {
  if (!table.primary_key) return false;
  const std::vector<std::string>& pk = table.primary_key->columns;
  return std::find(pk.begin(), pk.end(), column) != pk.end();
}

// True when the primary key reads best as `primary_key: true` on its one column.
bool ColumnLevelPrimaryKey(const Table& table) {
  return table.primary_key && table.primary_key->columns.size() == 1 &&
         table.primary_key->name.empty();
}

std::string ColumnLine(const Table& table, const Column& column, const Dialect& dialect) {
  Flow flow;
  AddType(column.type, dialect, flow);
  const bool in_pk = InPrimaryKey(table, column.name);
  if (column.nullable == in_pk) flow.Add("nullable", Bool(column.nullable));
  if (column.server_default) AddDefault(*column.server_default, column.type, dialect, flow);
  if (in_pk && ColumnLevelPrimaryKey(table)) flow.Add("primary_key", "true");
  if (column.autoincrement) flow.Add("autoincrement", "true");
  if (column.identity) {
    Flow identity;
    identity.Add("always", Bool(column.identity->always));
    if (column.identity->start) identity.Add("start", absl::StrCat(*column.identity->start));
    if (column.identity->increment) {
      identity.Add("increment", absl::StrCat(*column.identity->increment));
    }
    flow.Add("identity", identity.str());
  }
  if (column.generated) {
    flow.Add("generated", Flow()
                              .Add("expression", YamlString(column.generated->expression))
                              .Add("stored", Bool(column.generated->stored))
                              .str());
  }
  if (column.comment) flow.Add("comment", YamlString(*column.comment));
  if (!column.collation.empty()) flow.Add("collation", YamlString(column.collation));
  if (!column.charset.empty()) flow.Add("charset", YamlString(column.charset));
  if (!column.on_update.empty()) flow.Add("server_onupdate", YamlString(column.on_update));
  if (!column.renamed_from.empty()) flow.Add("renamed_from", FlowList(column.renamed_from));
  return flow.str();
}

// `name:` for explicit names, `conv_name:` for conventional ones and for explicit names the
// convention would otherwise rewrite (templates using %(constraint_name)s).
void AddName(const std::string& name, NameOrigin origin, std::string_view kind,
             const NamingConvention& convention, Flow& flow) {
  if (name.empty()) return;
  const bool final_name =
      origin == NameOrigin::kConvention || ConventionUsesConstraintName(convention, kind);
  flow.Add(final_name ? "conv_name" : "name", YamlString(name));
}

void AddDeferral(bool deferrable, bool initially_deferred, Flow& flow) {
  if (deferrable) flow.Add("deferrable", "true");
  if (initially_deferred) flow.Add("initially", "deferred");
}

std::string IndexElementText(const IndexElement& e) {
  const bool plain = !e.column.empty() && !e.descending && e.nulls.empty() && e.opclass.empty() &&
                     e.collation.empty() && !e.prefix_length;
  if (plain) return YamlString(e.column);
  Flow flow;
  if (!e.column.empty()) {
    flow.Add("column", YamlString(e.column));
  } else {
    flow.Add("expression", YamlString(e.expression));
  }
  if (e.descending) flow.Add("order", "desc");
  if (!e.nulls.empty()) flow.Add("nulls", YamlString(e.nulls));
  if (!e.opclass.empty()) flow.Add("opclass", YamlString(e.opclass));
  if (!e.collation.empty()) flow.Add("collation", YamlString(e.collation));
  if (e.prefix_length) flow.Add("length", absl::StrCat(*e.prefix_length));
  return flow.str();
}

std::string IndexLine(const Index& index, const NamingConvention& convention) {
  std::vector<std::string> keys;
  for (const IndexElement& e : index.elements) keys.push_back(IndexElementText(e));
  Flow flow;
  flow.Add("columns", absl::StrCat("[", absl::StrJoin(keys, ", "), "]"));
  AddName(index.name, index.name_origin, "ix", convention, flow);
  if (index.unique) flow.Add("unique", "true");
  if (!index.where.empty()) flow.Add("where", YamlString(index.where));
  if (!index.method.empty()) flow.Add("method", YamlString(index.method));
  if (!index.include.empty()) flow.Add("include", FlowList(index.include));
  if (index.nulls_not_distinct) flow.Add("nulls_not_distinct", "true");
  return flow.str();
}

// ON DELETE / ON UPDATE as the format spells them ("" is no action and is left out).
std::string Action(const std::string& action) { return YamlString(absl::AsciiStrToLower(action)); }

std::string ForeignKeyLine(const ForeignKey& fk, const NamingConvention& convention) {
  Flow references;
  references.Add("table", YamlString(fk.referred_table))
      .Add("columns", FlowList(fk.referred_columns));
  if (!fk.referred_schema.empty()) references.Add("schema", YamlString(fk.referred_schema));
  Flow flow;
  flow.Add("columns", FlowList(fk.columns)).Add("references", references.str());
  AddName(fk.name, fk.name_origin, "fk", convention, flow);
  if (!fk.on_delete.empty()) flow.Add("on_delete", Action(fk.on_delete));
  if (!fk.on_update.empty()) flow.Add("on_update", Action(fk.on_update));
  if (!fk.match.empty()) flow.Add("match", Action(fk.match));
  AddDeferral(fk.deferrable, fk.initially_deferred, flow);
  if (fk.not_valid) flow.Add("not_valid", "true");
  return flow.str();
}

// Writes "  key:\n    - item\n" lists; nothing when `items` is empty.
void AppendList(std::string& out, std::string_view key, const std::vector<std::string>& items) {
  if (items.empty()) return;
  absl::StrAppend(&out, "    ", Absl(key), ":\n");
  for (const std::string& item : items) absl::StrAppend(&out, "      - ", item, "\n");
}

void AppendTable(std::string& out, const std::string& key, const Table& table,
                 const Catalog& catalog, const Dialect& dialect) {
  const NamingConvention& convention = catalog.naming_convention;
  absl::StrAppend(&out, "  ", YamlString(key), ":\n");
  if (key != table.name) absl::StrAppend(&out, "    name: ", YamlString(table.name), "\n");
  if (!table.schema.empty()) absl::StrAppend(&out, "    schema: ", YamlString(table.schema), "\n");
  if (table.comment) absl::StrAppend(&out, "    comment: ", YamlString(*table.comment), "\n");
  if (!table.renamed_from.empty()) {
    absl::StrAppend(&out, "    renamed_from: ", FlowList(table.renamed_from), "\n");
  }
  absl::StrAppend(&out, "    columns:\n");
  for (const Column& column : table.columns) {
    absl::StrAppend(&out, "      ", YamlString(column.name), ": ",
                    ColumnLine(table, column, dialect), "\n");
  }
  if (table.primary_key && !ColumnLevelPrimaryKey(table)) {
    std::string pk = FlowList(table.primary_key->columns);
    if (!table.primary_key->name.empty()) {
      Flow named;
      named.Add("columns", pk);
      AddName(table.primary_key->name, table.primary_key->name_origin, "pk", convention, named);
      pk = named.str();
    }
    absl::StrAppend(&out, "    primary_key: ", pk, "\n");
  }
  std::vector<std::string> lines;
  for (const UniqueConstraint& u : table.uniques) {
    Flow flow;
    flow.Add("columns", FlowList(u.columns));
    AddName(u.name, u.name_origin, "uq", convention, flow);
    if (u.nulls_not_distinct) flow.Add("nulls_not_distinct", "true");
    AddDeferral(u.deferrable, u.initially_deferred, flow);
    lines.push_back(flow.str());
  }
  AppendList(out, "unique", lines);
  lines.clear();
  for (const Index& index : table.indexes) lines.push_back(IndexLine(index, convention));
  AppendList(out, "indexes", lines);
  lines.clear();
  for (const ForeignKey& fk : table.foreign_keys) lines.push_back(ForeignKeyLine(fk, convention));
  AppendList(out, "foreign_keys", lines);
  lines.clear();
  for (const CheckConstraint& check : table.checks) {
    Flow flow;
    flow.Add("expression", YamlString(check.expression));
    AddName(check.name, check.name_origin, "ck", convention, flow);
    if (check.not_valid) flow.Add("not_valid", "true");
    lines.push_back(flow.str());
  }
  AppendList(out, "checks", lines);
  if (!table.options.empty()) {
    Flow options;
    for (const auto& [option, value] : table.options)
      options.Add(YamlString(option), YamlString(value));
    absl::StrAppend(&out, "    options: ", options.str(), "\n");
  }
}

// Mapping keys for objects identified by (schema, name): the name, or "schema.name" (plus an
// explicit name: key) when several schemas use the name; made unique in any case.
template <typename T>
std::vector<std::string> Keys(const std::vector<T>& objects) {
  std::map<std::string, int> uses;
  for (const T& object : objects) ++uses[object.name];
  std::vector<std::string> keys;
  std::set<std::string> taken;
  for (const T& object : objects) {
    std::string key =
        uses[object.name] > 1 ? QualifiedName(object.schema, object.name) : object.name;
    while (taken.count(key) > 0) key += "_";
    taken.insert(key);
    keys.push_back(std::move(key));
  }
  return keys;
}

void AppendEnums(std::string& out, const Catalog& catalog) {
  if (catalog.enums.empty()) return;
  out += "enums:\n";
  const std::vector<std::string> keys = Keys(catalog.enums);
  for (size_t i = 0; i < catalog.enums.size(); ++i) {
    const Enum& e = catalog.enums[i];
    Flow flow;
    flow.Add("values", FlowList(e.values));
    if (keys[i] != e.name) flow.Add("name", YamlString(e.name));
    if (!e.schema.empty()) flow.Add("schema", YamlString(e.schema));
    if (!e.renamed_values.empty()) {
      Flow renames;
      for (const auto& [from, to] : e.renamed_values) renames.Add(YamlString(from), YamlString(to));
      flow.Add("renamed_values", renames.str());
    }
    absl::StrAppend(&out, "  ", YamlString(keys[i]), ": ", flow.str(), "\n");
  }
}

void AppendNamingConvention(std::string& out, const NamingConvention& convention) {
  if (convention.empty()) {
    out += "naming_convention: {}\n";
    return;
  }
  out += "naming_convention:\n";
  for (const char* kind : {"ix", "uq", "ck", "fk", "pk"}) {
    auto it = convention.find(kind);
    if (it != convention.end())
      absl::StrAppend(&out, "  ", kind, ": ", YamlString(it->second), "\n");
  }
}

}  // namespace

std::string WriteYamlSchema(const Catalog& catalog, const Dialect& dialect) {
  std::string out = "version: 1\n";
  if (!catalog.dialect.empty())
    absl::StrAppend(&out, "dialect: ", YamlString(catalog.dialect), "\n");
  AppendNamingConvention(out, catalog.naming_convention);
  AppendEnums(out, catalog);
  if (catalog.tables.empty()) {
    out += "tables: {}\n";
    return out;
  }
  out += "tables:\n";
  const std::vector<std::string> keys = Keys(catalog.tables);
  for (size_t i = 0; i < catalog.tables.size(); ++i) {
    if (i > 0) out += "\n";
    AppendTable(out, keys[i], catalog.tables[i], catalog, dialect);
  }
  return out;
}

}  // namespace schemadiff
