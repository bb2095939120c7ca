#include "catalog/normalize.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/parallel.h"
#include "common/status_macros.h"

namespace schemadiff {
namespace {

using EnumKey = std::pair<std::string, std::string>;  // (schema, name)

// Gives columns of a dialect without named enum types the values of the enum they name (the
// database keeps them inline), so that both sides describe the same inline enum.
absl::Status InlineEnumValues(const std::map<EnumKey, const Enum*>& enums, const Table& table,
                              const std::string& column, DataType& type) {
  for (DataType& element : type.element) {
    RETURN_IF_ERROR(InlineEnumValues(enums, table, column, element));
  }
  if (type.kind != TypeKind::kEnum || type.enum_name.empty()) return absl::OkStatus();
  auto it = enums.find({table.schema, type.enum_name});
  if (it == enums.end()) it = enums.find({"", type.enum_name});
  if (it == enums.end()) {
    return absl::InvalidArgumentError(absl::StrCat("column ",
                                                   QualifiedName(table.schema, table.name), ".",
                                                   column, " uses unknown enum ", type.enum_name));
  }
  type.enum_values = it->second->values;
  type.enum_name.clear();
  return absl::OkStatus();
}

// For dialects with named enum types the named type owns the values; columns refer to it by
// name only, so a value change is one AlterEnum, not a type change of every column.
void DropResolvedEnumValues(DataType& type) {
  for (DataType& element : type.element) DropResolvedEnumValues(element);
  if (type.kind == TypeKind::kEnum && !type.enum_name.empty()) type.enum_values.clear();
}

// The dialect's canonical form of `type`, array elements first.
DataType NormalizeTypeDeep(const Dialect& dialect, DataType type) {
  for (DataType& element : type.element) element = NormalizeTypeDeep(dialect, std::move(element));
  return dialect.NormalizeType(type);
}

// A default goes through the dialect's own spelling and back, exactly as one written by a
// migration and read back by the introspector would.
DefaultExpr NormalizeDefault(const Dialect& dialect, const DefaultExpr& value,
                             const DataType& type) {
  return dialect.ParseDefault(dialect.RenderDefault(value, type), type);
}

void NormalizeColumn(const Dialect& dialect, Column& column) {
  column.type = NormalizeTypeDeep(dialect, std::move(column.type));
  if (column.server_default) {
    column.server_default = NormalizeDefault(dialect, *column.server_default, column.type);
  }
  if (column.generated) {
    column.generated->expression = dialect.NormalizeExpression(column.generated->expression);
  }
}

// Text that orders objects of equal name deterministically.
std::string IndexKey(const Index& ix) {
  std::vector<std::string> parts;
  for (const IndexElement& e : ix.elements) {
    parts.push_back(absl::StrCat(e.column, "|", e.expression, "|", e.descending, "|", e.nulls, "|",
                                 e.opclass, "|", e.collation, "|", e.prefix_length.value_or(-1)));
  }
  return absl::StrCat(absl::StrJoin(parts, ";"), "#", ix.unique, "#", ix.where, "#", ix.method, "#",
                      absl::StrJoin(ix.include, ","), "#", ix.nulls_not_distinct);
}

std::string UniqueKey(const UniqueConstraint& uq) {
  return absl::StrCat(absl::StrJoin(uq.columns, ","), "#", uq.nulls_not_distinct, uq.deferrable,
                      uq.initially_deferred);
}

std::string ForeignKeyKey(const ForeignKey& fk) {
  return absl::StrCat(absl::StrJoin(fk.columns, ","), "#", fk.referred_schema, ".",
                      fk.referred_table, "#", absl::StrJoin(fk.referred_columns, ","), "#",
                      fk.on_delete, "#", fk.on_update, "#", fk.match, "#", fk.deferrable,
                      fk.initially_deferred, fk.not_valid);
}

std::string CheckKey(const CheckConstraint& ck) {
  return absl::StrCat(ck.expression, "#", ck.not_valid);
}

// Sorts `list` by name, then by the definition text `key` gives.
template <typename T, typename KeyFn>
void SortByName(std::vector<T>& list, KeyFn key) {
  std::stable_sort(list.begin(), list.end(), [&key](const T& a, const T& b) {
    if (a.name != b.name) return a.name < b.name;
    return key(a) < key(b);
  });
}

absl::Status NormalizeTable(const Dialect& dialect, const std::map<EnumKey, const Enum*>& enums,
                            Table& table) {
  const bool named_enums = dialect.capabilities().named_enum_types;
  for (Column& column : table.columns) {
    if (named_enums) {
      DropResolvedEnumValues(column.type);
    } else {
      RETURN_IF_ERROR(InlineEnumValues(enums, table, column.name, column.type));
    }
    NormalizeColumn(dialect, column);
  }
  for (Index& ix : table.indexes) {
    for (IndexElement& e : ix.elements) {
      if (!e.expression.empty()) e.expression = dialect.NormalizeExpression(e.expression);
    }
    if (!ix.where.empty()) ix.where = dialect.NormalizeExpression(ix.where);
  }
  for (CheckConstraint& ck : table.checks) {
    ck.expression = dialect.NormalizeExpression(ck.expression);
  }
  dialect.NormalizeTableStructure(&table);
  SortByName(table.uniques, UniqueKey);
  SortByName(table.indexes, IndexKey);
  SortByName(table.foreign_keys, ForeignKeyKey);
  SortByName(table.checks, CheckKey);
  return absl::OkStatus();
}

}  // namespace

absl::Status NormalizeCatalog(const Dialect& dialect, Catalog* catalog) {
  std::map<EnumKey, const Enum*> enums;
  for (const Enum& e : catalog->enums) enums[{e.schema, e.name}] = &e;
  // Tables normalize independently, side by side; the first failing table's error is reported.
  std::vector<absl::Status> failures(catalog->tables.size());
  ParallelSlices(catalog->tables.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      failures[i] = NormalizeTable(dialect, enums, catalog->tables[i]);
      if (!failures[i].ok()) return;
    }
  });
  for (absl::Status& failure : failures) RETURN_IF_ERROR(failure);
  if (!dialect.capabilities().named_enum_types) catalog->enums.clear();
  std::sort(catalog->tables.begin(), catalog->tables.end(), [](const Table& a, const Table& b) {
    return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
  });
  std::sort(catalog->enums.begin(), catalog->enums.end(), [](const Enum& a, const Enum& b) {
    return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
  });
  return absl::OkStatus();
}

}  // namespace schemadiff
