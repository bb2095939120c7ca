#include "introspect/yaml_table.h"

#include <algorithm>
#include <functional>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "introspect/yaml_constraint.h"

namespace schemadiff::yaml {
namespace {

// Parses the `columns:` mapping and collects what the columns declare for the table.
absl::Status ParseColumns(const ParseContext& context, const Mapping& table_map, Table& table,
                          std::vector<ColumnExtras>& extras) {
  const Entry* columns = table_map.Find("columns");
  if (columns == nullptr) {
    return context.errors.At(table_map.mark(),
                             absl::StrCat(TableLabel(table),
                                          " has no columns (add columns: {id: {type: bigint, "
                                          "primary_key: true}})"));
  }
  ASSIGN_OR_RETURN(Mapping map, Mapping::Read(context.errors, columns->value, columns->value_mark,
                                              absl::StrCat("the columns of ", TableLabel(table))));
  if (map.entries().empty()) {
    return context.errors.At(columns->value_mark,
                             absl::StrCat(TableLabel(table), " has no columns"));
  }
  // Exact capacities: spare room in 10,000 tables' column vectors would double their memory.
  table.columns.reserve(map.entries().size());
  extras.reserve(map.entries().size());
  for (const Entry& entry : map.entries()) {
    extras.emplace_back();
    ASSIGN_OR_RETURN(Column column, ParseColumn(context, entry, table, extras.back()));
    table.columns.push_back(std::move(column));
  }
  return absl::OkStatus();
}

// Builds the primary key from `primary_key: true` columns or the table's `primary_key:`, and
// makes primary key columns NOT NULL unless they say otherwise.
absl::Status ParseTablePrimaryKey(const Mapping& map, const std::vector<ColumnExtras>& extras,
                                  Table& table, TableSource& source) {
  const Entry* table_level = map.Find("primary_key");
  for (size_t i = 0; i < extras.size(); ++i) {
    if (!extras[i].primary_key) continue;
    if (table_level != nullptr) {
      return map.errors().At(
          extras[i].primary_key_mark,
          absl::StrCat(TableLabel(table), " declares its primary key both on column '",
                       table.columns[i].name, "' and in primary_key; keep one"));
    }
    if (!table.primary_key) {
      table.primary_key = PrimaryKey{};
      source.primary_key.mark = extras[i].primary_key_mark;
    }
    table.primary_key->columns.push_back(table.columns[i].name);
  }
  if (table_level != nullptr) RETURN_IF_ERROR(ParsePrimaryKey(map, *table_level, table, source));
  if (!table.primary_key) return absl::OkStatus();
  for (size_t i = 0; i < extras.size(); ++i) {
    const std::vector<std::string>& pk = table.primary_key->columns;
    if (!extras[i].nullable_given &&
        std::find(pk.begin(), pk.end(), table.columns[i].name) != pk.end()) {
      table.columns[i].nullable = false;
    }
  }
  return absl::OkStatus();
}

// Adds the unique constraints, indexes and foreign keys declared on columns.
void AddColumnConstraints(std::vector<ColumnExtras>& extras, Table& table, TableSource& source) {
  for (ColumnExtras& e : extras) {
    if (e.unique) {
      table.uniques.push_back(std::move(*e.unique));
      source.uniques.push_back(std::move(e.unique_source));
    }
    if (e.index) {
      table.indexes.push_back(std::move(*e.index));
      source.indexes.push_back(std::move(e.index_source));
    }
    if (e.foreign_key) {
      table.foreign_keys.push_back(std::move(*e.foreign_key));
      source.foreign_keys.push_back(std::move(e.foreign_key_source));
    }
  }
}

// A parser of one list item.
using ItemParser =
    std::function<absl::Status(const ErrorSink&, const Item&, std::string, Table&, TableSource&)>;

// Parses the list under `key`, naming items "<noun> #N of table 't'".
absl::Status ParseList(const Mapping& map, std::string_view key, std::string_view noun,
                       const ItemParser& parse, Table& table, TableSource& source) {
  const Entry* entry = map.Find(key);
  if (entry == nullptr) return absl::OkStatus();
  ASSIGN_OR_RETURN(std::vector<Item> items, ReadSequence(map, *entry));
  for (size_t i = 0; i < items.size(); ++i) {
    RETURN_IF_ERROR(parse(map.errors(), items[i],
                          absl::StrCat(Absl(noun), " #", i + 1, " of ", TableLabel(table)), table,
                          source));
  }
  return absl::OkStatus();
}

// Reads `options:`, a mapping of dialect table options with scalar values.
absl::Status ParseOptions(const Mapping& map, Table& table) {
  const Entry* entry = map.Find("options");
  if (entry == nullptr) return absl::OkStatus();
  ASSIGN_OR_RETURN(Mapping options,
                   Mapping::Read(map.errors(), entry->value, entry->value_mark,
                                 absl::StrCat("the options of ", TableLabel(table))));
  for (const Entry& option : options.entries()) {
    ASSIGN_OR_RETURN(table.options[std::string(option.key)], ReadString(options, option));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ParseTable(const ParseContext& context, const Entry& entry, Table& table,
                        TableSource& source) {
  table.name = entry.key;
  source.mark = entry.key_mark;
  ASSIGN_OR_RETURN(Mapping map, Mapping::Read(context.errors, entry.value, entry.value_mark,
                                              absl::StrCat("table '", Absl(entry.key), "'")));
  RETURN_IF_ERROR(
      map.CheckKeys({"name", "schema", "comment", "renamed_from", "columns", "primary_key",
                     "unique", "indexes", "foreign_keys", "checks", "options"}));
  if (const Entry* name = map.Find("name")) {
    ASSIGN_OR_RETURN(table.name, ReadString(map, *name));
  }
  if (const Entry* schema = map.Find("schema")) {
    ASSIGN_OR_RETURN(std::string written, ReadString(map, *schema));
    table.schema = CatalogSchema(context.dialect, written);
  }
  if (const Entry* comment = map.Find("comment")) {
    ASSIGN_OR_RETURN(table.comment, ReadString(map, *comment));
  }
  if (const Entry* renamed = map.Find("renamed_from")) {
    ASSIGN_OR_RETURN(table.renamed_from, ReadStringList(map, *renamed, /*allow_single=*/true));
  }
  std::vector<ColumnExtras> extras;
  RETURN_IF_ERROR(ParseColumns(context, map, table, extras));
  RETURN_IF_ERROR(ParseTablePrimaryKey(map, extras, table, source));
  AddColumnConstraints(extras, table, source);
  RETURN_IF_ERROR(ParseList(map, "unique", "unique constraint", ParseUnique, table, source));
  RETURN_IF_ERROR(ParseList(map, "indexes", "index", ParseIndex, table, source));
  RETURN_IF_ERROR(ParseList(map, "foreign_keys", "foreign key", ParseForeignKey, table, source));
  RETURN_IF_ERROR(ParseList(map, "checks", "check", ParseCheck, table, source));
  return ParseOptions(map, table);
}

}  // namespace schemadiff::yaml
