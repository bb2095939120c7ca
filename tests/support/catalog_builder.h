// Terse constructors for catalogs in unit tests (no YAML, no database).
#ifndef SCHEMADIFF_TESTS_SUPPORT_CATALOG_BUILDER_H_
#define SCHEMADIFF_TESTS_SUPPORT_CATALOG_BUILDER_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "catalog/catalog.h"

namespace schemadiff::testing {

inline DataType Int() { return MakeType(TypeKind::kInteger); }
inline DataType BigInt() { return MakeType(TypeKind::kBigInt); }
inline DataType Text() { return MakeType(TypeKind::kText); }
inline DataType Varchar(int n) { return MakeVarchar(n); }

// A column; nullable unless `nullable` is false.
inline Column Col(std::string name, DataType type, bool nullable = true) {
  Column c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.nullable = nullable;
  return c;
}

// A NOT NULL integer column.
inline Column IdCol(std::string name = "id") { return Col(std::move(name), Int(), false); }

inline PrimaryKey Pk(std::vector<std::string> columns, std::string name = "") {
  PrimaryKey pk;
  pk.name = std::move(name);
  pk.columns = std::move(columns);
  return pk;
}

inline UniqueConstraint Uq(std::string name, std::vector<std::string> columns) {
  UniqueConstraint uq;
  uq.name = std::move(name);
  uq.columns = std::move(columns);
  return uq;
}

inline CheckConstraint Ck(std::string name, std::string expression) {
  CheckConstraint ck;
  ck.name = std::move(name);
  ck.expression = std::move(expression);
  return ck;
}

inline ForeignKey Fk(std::string name, std::vector<std::string> columns, std::string referred_table,
                     std::vector<std::string> referred_columns) {
  ForeignKey fk;
  fk.name = std::move(name);
  fk.columns = std::move(columns);
  fk.referred_table = std::move(referred_table);
  fk.referred_columns = std::move(referred_columns);
  return fk;
}

// An index over plain columns.
inline Index Ix(std::string name, std::vector<std::string> columns, bool unique = false) {
  Index ix;
  ix.name = std::move(name);
  ix.unique = unique;
  for (std::string& c : columns) {
    IndexElement e;
    e.column = std::move(c);
    ix.elements.push_back(std::move(e));
  }
  return ix;
}

// A table with an integer primary key column "id" (named by `pk_name`) and `columns` after it.
inline Table Tbl(std::string name, std::vector<Column> columns = {}, std::string pk_name = "") {
  Table t;
  t.name = std::move(name);
  t.columns.push_back(IdCol());
  for (Column& c : columns) t.columns.push_back(std::move(c));
  t.primary_key = Pk({"id"}, std::move(pk_name));
  return t;
}

inline Enum MakeEnum(std::string name, std::vector<std::string> values) {
  Enum e;
  e.name = std::move(name);
  e.values = std::move(values);
  return e;
}

}  // namespace schemadiff::testing

#endif  // SCHEMADIFF_TESTS_SUPPORT_CATALOG_BUILDER_H_
