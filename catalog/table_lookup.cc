#include "catalog/table_lookup.h"

#include <functional>

namespace schemadiff {

size_t TableLookup::KeyHash::operator()(const Key& key) const {
  const std::hash<std::string_view> hash;
  return hash(key.first) * 31 + hash(key.second);
}

TableLookup::TableLookup(const Catalog& catalog) {
  tables_.reserve(catalog.tables.size());
  // The first of two same-named tables wins, as with FindTable.
  for (const Table& table : catalog.tables) tables_.emplace(Key{table.schema, table.name}, &table);
}

const Table* TableLookup::Find(std::string_view schema, std::string_view name) const {
  auto it = tables_.find(Key{schema, name});
  return it == tables_.end() ? nullptr : it->second;
}

}  // namespace schemadiff
