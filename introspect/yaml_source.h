// What the YAML schema parser hands to the resolver: the catalog as written plus where each
// part of it was written, so that checks made after parsing (foreign-key targets, names from
// the naming convention, duplicates) still report file:line:column.
#ifndef SCHEMADIFF_INTROSPECT_YAML_SOURCE_H_
#define SCHEMADIFF_INTROSPECT_YAML_SOURCE_H_

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "introspect/yaml_mark.h"

namespace schemadiff::yaml {

// How a constraint or index was named in the file.
enum class NameMode {
  kNone,      // no name: the naming convention names it, if it has a template for the kind
  kName,      // `name:`; SQLAlchemy applies the convention anyway when its template uses
              // %(constraint_name)s, filling that token with this name
  kConvName,  // `conv_name:`: a name a convention already produced, used as is
};

// Where a primary key, unique constraint, index, foreign key or check was written.
struct ConstraintSource {
  Mark mark;  // the item (or the column key for column-level shorthands)
  NameMode name_mode = NameMode::kNone;
  Mark referred_table;                 // foreign keys: the referred table
  std::vector<Mark> referred_columns;  // foreign keys: each referred column
};

// Where a table's parts were written; vectors run parallel to the Table's.
struct TableSource {
  Mark mark;  // the table's key
  ConstraintSource primary_key;
  std::vector<ConstraintSource> uniques;
  std::vector<ConstraintSource> indexes;
  std::vector<ConstraintSource> foreign_keys;
  std::vector<ConstraintSource> checks;
};

// A parsed file: the catalog (constraints named as written) and the sources of its tables,
// parallel to catalog.tables.
struct ParsedSchema {
  Catalog catalog;
  std::vector<TableSource> tables;
};

}  // namespace schemadiff::yaml

#endif  // SCHEMADIFF_INTROSPECT_YAML_SOURCE_H_
