#include "catalog/catalog.h"

#include "absl/strings/str_cat.h"
#include "catalog/dialect.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

template <typename CatalogT>
auto FindTableIn(CatalogT& catalog, std::string_view schema, std::string_view name)
    -> decltype(&catalog.tables[0]) {
  for (auto& table : catalog.tables) {
    if (table.schema == schema && table.name == name) return &table;
  }
  return nullptr;
}

template <typename TableT>
auto FindColumnIn(TableT& table, std::string_view name) -> decltype(&table.columns[0]) {
  for (auto& column : table.columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

}  // namespace

const Table* FindTable(const Catalog& catalog, std::string_view schema, std::string_view name) {
  return FindTableIn(catalog, schema, name);
}

Table* FindTable(Catalog& catalog, std::string_view schema, std::string_view name) {
  return FindTableIn(catalog, schema, name);
}

const std::string& ReferredSchema(const Dialect& dialect, const std::string& table_schema,
                                  const ForeignKey& fk) {
  return ReferredSchema(dialect.DefaultSchemaName(), table_schema, fk);
}

const std::string& ReferredSchema(std::string_view default_schema, const std::string& table_schema,
                                  const ForeignKey& fk) {
  static const std::string* const kDefaultSchema = new std::string();
  if (fk.referred_schema.empty()) return table_schema;
  // Introspected and YAML catalogs name the default schema only for a key from another schema.
  if (!default_schema.empty() && fk.referred_schema == default_schema) return *kDefaultSchema;
  return fk.referred_schema;
}

std::string_view DefaultSchemaOf(const Catalog& catalog) {
  const absl::StatusOr<const Dialect*> dialect = DialectByName(catalog.dialect);
  return dialect.ok() ? (*dialect)->DefaultSchemaName() : std::string_view();
}

const Column* FindColumn(const Table& table, std::string_view name) {
  return FindColumnIn(table, name);
}

Column* FindColumn(Table& table, std::string_view name) { return FindColumnIn(table, name); }

const Enum* FindEnum(const Catalog& catalog, std::string_view schema, std::string_view name) {
  for (const Enum& e : catalog.enums) {
    if (e.schema == schema && e.name == name) return &e;
  }
  return nullptr;
}

std::string QualifiedName(std::string_view schema, std::string_view name) {
  return schema.empty() ? std::string(name) : absl::StrCat(Absl(schema), ".", Absl(name));
}

}  // namespace schemadiff
