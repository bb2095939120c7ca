// Column renames inside expression text: the databases rewrite CHECK bodies, index expressions,
// partial-index predicates and generation expressions when a column is renamed, and the catalog
// must follow them so that a rename is not also reported as a changed check or index.
#ifndef SCHEMADIFF_DIFF_EXPRESSION_RENAME_H_
#define SCHEMADIFF_DIFF_EXPRESSION_RENAME_H_

#include <string>
#include <string_view>

#include "catalog/catalog.h"

namespace schemadiff {

// `expression` (canonical text in `dialect`'s spelling, "" for a dialect-free catalog) with
// every reference to column `from` of table `table` (bare, or qualified by the table name) made
// a reference to `to`, in canonical form. Function names and names after other qualifiers are
// left alone. Text that mentions no such column comes back unchanged.
std::string RenameColumnInExpression(std::string_view expression, std::string_view dialect,
                                     std::string_view table, std::string_view from,
                                     std::string_view to);

// Applies RenameColumnInExpression to every expression of `table` (checks, index keys and
// predicates, generated columns).
void RenameColumnInExpressions(Table& table, std::string_view dialect, std::string_view from,
                               std::string_view to);

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_EXPRESSION_RENAME_H_
