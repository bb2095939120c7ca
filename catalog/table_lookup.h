// Constant-time table lookup by (schema, name) for code that looks up many tables of one
// catalog; FindTable scans the table list and suits single lookups.
#ifndef SCHEMADIFF_CATALOG_TABLE_LOOKUP_H_
#define SCHEMADIFF_CATALOG_TABLE_LOOKUP_H_

#include <string_view>
#include <unordered_map>
#include <utility>

#include "catalog/catalog.h"

namespace schemadiff {

// Holds pointers into the catalog it was built from: build it again after tables are added to
// or removed from that catalog.
class TableLookup {
 public:
  explicit TableLookup(const Catalog& catalog);

  // The table named `name` in `schema`, or nullptr.
  const Table* Find(std::string_view schema, std::string_view name) const;

 private:
  using Key = std::pair<std::string_view, std::string_view>;  // (schema, name)
  struct KeyHash {
    size_t operator()(const Key& key) const;
  };
  std::unordered_map<Key, const Table*, KeyHash> tables_;
};

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_TABLE_LOOKUP_H_
