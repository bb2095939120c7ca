#include "introspect/yaml_schema.h"

#include <map>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "catalog/naming.h"
#include "common/parallel.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "introspect/yaml_column.h"
#include "introspect/yaml_constraint.h"
#include "introspect/yaml_table.h"

namespace schemadiff::yaml {
namespace {

// The top-level keys.
const std::vector<std::string>& TopLevelKeys() {
  static const std::vector<std::string> kKeys = {"version", "dialect", "naming_convention", "enums",
                                                 "tables"};
  return kKeys;
}

// Reads the document's top-level mapping; an empty document is an error.
absl::StatusOr<Mapping> ReadRoot(const ErrorSink& errors, Node root) {
  if (root.IsNull()) {
    return errors.At(Mark{0, 0}, "empty schema (expected a mapping with version and tables)");
  }
  ASSIGN_OR_RETURN(Mapping map, Mapping::Read(errors, root, root.Mark(), "the schema"));
  RETURN_IF_ERROR(map.CheckKeys(TopLevelKeys(), /*allow_extensions=*/true));
  return map;
}

absl::Status ParseVersion(const Mapping& map) {
  const Entry* entry = map.Find("version");
  if (entry == nullptr) return absl::OkStatus();
  ASSIGN_OR_RETURN(long long version, ReadInt(map, *entry));
  if (version != 1) {
    return map.errors().At(entry->value_mark, absl::StrCat("unsupported version ", version,
                                                           " (this schemadiff reads version 1)"));
  }
  return absl::OkStatus();
}

// The canonical dialect name of `dialect:`, or "".
absl::StatusOr<std::string> ReadDialect(const Mapping& map) {
  const Entry* entry = map.Find("dialect");
  if (entry == nullptr) return std::string();
  ASSIGN_OR_RETURN(std::string name, ReadString(map, *entry));
  absl::StatusOr<const Dialect*> dialect = DialectByName(name);
  if (!dialect.ok()) return map.errors().At(entry->value_mark, Std(dialect.status().message()));
  return std::string((*dialect)->name());
}

absl::StatusOr<NamingConvention> ParseNamingConvention(const Mapping& map) {
  const Entry* entry = map.Find("naming_convention");
  if (entry == nullptr) return DefaultNamingConvention();
  ASSIGN_OR_RETURN(Mapping convention, Mapping::Read(map.errors(), entry->value, entry->value_mark,
                                                     "naming_convention"));
  RETURN_IF_ERROR(convention.CheckKeys({"ix", "uq", "ck", "fk", "pk"}));
  NamingConvention out;
  for (const Entry& e : convention.entries()) {
    ASSIGN_OR_RETURN(std::string naming_template, ReadString(convention, e));
    absl::Status valid = ValidateNamingTemplate(naming_template);
    if (!valid.ok()) {
      return map.errors().At(
          e.value_mark, absl::StrCat("naming_convention.", Absl(e.key), ": ", valid.message()));
    }
    out[std::string(e.key)] = naming_template;
  }
  return out;
}

// Parses one entry of `enums:`.
absl::StatusOr<Enum> ParseEnum(const ErrorSink& errors, const Dialect& dialect,
                               const Entry& entry) {
  Enum e;
  e.name = entry.key;
  ASSIGN_OR_RETURN(Mapping map, Mapping::Read(errors, entry.value, entry.value_mark,
                                              absl::StrCat("enum '", Absl(entry.key), "'")));
  RETURN_IF_ERROR(map.CheckKeys({"values", "name", "schema", "renamed_values"}));
  if (const Entry* name = map.Find("name")) {
    ASSIGN_OR_RETURN(e.name, ReadString(map, *name));
  }
  if (const Entry* schema = map.Find("schema")) {
    ASSIGN_OR_RETURN(std::string written, ReadString(map, *schema));
    e.schema = CatalogSchema(dialect, written);
  }
  const Entry* values = map.Find("values");
  if (values == nullptr) {
    return errors.At(entry.key_mark,
                     absl::StrCat(map.what(), " has no values (values: [pending, paid])"));
  }
  std::vector<Mark> marks;
  ASSIGN_OR_RETURN(e.values, ReadStringList(map, *values, /*allow_single=*/false, &marks));
  if (e.values.empty()) {
    return errors.At(values->value_mark, absl::StrCat(map.what(), " has no values"));
  }
  for (size_t i = 0; i < e.values.size(); ++i) {
    if (std::find(e.values.begin(), e.values.begin() + i, e.values[i]) != e.values.begin() + i) {
      return errors.At(marks[i],
                       absl::StrCat("value '", e.values[i], "' appears twice in ", map.what()));
    }
  }
  if (const Entry* renamed = map.Find("renamed_values")) {
    ASSIGN_OR_RETURN(Mapping renames,
                     Mapping::Read(errors, renamed->value, renamed->value_mark,
                                   absl::StrCat("the renamed_values of ", map.what())));
    for (const Entry& r : renames.entries()) {
      ASSIGN_OR_RETURN(std::string to, ReadString(renames, r));
      if (std::find(e.values.begin(), e.values.end(), to) == e.values.end()) {
        return errors.At(
            r.value_mark,
            absl::StrCat("renamed value '", Absl(r.key), "' of ", map.what(), " becomes '", to,
                         "', which is not one of its values", DidYouMean(to, e.values)));
      }
      e.renamed_values[std::string(r.key)] = to;
    }
  }
  return e;
}

absl::Status ParseEnums(const Mapping& map, const Dialect& dialect, Catalog& catalog) {
  const Entry* entry = map.Find("enums");
  if (entry == nullptr) return absl::OkStatus();
  ASSIGN_OR_RETURN(Mapping enums,
                   Mapping::Read(map.errors(), entry->value, entry->value_mark, "enums"));
  for (const Entry& e : enums.entries()) {
    ASSIGN_OR_RETURN(Enum parsed, ParseEnum(map.errors(), dialect, e));
    if (FindEnum(catalog, parsed.schema, parsed.name) != nullptr) {
      return map.errors().At(
          e.key_mark,
          absl::StrCat("duplicate enum '", QualifiedName(parsed.schema, parsed.name), "'"));
    }
    catalog.enums.push_back(std::move(parsed));
  }
  return absl::OkStatus();
}

absl::Status ParseTables(const ParseContext& context, const Mapping& map, ParsedSchema& out) {
  const Entry* entry = map.Find("tables");
  if (entry == nullptr) return absl::OkStatus();
  ASSIGN_OR_RETURN(Mapping tables,
                   Mapping::Read(context.errors, entry->value, entry->value_mark, "tables"));
  // Tables read independently, side by side; errors are then reported in document order.
  const std::vector<Entry>& entries = tables.entries();
  out.catalog.tables.resize(entries.size());
  out.tables.resize(entries.size());
  std::vector<absl::Status> read(entries.size());
  ParallelSlices(entries.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      read[i] = ParseTable(context, entries[i], out.catalog.tables[i], out.tables[i]);
      if (!read[i].ok()) return;
    }
  });
  std::map<std::pair<std::string, std::string>, size_t> positions;  // (schema, name) -> index
  for (size_t i = 0; i < entries.size(); ++i) {
    RETURN_IF_ERROR(read[i]);
    const Table& table = out.catalog.tables[i];
    auto [first, fresh] = positions.emplace(std::pair(table.schema, table.name), i);
    if (!fresh) {
      return context.errors.At(entries[i].key_mark,
                               absl::StrCat("duplicate ", TableLabel(table), " (first at line ",
                                            out.tables[first->second].mark.line + 1, ")"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ParsedSchema> ParseSchemaDocument(const ErrorSink& errors, Node root,
                                                 const Dialect& dialect) {
  ASSIGN_OR_RETURN(Mapping map, ReadRoot(errors, root));
  RETURN_IF_ERROR(ParseVersion(map));
  ParsedSchema out;
  ASSIGN_OR_RETURN(out.catalog.dialect, ReadDialect(map));
  if (!out.catalog.dialect.empty() && out.catalog.dialect != dialect.name()) {
    return errors.At(map.Find("dialect")->value_mark,
                     absl::StrCat("this schema is for ", out.catalog.dialect,
                                  " but is being compared as ", Absl(dialect.name())));
  }
  ASSIGN_OR_RETURN(out.catalog.naming_convention, ParseNamingConvention(map));
  RETURN_IF_ERROR(ParseEnums(map, dialect, out.catalog));
  const ParseContext context{errors, dialect, out.catalog.enums};
  RETURN_IF_ERROR(ParseTables(context, map, out));
  return out;
}

absl::StatusOr<std::string> ParseDialectKey(const ErrorSink& errors, Node root) {
  ASSIGN_OR_RETURN(Mapping map, ReadRoot(errors, root));
  return ReadDialect(map);
}

}  // namespace schemadiff::yaml
